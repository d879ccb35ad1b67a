/**
 * Answers from any model the AI SDK (`ai`) reaches (OpenAI, Anthropic, Google, Mistral,
 * local models and more), streamed as ChatKit events: the counterpart of
 * `streamAgentResponse` for `streamText`.
 *
 * - text deltas become an assistant message; sources become its annotations;
 * - reasoning becomes a reasoning workflow whose thoughts are its tasks;
 * - a tool the server runs (one with `execute`) shows as a progress line;
 * - a tool without `execute` is a ChatKit client tool call: the turn ends with a pending
 *   `client_tool_call`, the page answers it, and the next turn gives the model its result;
 * - generated images become image items;
 * - errors become a readable `error` event that never quotes a key; a reader who leaves
 *   aborts the model call.
 */
import { stepCountIs, streamText, type LanguageModel, type ModelMessage, type ToolSet } from 'ai';
import type { RespondArgs } from '../protocol/chatkit-server.js';
import { ChatKitStreamError, modelHttpError, now, progress } from '../protocol/events.js';
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  ClientToolCallItem,
  GeneratedImageItem,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  WorkflowItem,
} from '../protocol/types.js';
import { safeLogger, type LogHook } from '../http/log.js';
import { maskApiKeys } from '../shared/api-key.js';
import { generateId, loadAllThreadItems, type StoreContext } from '../stores/store.js';

/** The parts of `streamText`'s `fullStream` this adapter reads. */
export type AiSdkStreamPart =
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; text: string }
  | { type: 'text-end'; id: string }
  | { type: 'reasoning-start'; id: string }
  | { type: 'reasoning-delta'; id: string; text: string }
  | { type: 'reasoning-end'; id: string }
  | { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown }
  | { type: 'source'; sourceType: 'url'; url: string; title?: string }
  | { type: 'source'; sourceType: 'document'; title: string; filename?: string }
  | { type: 'file'; file: { mediaType: string; base64: string } }
  | { type: 'finish-step' }
  | { type: 'error'; error: unknown }
  | { type: 'abort' }
  | { type: string };

export interface StreamAiSdkResponseOptions {
  /** The tools given to `streamText`: those without `execute` are ChatKit client tools. */
  tools?: ToolSet;
  /** What a server tool shows while it runs. @default `Using <tool name>…` */
  toolProgress?: (toolName: string) => string | undefined;
}

/** Streams an AI SDK run (`streamText(...).fullStream`) as ChatKit events. */
export async function* streamAiSdkResponse(
  thread: ThreadMetadata,
  parts: AsyncIterable<AiSdkStreamPart>,
  options: StreamAiSdkResponseOptions = {},
): AsyncGenerator<ThreadStreamEvent> {
  let message: { item: AssistantMessageItem; text: string; annotations: Annotation[] } | undefined;
  let workflow: { item: WorkflowItem; thoughts: Map<string, string> } | undefined;
  let clientCall: ClientToolCallItem | undefined;
  const updated = (itemId: string, update: Extract<ThreadStreamEvent, { type: 'thread.item.updated' }>['update']): ThreadStreamEvent => ({
    type: 'thread.item.updated',
    item_id: itemId,
    update,
  });

  function* endWorkflow(): Generator<ThreadStreamEvent> {
    if (!workflow) return;
    const { item } = workflow;
    item.workflow.summary = { duration: Math.max(0, Math.floor((Date.now() - Date.parse(item.created_at)) / 1000)) };
    workflow = undefined;
    yield { type: 'thread.item.done', item };
  }
  function* endMessage(): Generator<ThreadStreamEvent> {
    if (!message) return;
    const content: AssistantMessageContent = { type: 'output_text', text: message.text, annotations: message.annotations };
    const done: AssistantMessageItem = { ...message.item, content: [content] };
    message = undefined;
    yield updated(done.id, { type: 'assistant_message.content_part.done', content_index: 0, content });
    yield { type: 'thread.item.done', item: done };
  }

  for await (const part of parts) {
    switch (part.type) {
      case 'reasoning-start': {
        const { id } = part as { id: string };
        if (!workflow) {
          const item: WorkflowItem = {
            type: 'workflow',
            id: generateId('workflow'),
            thread_id: thread.id,
            created_at: now(),
            workflow: { type: 'reasoning', tasks: [], expanded: false },
          };
          workflow = { item, thoughts: new Map() };
          yield { type: 'thread.item.added', item };
        }
        workflow.thoughts.set(id, '');
        break;
      }
      case 'reasoning-delta': {
        const { id, text } = part as { id: string; text: string };
        if (workflow) workflow.thoughts.set(id, (workflow.thoughts.get(id) ?? '') + text);
        break;
      }
      case 'reasoning-end': {
        const { id } = part as { id: string };
        const content = workflow?.thoughts.get(id)?.trim();
        if (workflow && content) {
          const task = { type: 'thought' as const, content };
          workflow.item.workflow.tasks.push(task);
          yield updated(workflow.item.id, { type: 'workflow.task.added', task_index: workflow.item.workflow.tasks.length - 1, task });
        }
        break;
      }
      case 'text-start': {
        yield* endWorkflow();
        if (message) break; // one message per step: more text parts join it
        const item: AssistantMessageItem = {
          type: 'assistant_message',
          id: generateId('message'),
          thread_id: thread.id,
          created_at: now(),
          content: [],
        };
        message = { item, text: '', annotations: [] };
        yield { type: 'thread.item.added', item };
        yield updated(item.id, {
          type: 'assistant_message.content_part.added',
          content_index: 0,
          content: { type: 'output_text', text: '', annotations: [] },
        });
        break;
      }
      case 'text-delta': {
        const { text } = part as { text: string };
        if (!message || !text) break;
        message.text += text;
        yield updated(message.item.id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: text });
        break;
      }
      case 'source': {
        if (!message) break;
        const source = part as { sourceType: string; url?: string; title?: string; filename?: string };
        const annotation: Annotation | undefined =
          source.sourceType === 'url' && source.url
            ? { type: 'annotation', source: { type: 'url', url: source.url, title: source.title ?? source.url } }
            : source.sourceType === 'document'
              ? {
                  type: 'annotation',
                  source: { type: 'file', filename: source.filename ?? source.title ?? 'document', title: source.title ?? 'document' },
                }
              : undefined;
        if (!annotation) break;
        message.annotations.push(annotation);
        yield updated(message.item.id, {
          type: 'assistant_message.content_part.annotation_added',
          content_index: 0,
          annotation_index: message.annotations.length - 1,
          annotation,
        });
        break;
      }
      case 'file': {
        const { file } = part as { file: { mediaType: string; base64: string } };
        if (!file.mediaType.startsWith('image/')) break;
        yield* endWorkflow();
        const id = generateId('message');
        const image: GeneratedImageItem = {
          type: 'generated_image',
          id,
          thread_id: thread.id,
          created_at: now(),
          image: { id, url: `data:${file.mediaType};base64,${file.base64}` },
        };
        yield { type: 'thread.item.done', item: image };
        break;
      }
      case 'tool-call': {
        const call = part as { toolCallId: string; toolName: string; input: unknown };
        const tool = options.tools?.[call.toolName] as { execute?: unknown } | undefined;
        if (tool && typeof tool.execute !== 'function') {
          // A client tool: the page runs it. ChatKit has one pending call at a time.
          clientCall ??= {
            type: 'client_tool_call',
            id: generateId('tool_call'),
            thread_id: thread.id,
            created_at: now(),
            status: 'pending',
            call_id: call.toolCallId,
            name: call.toolName,
            arguments: (call.input ?? {}) as Record<string, unknown>,
          };
        } else {
          const text = options.toolProgress ? options.toolProgress(call.toolName) : `Using ${call.toolName}…`;
          if (text) yield progress(text);
        }
        break;
      }
      case 'finish-step':
        yield* endMessage();
        break;
      case 'error':
        throw toReadableError((part as { error: unknown }).error);
      case 'abort':
        return;
    }
  }
  yield* endMessage();
  yield* endWorkflow();
  if (clientCall) yield { type: 'thread.item.done', item: clientCall };
}

/**
 * A message the reader can see for a model or provider error: by its HTTP status (as the
 * Agents SDK adapter says it), else the error's own message with anything shaped like a
 * key masked. Never the raw request.
 */
export function toReadableError(error: unknown): ChatKitStreamError {
  if (error instanceof ChatKitStreamError) return error;
  const { statusCode, message } = (error ?? {}) as { statusCode?: number; message?: string };
  if (typeof statusCode === 'number') return modelHttpError(statusCode);
  const detail = maskApiKeys(String(message ?? error)).slice(0, 200);
  return new ChatKitStreamError(`The model could not answer: ${detail}`, { allowRetry: true });
}

/**
 * A thread as the model's messages: the user's and the assistant's text, attachments
 * named in the user's message, and completed client tool calls as a tool call and its
 * result. Widgets, workflows and other display-only items are left out.
 */
export function threadItemsToModelMessages(items: readonly ThreadItem[]): ModelMessage[] {
  const messages: ModelMessage[] = [];
  for (const item of items) {
    switch (item.type) {
      case 'user_message': {
        const text = item.content.map((part) => ('text' in part ? part.text : '')).join('');
        const attached = item.attachments.map((attachment) => `[attached: ${attachment.name} (${attachment.mime_type})]`);
        const quoted = item.quoted_text ? [`> ${item.quoted_text}`] : [];
        messages.push({ role: 'user', content: [...quoted, text, ...attached].filter(Boolean).join('\n') });
        break;
      }
      case 'assistant_message':
        messages.push({ role: 'assistant', content: item.content.map((part) => part.text).join('') });
        break;
      case 'client_tool_call':
        if (item.status !== 'completed') break;
        messages.push({
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: item.call_id, toolName: item.name, input: item.arguments }],
        });
        messages.push({
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: item.call_id,
              toolName: item.name,
              output: { type: 'json', value: (item.output ?? null) as never },
            },
          ],
        });
        break;
      case 'hidden_context_item':
      case 'sdk_hidden_context':
        messages.push({ role: 'user', content: typeof item.content === 'string' ? item.content : JSON.stringify(item.content) });
        break;
    }
  }
  return messages;
}

export interface AiSdkResponderOptions {
  /** Any AI SDK language model: `anthropic('claude-…')`, `openai('gpt-…')`, a local model. */
  model: LanguageModel;
  /** The system prompt. */
  system?: string;
  /** Tools: with `execute` they run on the server; without it, on the page (client tools). */
  tools?: ToolSet;
  /** How many model calls one turn may make, tool results included. @default 5 */
  maxSteps?: number;
  /** Any other option of `streamText` (temperature, providerOptions, ...). */
  streamTextOptions?: Omit<Parameters<typeof streamText>[0], 'model' | 'system' | 'tools' | 'messages' | 'prompt' | 'abortSignal'>;
  toolProgress?: StreamAiSdkResponseOptions['toolProgress'];
  /** Receives `chatkit.model_failed` entries (masked) when the model or provider fails. */
  log?: LogHook;
}

/** A ready `respond` for `createChatKitServer` that answers with an AI SDK model. */
export function aiSdkResponder<C extends StoreContext = StoreContext>(options: AiSdkResponderOptions) {
  const log = safeLogger(options.log);
  return async function* respond({ thread, context, store, signal }: RespondArgs<C>): AsyncGenerator<ThreadStreamEvent> {
    const messages = threadItemsToModelMessages(await loadAllThreadItems(store, thread.id, context));
    const result = streamText({
      ...options.streamTextOptions,
      model: options.model,
      ...(options.system && { system: options.system }),
      ...(options.tools && { tools: options.tools }),
      messages,
      abortSignal: signal,
      stopWhen: stepCountIs(options.maxSteps ?? 5),
      // The AI SDK logs stream errors to the console by default, raw: a provider's
      // message may quote the key. They reach the reader as an error event instead, and
      // the log hook masked.
      onError: ({ error }) => log({ level: 'error', event: 'chatkit.model_failed', message: String((error as Error)?.message ?? error) }),
    });
    yield* streamAiSdkResponse(thread, result.fullStream as AsyncIterable<AiSdkStreamPart>, {
      ...(options.tools && { tools: options.tools }),
      ...(options.toolProgress && { toolProgress: options.toolProgress }),
    });
  };
}
