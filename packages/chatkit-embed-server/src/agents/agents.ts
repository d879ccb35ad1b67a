/**
 * ChatKit and the OpenAI Agents SDK for JavaScript (`@openai/agents`): the counterpart of
 * chatkit-python's `chatkit/agents.py`.
 *
 * - `streamAgentResponse` turns a streamed run (`await run(agent, input, { stream: true })`)
 *   into ChatKit stream events: assistant messages with annotations, reasoning summaries as
 *   a "reasoning" workflow of thoughts, generated images with partial previews, whatever
 *   tools stream through an `AgentContext`, and a pending client tool call at the end.
 *   A guardrail tripwire removes every item the run produced, then rethrows.
 * - `threadItemsToAgentInput` / `loadAgentInput` turn a thread's items back into the
 *   SDK's `AgentInputItem[]` (chatkit-python's `ThreadItemConverter`).
 * - `agentResponder` is a ready `respond` for `createChatKitServer`.
 *
 * Events are read from the SDK's own types: `raw_model_stream_event`s whose `data` is a
 * raw Responses API event (`isOpenAIResponsesRawModelStreamEvent`) drive the rich mapping;
 * models that do not speak the Responses API still stream plain text, from the SDK's
 * generic `output_text_delta` / `response_done` events.
 */
import {
  InputGuardrailTripwireTriggered,
  MaxTurnsExceededError,
  ModelBehaviorError,
  ModelTimeoutError,
  OutputGuardrailTripwireTriggered,
  Runner,
  isOpenAIResponsesRawModelStreamEvent,
  type Agent,
  type AgentInputItem,
  type OpenAIResponsesRawModelStreamEvent,
  type RunStreamEvent,
  type StreamRunOptions,
  type StreamedRunResult,
  type UserMessageItem as AgentUserMessageItem,
} from '@openai/agents';
import type { RespondArgs } from '../protocol/chatkit-server.js';
import { ChatKitStreamError, modelHttpError, now, streamWidget } from '../protocol/events.js';
import { safeLogger, type LogHook } from '../http/log.js';
import { generateId, loadAllThreadItems, type ChatKitStore, type StoreContext, type StoreItemType } from '../stores/store.js';
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  Attachment,
  ClientToolCallItem,
  EndOfTurnItem,
  GeneratedImageItem,
  HiddenContextItem,
  SDKHiddenContextItem,
  StructuredInputItem,
  Task,
  TaskItem,
  ThoughtTask,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  UserMessageTagContent,
  WidgetItem,
  WidgetRoot,
  Workflow,
  WorkflowItem,
  WorkflowSummary,
} from '../protocol/types.js';

/** A raw Responses API stream event, as the SDK's OpenAI Responses model passes it through. */
type ResponsesEvent = OpenAIResponsesRawModelStreamEvent['data']['event'];
type ResponsesOf<T extends ResponsesEvent['type']> = Extract<ResponsesEvent, { type: T }>;
type ResponsesAnnotation = NonNullable<ResponsesOf<'response.output_text.annotation.added'>['annotation']>;
type ResponsesOutputItem = ResponsesOf<'response.output_item.added'>['item'];
type ResponsesMessageContent = Extract<ResponsesOutputItem, { type: 'message' }>['content'][number];
type UserContent = Exclude<AgentUserMessageItem['content'], string>[number];

// ---------- AgentContext ----------

/** A call of a tool that runs in the browser: ChatKit.js's `onClientTool` answers it. */
export interface ClientToolCall {
  name: string;
  arguments: Record<string, unknown>;
  /** The model's call id; the last function call's id when left out. */
  callId?: string;
}

/** Events queued by tools through an `AgentContext`, merged into the stream as they come. */
class EventQueue {
  #events: ThreadStreamEvent[] = [];
  #ready: { promise: Promise<void>; resolve: () => void } | undefined;
  push(event: ThreadStreamEvent): void {
    this.#events.push(event);
    this.#ready?.resolve();
    this.#ready = undefined;
  }
  shift(): ThreadStreamEvent | undefined {
    return this.#events.shift();
  }
  clear(): void {
    this.#events = [];
  }
  /** Resolves once an event is waiting. */
  ready(): Promise<void> {
    if (this.#events.length > 0) return Promise.resolve();
    if (!this.#ready) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#ready = { promise, resolve };
    }
    return this.#ready.promise;
  }
}

const queues = new WeakMap<AgentContext<any>, EventQueue>();
/** Workflows continued from the store: already saved, so they end with `thread.item.replaced`. */
const storedWorkflows = new WeakSet<WorkflowItem>();

/**
 * Pass one as the run's `context` (`run(agent, input, { stream: true, context })`); tools
 * then reach it as `runContext.context` to stream progress, widgets and workflow tasks
 * into the ChatKit response, or to hand a call to the client (chatkit-python's
 * `AgentContext`).
 */
export class AgentContext<C extends StoreContext = StoreContext> {
  readonly thread: ThreadMetadata;
  readonly store: ChatKitStore | undefined;
  readonly requestContext: C | undefined;
  /** Set by a tool (or `requestClientToolCall`) to end the turn with a pending client tool call. */
  clientToolCall: ClientToolCall | undefined;
  /** The workflow being streamed, if any. */
  workflowItem: WorkflowItem | undefined;

  constructor(init: { thread: ThreadMetadata; store?: ChatKitStore; requestContext?: C }) {
    this.thread = init.thread;
    this.store = init.store;
    this.requestContext = init.requestContext;
    queues.set(this, new EventQueue());
  }

  /** A new item id, from the store's generator when there is a store. */
  generateId(type: Exclude<StoreItemType, 'thread'>): string {
    if (this.store && this.requestContext) return this.store.generateItemId(type, this.thread, this.requestContext);
    return generateId(type);
  }

  /** Queues any ChatKit event (progress update, client effect, notice, item...) for the stream. */
  stream(event: ThreadStreamEvent): void {
    queues.get(this)!.push(event);
  }

  /** Streams a widget (one state, or successive states) into the thread. */
  async streamWidget(widget: WidgetRoot | AsyncIterable<WidgetRoot>, copyText?: string): Promise<void> {
    const options = { id: this.generateId('message'), ...(copyText && { copyText }) };
    for await (const event of streamWidget(this.thread, widget, options)) this.stream(event);
  }

  /**
   * Ends the turn with a pending client tool call. Pass the tool's `details` (the third
   * argument of a function tool's `execute`) to use the model's own call id.
   */
  requestClientToolCall(name: string, args: Record<string, unknown> = {}, details?: { toolCall?: { callId: string } }): void {
    const callId = details?.toolCall?.callId;
    this.clientToolCall = { name, arguments: args, ...(callId && { callId }) };
  }

  /** Starts a workflow; a custom one without tasks is shown once its first task is added. */
  startWorkflow(workflow: Workflow): void {
    this.workflowItem = { type: 'workflow', id: this.generateId('workflow'), thread_id: this.thread.id, created_at: now(), workflow };
    if (workflow.type !== 'reasoning' && workflow.tasks.length === 0) return;
    this.stream({ type: 'thread.item.added', item: this.workflowItem });
  }

  /** Adds a task to the current workflow (starting a custom one if there is none). */
  addWorkflowTask(task: Task): void {
    this.workflowItem ??= {
      type: 'workflow',
      id: this.generateId('workflow'),
      thread_id: this.thread.id,
      created_at: now(),
      workflow: { type: 'custom', tasks: [], expanded: false },
    };
    const workflow = this.workflowItem.workflow;
    workflow.tasks.push(task);
    if (workflow.type !== 'reasoning' && workflow.tasks.length === 1) {
      this.stream({ type: 'thread.item.added', item: this.workflowItem });
    } else {
      this.stream({
        type: 'thread.item.updated',
        item_id: this.workflowItem.id,
        update: { type: 'workflow.task.added', task, task_index: workflow.tasks.length - 1 },
      });
    }
  }

  updateWorkflowTask(task: Task, taskIndex: number): void {
    if (!this.workflowItem) throw new Error('There is no workflow to update.');
    this.workflowItem.workflow.tasks[taskIndex] = task;
    this.stream({
      type: 'thread.item.updated',
      item_id: this.workflowItem.id,
      update: { type: 'workflow.task.updated', task, task_index: taskIndex },
    });
  }

  /** Finishes the current workflow; without a summary, it gets its duration in seconds. */
  endWorkflow(summary?: WorkflowSummary, expanded = false): void {
    const item = this.workflowItem;
    if (!item) return;
    if (summary) item.workflow.summary = summary;
    this.stream(finishWorkflow(this, item, expanded));
  }
}

function finishWorkflow(ctx: AgentContext<any>, item: WorkflowItem, expanded: boolean): ThreadStreamEvent {
  if (ctx.workflowItem === item) ctx.workflowItem = undefined;
  item.workflow.summary ??= { duration: Math.max(0, Math.floor((Date.now() - Date.parse(item.created_at)) / 1000)) };
  item.workflow.expanded = expanded;
  return storedWorkflows.has(item) ? { type: 'thread.item.replaced', item } : { type: 'thread.item.done', item };
}

// ---------- streamAgentResponse ----------

/** How Responses API output becomes ChatKit values (chatkit-python's `ResponseStreamConverter`). */
export interface ResponseStreamConverter {
  /**
   * The number of partial images the image generation tool was asked for; partial image
   * `i` then reports progress `i / partialImages`. Without it, progress is 0.
   */
  partialImages?: number;
  /** The URL stored for a generated image. @default a `data:image/png;base64,` URL */
  base64ImageToUrl?(imageId: string, base64Image: string, partialImageIndex?: number): string | Promise<string>;
  fileCitationToAnnotation?(
    citation: Extract<ResponsesAnnotation, { type: 'file_citation' }>,
  ): Annotation | null | Promise<Annotation | null>;
  urlCitationToAnnotation?(
    citation: Extract<ResponsesAnnotation, { type: 'url_citation' }>,
  ): Annotation | null | Promise<Annotation | null>;
  containerFileCitationToAnnotation?(
    citation: Extract<ResponsesAnnotation, { type: 'container_file_citation' }>,
  ): Annotation | null | Promise<Annotation | null>;
}

export const defaultResponseStreamConverter: Required<Omit<ResponseStreamConverter, 'partialImages'>> = {
  base64ImageToUrl: (_imageId, base64Image) => `data:image/png;base64,${base64Image}`,
  fileCitationToAnnotation: (citation) =>
    citation.filename
      ? { type: 'annotation', source: { type: 'file', filename: citation.filename, title: citation.filename }, index: citation.index }
      : null,
  urlCitationToAnnotation: (citation) => ({
    type: 'annotation',
    source: { type: 'url', url: citation.url, title: citation.title },
    index: citation.end_index,
  }),
  containerFileCitationToAnnotation: (citation) =>
    citation.filename
      ? { type: 'annotation', source: { type: 'file', filename: citation.filename, title: citation.filename }, index: citation.end_index }
      : null,
};

export interface StreamAgentResponseOptions {
  /** The context tools stream through. @default the run's context, when it is an `AgentContext` */
  context?: AgentContext<any>;
  /** Stop at once (and cancel the run) when aborted; nothing more is yielded. */
  signal?: AbortSignal;
  converter?: ResponseStreamConverter;
  /**
   * Names of tools that run on the client: a call to one ends the turn with a pending
   * `client_tool_call` item carrying the call's arguments. (Give the agent
   * `toolUseBehavior: { stopAtToolNames: [...] }` so the run stops there.)
   */
  clientTools?: Iterable<string>;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

export function isGuardrailTripwire(error: unknown): error is InputGuardrailTripwireTriggered | OutputGuardrailTripwireTriggered<any, any> {
  return error instanceof InputGuardrailTripwireTriggered || error instanceof OutputGuardrailTripwireTriggered;
}

/**
 * Converts a streamed Agents SDK run into ChatKit thread stream events (chatkit-python's
 * `stream_agent_response`). On a guardrail tripwire, every item the run produced is
 * removed (`thread.item.removed`) and the tripwire error is rethrown.
 */
export async function* streamAgentResponse(
  thread: ThreadMetadata,
  result: StreamedRunResult<any, any>,
  options: StreamAgentResponseOptions = {},
): AsyncGenerator<ThreadStreamEvent, void> {
  const runContext = result.runContext.context as unknown;
  const ctx: AgentContext<any> = options.context ?? (runContext instanceof AgentContext ? runContext : new AgentContext({ thread }));
  const queue = queues.get(ctx)!;
  const converter = { ...defaultResponseStreamConverter, ...options.converter };
  const clientTools = new Set(options.clientTools ?? []);
  const { signal } = options;
  const clone = <T>(value: T): T => structuredClone(value);

  /** Ids of the ChatKit items this run produced, for removal on a guardrail tripwire. */
  const produced = new Set<string>();
  /** Responses output item id → ChatKit assistant message. */
  const messages = new Map<string, AssistantMessageItem>();
  /** Responses image generation call id → ChatKit generated image item. */
  const images = new Map<string, GeneratedImageItem>();
  /** `${itemId}/${contentIndex}` → annotations converted so far. */
  const annotations = new Map<string, Annotation[]>();
  let streamingThought: { itemId: string; summaryIndex: number; task: ThoughtTask } | undefined;
  let lastFunctionCall: { callId: string; name: string } | undefined;
  let calledClientTool: ClientToolCall | undefined;
  /** Whether the current model response speaks the Responses API (else plain text is streamed). */
  let responsesTurn = false;
  let plainMessage: AssistantMessageItem | undefined;
  let plainText = '';

  const added = (item: ThreadItem): ThreadStreamEvent => {
    produced.add(item.id);
    return { type: 'thread.item.added', item: clone(item) };
  };
  const updated = (itemId: string, update: Extract<ThreadStreamEvent, { type: 'thread.item.updated' }>['update']): ThreadStreamEvent => ({
    type: 'thread.item.updated',
    item_id: itemId,
    update: clone(update),
  });
  const endWorkflow = (item: WorkflowItem): ThreadStreamEvent => clone(finishWorkflow(ctx, item, false));

  const convertAnnotation = async (raw: unknown): Promise<Annotation | null> => {
    const annotation = raw as ResponsesAnnotation | null;
    switch (annotation?.type) {
      case 'file_citation':
        return converter.fileCitationToAnnotation(annotation);
      case 'url_citation':
        return converter.urlCitationToAnnotation(annotation);
      case 'container_file_citation':
        return converter.containerFileCitationToAnnotation(annotation);
      default:
        return null;
    }
  };
  const convertContent = async (content: ResponsesMessageContent): Promise<AssistantMessageContent> => {
    if (content.type !== 'output_text') return { type: 'output_text', text: content.refusal, annotations: [] };
    const converted = await Promise.all((content.annotations ?? []).map(convertAnnotation));
    return { type: 'output_text', text: content.text, annotations: converted.filter((a): a is Annotation => a !== null) };
  };

  // Continue the workflow the previous turn left open (before a client tool call).
  if (ctx.store && ctx.requestContext && !ctx.workflowItem) {
    const recent = await ctx.store.loadThreadItems(thread.id, null, 2, 'desc', ctx.requestContext);
    const [last, secondLast] = recent.data;
    const open =
      last?.type === 'workflow' ? last : last?.type === 'client_tool_call' && secondLast?.type === 'workflow' ? secondLast : undefined;
    if (open && !open.workflow.summary) {
      storedWorkflows.add(open);
      ctx.workflowItem = open;
    }
  }

  async function* fromContext(event: ThreadStreamEvent): AsyncGenerator<ThreadStreamEvent> {
    if (event.type === 'thread.item.added' || event.type === 'thread.item.done') {
      // A visual item after a workflow closes it.
      const current = ctx.workflowItem;
      if (current && current.id !== event.item.id && event.item.type !== 'client_tool_call' && event.item.type !== 'hidden_context_item') {
        yield endWorkflow(current);
      }
      if (event.type === 'thread.item.added' && event.item.type === 'workflow') ctx.workflowItem = event.item;
      produced.add(event.item.id);
    }
    yield clone(event);
  }

  async function* fromResponses(event: ResponsesEvent): AsyncGenerator<ThreadStreamEvent> {
    switch (event.type) {
      case 'response.output_item.added': {
        const item = event.item;
        if (item.type === 'reasoning' && !ctx.workflowItem) {
          ctx.workflowItem = {
            type: 'workflow',
            id: ctx.generateId('workflow'),
            thread_id: thread.id,
            created_at: now(),
            workflow: { type: 'reasoning', tasks: [], expanded: false },
          };
          yield added(ctx.workflowItem);
        } else if (item.type === 'message') {
          if (ctx.workflowItem) yield endWorkflow(ctx.workflowItem);
          const message: AssistantMessageItem = {
            type: 'assistant_message',
            id: ctx.generateId('message'),
            thread_id: thread.id,
            created_at: now(),
            content: await Promise.all(item.content.map(convertContent)),
          };
          messages.set(item.id, message);
          yield added(message);
        } else if (item.type === 'image_generation_call') {
          const image: GeneratedImageItem = {
            type: 'generated_image',
            id: ctx.generateId('message'),
            thread_id: thread.id,
            created_at: now(),
          };
          images.set(item.id, image);
          yield added(image);
        }
        return;
      }
      case 'response.content_part.added': {
        const message = messages.get(event.item_id);
        if (!message || event.part.type === 'reasoning_text') return;
        yield updated(message.id, {
          type: 'assistant_message.content_part.added',
          content_index: event.content_index,
          content: await convertContent(event.part),
        });
        return;
      }
      case 'response.output_text.delta':
      case 'response.refusal.delta': {
        const message = messages.get(event.item_id);
        if (!message) return;
        yield updated(message.id, {
          type: 'assistant_message.content_part.text_delta',
          content_index: event.content_index,
          delta: event.delta,
        });
        return;
      }
      case 'response.output_text.annotation.added': {
        const message = messages.get(event.item_id);
        const annotation = message && (await convertAnnotation(event.annotation));
        if (!message || !annotation) return;
        // Count per content part: annotations that cannot be converted are dropped.
        const key = `${event.item_id}/${event.content_index}`;
        const list = annotations.get(key) ?? [];
        annotations.set(key, [...list, annotation]);
        yield updated(message.id, {
          type: 'assistant_message.content_part.annotation_added',
          content_index: event.content_index,
          annotation_index: list.length,
          annotation,
        });
        return;
      }
      case 'response.output_text.done': {
        const message = messages.get(event.item_id);
        if (!message) return;
        const content: AssistantMessageContent = {
          type: 'output_text',
          text: event.text,
          annotations: annotations.get(`${event.item_id}/${event.content_index}`) ?? [],
        };
        yield updated(message.id, { type: 'assistant_message.content_part.done', content_index: event.content_index, content });
        return;
      }
      case 'response.refusal.done': {
        const message = messages.get(event.item_id);
        if (!message) return;
        const content: AssistantMessageContent = { type: 'output_text', text: event.refusal, annotations: [] };
        yield updated(message.id, { type: 'assistant_message.content_part.done', content_index: event.content_index, content });
        return;
      }
      case 'response.image_generation_call.partial_image': {
        const image = images.get(event.item_id);
        if (!image) return;
        const url = await converter.base64ImageToUrl(event.item_id, event.partial_image_b64, event.partial_image_index);
        const partials = options.converter?.partialImages;
        const progress = partials && partials > 0 ? Math.min(1, event.partial_image_index / partials) : 0;
        image.image = { id: event.item_id, url };
        yield updated(image.id, { type: 'generated_image.updated', image: image.image, progress });
        return;
      }
      case 'response.reasoning_summary_text.delta': {
        const workflow = ctx.workflowItem?.workflow;
        if (!workflow) return;
        if (workflow.type === 'reasoning' && workflow.tasks.length === 0) {
          // Stream the first thought of a new reasoning workflow, to show it early.
          streamingThought = {
            itemId: event.item_id,
            summaryIndex: event.summary_index,
            task: { type: 'thought', content: event.delta, status_indicator: 'none' },
          };
          workflow.tasks.push(streamingThought.task);
          yield updated(ctx.workflowItem!.id, { type: 'workflow.task.added', task: streamingThought.task, task_index: 0 });
        } else if (streamingThought && sameThought(event) && workflow.tasks.includes(streamingThought.task)) {
          streamingThought.task.content += event.delta;
          yield updated(ctx.workflowItem!.id, {
            type: 'workflow.task.updated',
            task: streamingThought.task,
            task_index: workflow.tasks.indexOf(streamingThought.task),
          });
        }
        return;
      }
      case 'response.reasoning_summary_text.done': {
        const workflow = ctx.workflowItem?.workflow;
        if (!workflow) return;
        if (streamingThought && sameThought(event) && workflow.tasks.includes(streamingThought.task)) {
          const task = streamingThought.task;
          task.content = event.text;
          streamingThought = undefined;
          yield updated(ctx.workflowItem!.id, { type: 'workflow.task.updated', task, task_index: workflow.tasks.indexOf(task) });
        } else {
          const task: ThoughtTask = { type: 'thought', content: event.text, status_indicator: 'none' };
          workflow.tasks.push(task);
          yield updated(ctx.workflowItem!.id, { type: 'workflow.task.added', task, task_index: workflow.tasks.length - 1 });
        }
        return;
      }
      case 'response.output_item.done': {
        const item = event.item;
        if (item.type === 'message') {
          const message = messages.get(item.id);
          if (!message) return;
          messages.delete(item.id);
          message.content = await Promise.all(item.content.map(convertContent));
          yield { type: 'thread.item.done', item: clone(message) };
        } else if (item.type === 'image_generation_call') {
          const image = images.get(item.id);
          if (!image) return;
          images.delete(item.id);
          if (!item.result) {
            // The generation failed: no image to keep.
            produced.delete(image.id);
            yield { type: 'thread.item.removed', item_id: image.id };
            return;
          }
          image.image = { id: item.id, url: await converter.base64ImageToUrl(item.id, item.result) };
          yield { type: 'thread.item.done', item: clone(image) };
        }
        return;
      }
    }
  }

  function sameThought(event: { item_id: string; summary_index: number }): boolean {
    return event.item_id === streamingThought?.itemId && event.summary_index === streamingThought.summaryIndex;
  }

  async function* fromRun(event: RunStreamEvent): AsyncGenerator<ThreadStreamEvent> {
    if (event.type === 'run_item_stream_event') {
      const item = event.item;
      if (event.name === 'tool_called' && item.type === 'tool_call_item' && item.rawItem.type === 'function_call') {
        const call = item.rawItem;
        lastFunctionCall = { callId: call.callId, name: call.name };
        if (clientTools.has(call.name))
          calledClientTool = { name: call.name, arguments: parseArguments(call.arguments), callId: call.callId };
      }
      return;
    }
    if (event.type !== 'raw_model_stream_event') return;
    if (isOpenAIResponsesRawModelStreamEvent(event)) {
      responsesTurn = true;
      yield* fromResponses(event.data.event);
      return;
    }
    // Any other model: plain text from the SDK's generic events.
    const data = event.data;
    if (data.type === 'response_started') responsesTurn = false;
    if (responsesTurn) return;
    if (data.type === 'output_text_delta' && data.delta) {
      if (!plainMessage) {
        if (ctx.workflowItem) yield endWorkflow(ctx.workflowItem);
        plainMessage = { type: 'assistant_message', id: ctx.generateId('message'), thread_id: thread.id, created_at: now(), content: [] };
        plainText = '';
        yield added(plainMessage);
        yield updated(plainMessage.id, {
          type: 'assistant_message.content_part.added',
          content_index: 0,
          content: { type: 'output_text', text: '', annotations: [] },
        });
      }
      plainText += data.delta;
      yield updated(plainMessage.id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: data.delta });
    } else if (data.type === 'response_done' && plainMessage) {
      const content: AssistantMessageContent = { type: 'output_text', text: plainText, annotations: [] };
      yield updated(plainMessage.id, { type: 'assistant_message.content_part.done', content_index: 0, content });
      yield { type: 'thread.item.done', item: clone({ ...plainMessage, content: [content] }) };
      plainMessage = undefined;
    }
  }

  const reader = readerOf(result);
  if (signal?.aborted) {
    await reader.cancel().catch(() => {});
    return;
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  let read = settle(reader.read());
  let finished = false;
  try {
    for (;;) {
      for (let event = queue.shift(); event; event = queue.shift()) {
        yield* fromContext(event);
        if (signal?.aborted) return;
      }
      const next = await Promise.race([read, queue.ready().then(() => 'queued' as const), aborted]);
      if (next === 'aborted') return;
      if (next === 'queued') continue;
      if (!next.ok) throw next.error;
      if (next.value.done) {
        finished = true;
        break;
      }
      read = settle(reader.read());
      for await (const event of fromRun(next.value.value)) {
        yield event;
        if (signal?.aborted) return;
      }
    }
  } catch (error) {
    if (isGuardrailTripwire(error)) {
      queue.clear();
      ctx.workflowItem = undefined;
      for (const itemId of produced) yield { type: 'thread.item.removed', item_id: itemId };
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort!);
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  if (signal?.aborted || result.cancelled) return;

  // Tools may have queued events after the last model event.
  for (let event = queue.shift(); event; event = queue.shift()) yield* fromContext(event);

  // A workflow still open (the turn ends with a client tool call) is kept so the next
  // turn continues it; without a store, it is closed now.
  if (ctx.workflowItem) {
    if (ctx.store && ctx.requestContext) {
      await ctx.store.saveItem(thread.id, ctx.workflowItem, ctx.requestContext);
    } else {
      yield endWorkflow(ctx.workflowItem);
    }
  }

  const call = ctx.clientToolCall ?? calledClientTool;
  if (call) {
    const item: ClientToolCallItem = {
      type: 'client_tool_call',
      id: ctx.generateId('tool_call'),
      thread_id: thread.id,
      created_at: now(),
      status: 'pending',
      call_id: call.callId ?? lastFunctionCall?.callId ?? ctx.generateId('tool_call'),
      name: call.name,
      arguments: call.arguments,
    };
    yield { type: 'thread.item.done', item };
  }
}

interface RunReader {
  read(): Promise<IteratorResult<RunStreamEvent, unknown>>;
  /** Ends the run's stream at once, even while a read is pending (which cancels the run). */
  cancel(): Promise<void>;
  releaseLock(): void;
}

/** A reader on the run's event stream: a web stream reader where there is one. */
function readerOf(result: StreamedRunResult<any, any>): RunReader {
  const stream = result.toStream() as unknown as Partial<ReadableStream<RunStreamEvent>>;
  if (typeof stream.getReader === 'function') return stream.getReader();
  const iterator = result[Symbol.asyncIterator]();
  return {
    read: () => iterator.next() as Promise<IteratorResult<RunStreamEvent, unknown>>,
    cancel: async () => {
      await iterator.return?.();
    },
    releaseLock: () => {},
  };
}

function parseArguments(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { arguments: text };
  }
}

// ---------- thread items → agent input ----------

type Converted = AgentInputItem | AgentInputItem[] | null | undefined;
type MaybePromise<T> = T | Promise<T>;

/**
 * How thread items become model input (chatkit-python's `ThreadItemConverter`). Every
 * hook is optional; the defaults are `defaultThreadItemConverter`'s.
 */
export interface ThreadItemConverter {
  /** Required when user messages carry attachments: there is no default. */
  attachmentToContent?(attachment: Attachment): MaybePromise<UserContent>;
  /** An @-mention's context for the model. @default its id, name and data as text */
  tagToContent?(tag: UserMessageTagContent): MaybePromise<UserContent>;
  userMessageToInput?(item: UserMessageItem, isLastMessage: boolean): MaybePromise<Converted>;
  assistantMessageToInput?(item: AssistantMessageItem): MaybePromise<Converted>;
  clientToolCallToInput?(item: ClientToolCallItem): MaybePromise<Converted>;
  widgetToInput?(item: WidgetItem): MaybePromise<Converted>;
  generatedImageToInput?(item: GeneratedImageItem): MaybePromise<Converted>;
  taskToInput?(item: TaskItem): MaybePromise<Converted>;
  workflowToInput?(item: WorkflowItem): MaybePromise<Converted>;
  structuredInputToInput?(item: StructuredInputItem): MaybePromise<Converted>;
  /** @default string content as a hidden-context message; other content has no default */
  hiddenContextToInput?(item: HiddenContextItem): MaybePromise<Converted>;
  sdkHiddenContextToInput?(item: SDKHiddenContextItem): MaybePromise<Converted>;
  endOfTurnToInput?(item: EndOfTurnItem): MaybePromise<Converted>;
}

const userText = (text: string): AgentInputItem => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const hiddenContext = (content: string) =>
  userText(`Hidden context for the agent (not shown to the user):\n<HiddenContext>\n${content}\n</HiddenContext>`);
const taskText = (task: { title?: string | null; content?: string | null }): string | null => {
  const title = task.title ?? '';
  const content = task.content ?? '';
  if (!title && !content) return null;
  const text = title && content ? `${title}: ${content}` : title || content;
  return `A message was displayed to the user that the following task was performed:\n<Task>\n${text}\n</Task>`;
};
const withoutNulls = (value: unknown) => JSON.stringify(value, (_key, field: unknown) => (field === null ? undefined : field));

export const defaultThreadItemConverter: Required<ThreadItemConverter> = {
  attachmentToContent() {
    throw new Error('A user message has an attachment, but no `attachmentToContent` converter was given to turn it into model input.');
  },
  tagToContent(tag) {
    return { type: 'input_text', text: `<Tag>\nID: ${tag.id}\nName: @${tag.text}\nData: ${JSON.stringify(tag.data ?? {})}\n</Tag>` };
  },
  /** Uses `this.tagToContent` and `this.attachmentToContent`: spread it with your own hooks. */
  userMessageToInput(this: Required<ThreadItemConverter>, item, isLastMessage) {
    return userMessageToInput(item, isLastMessage, this);
  },
  assistantMessageToInput(item) {
    return {
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: item.content.map((part) => ({ type: 'output_text', text: part.text })),
    };
  },
  clientToolCallToInput(item) {
    // A pending call has no output yet: the model cannot be shown it.
    if (item.status === 'pending') return null;
    return [
      { type: 'function_call', callId: item.call_id, name: item.name, arguments: JSON.stringify(item.arguments), status: 'completed' },
      {
        type: 'function_call_result',
        callId: item.call_id,
        name: item.name,
        status: 'completed',
        output: JSON.stringify(item.output ?? null),
      },
    ];
  },
  widgetToInput(item) {
    return userText(`The following graphical UI widget (id: ${item.id}) was displayed to the user:${withoutNulls(item.widget)}`);
  },
  generatedImageToInput(item) {
    if (!item.image) return null;
    return {
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: 'The following image was generated by the agent.' },
        { type: 'input_image', image: item.image.url, detail: 'auto' },
      ],
    };
  },
  taskToInput(item) {
    const text = item.task.type === 'custom' ? taskText(item.task) : null;
    return text ? userText(text) : null;
  },
  workflowToInput(item) {
    return item.workflow.tasks.flatMap((task) => {
      const text = task.type === 'custom' ? taskText(task) : null;
      return text ? [userText(text)] : [];
    });
  },
  structuredInputToInput(item) {
    const lines = item.inputs.map((question) => {
      const answer = question.answer;
      const value = !answer ? 'unanswered' : answer.skipped ? 'skipped' : answer.values.join(', ');
      return `- ${question.question}: ${value}`;
    });
    return userText(
      `A structured input request was displayed to the user with the following status: ${item.status}\n<StructuredInput>\n${lines.join('\n')}\n</StructuredInput>`,
    );
  },
  hiddenContextToInput(item) {
    if (typeof item.content !== 'string') {
      throw new Error(
        'A hidden context item has non-string content, but no `hiddenContextToInput` converter was given to turn it into model input.',
      );
    }
    return hiddenContext(item.content);
  },
  sdkHiddenContextToInput: (item) => hiddenContext(item.content),
  endOfTurnToInput: () => null,
};

async function userMessageToInput(
  item: UserMessageItem,
  isLastMessage: boolean,
  hooks: Pick<ThreadItemConverter, 'attachmentToContent' | 'tagToContent'>,
): Promise<AgentInputItem[]> {
  const attachmentToContent = hooks.attachmentToContent ?? defaultThreadItemConverter.attachmentToContent;
  const tagToContent = hooks.tagToContent ?? defaultThreadItemConverter.tagToContent;
  // The text as typed, with tags as @name; the tags' details follow as context.
  let text = '';
  const tags: UserMessageTagContent[] = [];
  for (const part of item.content) {
    if (part.type === 'input_text') text += part.text;
    else {
      text += `@${part.text}`;
      tags.push(part);
    }
  }
  const attachments: UserContent[] = [];
  for (const attachment of item.attachments) attachments.push(await attachmentToContent(attachment));
  const out: AgentInputItem[] = [{ type: 'message', role: 'user', content: [{ type: 'input_text', text }, ...attachments] }];
  if (item.quoted_text && isLastMessage) out.push(userText(`The user is referring to this in particular: \n${item.quoted_text}`));
  const unique = tags.filter((tag, index) => tags.findIndex((other) => other.text === tag.text) === index);
  if (unique.length > 0) {
    const content: UserContent[] = [
      {
        type: 'input_text',
        text:
          '# User-provided context for @-mentions\n' +
          "- When referencing resolved entities, use their canonical names **without** '@'.\n" +
          "- The '@' form appears only in user text and should not be echoed.",
      },
    ];
    for (const tag of unique) content.push(await tagToContent(tag));
    out.push({ type: 'message', role: 'user', content });
  }
  return out;
}

/**
 * Converts thread items into the Agents SDK's input items, so the agent sees the whole
 * conversation (chatkit-python's `ThreadItemConverter.to_agent_input`).
 */
export async function threadItemsToAgentInput(
  items: ThreadItem | readonly ThreadItem[],
  converter: ThreadItemConverter = {},
): Promise<AgentInputItem[]> {
  const list = Array.isArray(items) ? [...items] : [items as ThreadItem];
  const hooks: Required<ThreadItemConverter> = { ...defaultThreadItemConverter, ...converter };
  const output: AgentInputItem[] = [];
  for (const [index, item] of list.entries()) {
    let converted: Converted;
    switch (item.type) {
      case 'user_message':
        converted = await hooks.userMessageToInput(item, index === list.length - 1);
        break;
      case 'assistant_message':
        converted = await hooks.assistantMessageToInput(item);
        break;
      case 'client_tool_call':
        converted = await hooks.clientToolCallToInput(item);
        break;
      case 'widget':
        converted = await hooks.widgetToInput(item);
        break;
      case 'generated_image':
        converted = await hooks.generatedImageToInput(item);
        break;
      case 'task':
        converted = await hooks.taskToInput(item);
        break;
      case 'workflow':
        converted = await hooks.workflowToInput(item);
        break;
      case 'structured_input':
        converted = await hooks.structuredInputToInput(item);
        break;
      case 'hidden_context_item':
        converted = await hooks.hiddenContextToInput(item);
        break;
      case 'sdk_hidden_context':
        converted = await hooks.sdkHiddenContextToInput(item);
        break;
      case 'end_of_turn':
        converted = await hooks.endOfTurnToInput(item);
        break;
    }
    if (Array.isArray(converted)) output.push(...converted);
    else if (converted) output.push(converted);
  }
  return output;
}

/** Loads every item of a thread, oldest first (hidden context included: it is for the model), as agent input. */
export async function loadAgentInput<C extends StoreContext>(
  store: ChatKitStore,
  thread: ThreadMetadata,
  context: C,
  converter?: ThreadItemConverter,
): Promise<AgentInputItem[]> {
  return threadItemsToAgentInput(await loadAllThreadItems(store, thread.id, context), converter);
}

// ---------- agentResponder ----------

export interface AgentResponderOptions<C extends StoreContext = StoreContext> {
  /** The agent to run, or a function choosing one per request. */
  agent: Agent<any, any> | ((args: RespondArgs<C>) => Agent<any, any> | Promise<Agent<any, any>>);
  /** Runs the agent. @default a `new Runner()` (the SDK's default OpenAI provider) */
  runner?: Pick<Runner, 'run'>;
  /** How thread items become model input. */
  converter?: ThreadItemConverter;
  /** How Responses API output becomes ChatKit values. */
  responseConverter?: ResponseStreamConverter;
  /** Names of tools that run on the client (see `StreamAgentResponseOptions.clientTools`). */
  clientTools?: Iterable<string>;
  /** More run options (`maxTurns`, `previousResponseId`, ...). */
  runOptions?: (args: RespondArgs<C>) => Omit<StreamRunOptions<AgentContext<C>>, 'stream' | 'context' | 'signal'>;
  /** Told about every error turned into a ChatKit error (secrets masked). */
  log?: LogHook;
}

/**
 * A ready `respond` for `createChatKitServer`: loads the thread's history, runs the agent
 * streamed with an `AgentContext`, and streams the result. Agent SDK and model errors end
 * the stream with a `ChatKitStreamError` the user can read.
 */
export function agentResponder<C extends StoreContext = StoreContext>(
  options: AgentResponderOptions<C>,
): (args: RespondArgs<C>) => AsyncGenerator<ThreadStreamEvent, void> {
  const log = safeLogger(options.log);
  let defaultRunner: Runner | undefined;
  return async function* respond(args) {
    const { thread, context, store, signal } = args;
    const input = await loadAgentInput(store, thread, context, options.converter);
    const agent = typeof options.agent === 'function' ? await options.agent(args) : options.agent;
    const agentContext = new AgentContext<C>({ thread, store, requestContext: context });
    const runner = options.runner ?? (defaultRunner ??= new Runner());
    try {
      const result = await runner.run(agent, input, { ...options.runOptions?.(args), stream: true, context: agentContext, signal });
      yield* streamAgentResponse(thread, result, {
        context: agentContext,
        signal,
        ...(options.responseConverter && { converter: options.responseConverter }),
        ...(options.clientTools && { clientTools: options.clientTools }),
      });
    } catch (error) {
      if (signal.aborted || error instanceof ChatKitStreamError) throw error;
      const streamError = toStreamError(error);
      log({
        level: 'warn',
        event: 'chatkit.agent_failed',
        code: (error as Error)?.name,
        message: String((error as Error)?.message ?? error),
      });
      throw streamError;
    }
  };
}

/** A message the user can read for an Agents SDK or model error (never the raw error, which may quote secrets). */
export function toStreamError(error: unknown): ChatKitStreamError {
  if (error instanceof InputGuardrailTripwireTriggered) return new ChatKitStreamError('This message was blocked by a safety check.');
  if (error instanceof OutputGuardrailTripwireTriggered)
    return new ChatKitStreamError("The assistant's response was blocked by a safety check.");
  if (error instanceof MaxTurnsExceededError)
    return new ChatKitStreamError('The assistant took too many steps and stopped before answering.', { allowRetry: true });
  if (error instanceof ModelTimeoutError) return new ChatKitStreamError('The model took too long to answer.', { allowRetry: true });
  if (error instanceof ModelBehaviorError)
    return new ChatKitStreamError('The model gave an answer the assistant could not use.', { allowRetry: true });
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return modelHttpError(status);
  if ((error as Error | null)?.name === 'APIConnectionError' || (error as Error | null)?.name === 'APIConnectionTimeoutError') {
    return new ChatKitStreamError('The assistant could not reach the model.', { allowRetry: true });
  }
  return new ChatKitStreamError('The assistant failed to answer.', { allowRetry: true });
}
