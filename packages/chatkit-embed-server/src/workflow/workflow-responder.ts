/**
 * Serves an Agent Builder export (`runWorkflow({ input_as_text })`) as a ChatKit backend,
 * running the file unchanged:
 *
 * - History. An export builds its conversation from `input_as_text` alone. While the
 *   workflow runs, every `Runner.run` call it makes gets the thread's earlier turns put
 *   in front of its input, so each agent sees the whole conversation with no edit to
 *   the file.
 * - Streaming. Runs of agents that answer in plain text are streamed live (through
 *   `streamAgentResponse`); agents with structured output (classifiers, routers) show a
 *   progress update instead, since their JSON is not for the reader.
 * - The answer. When the workflow's `output_text` is what was streamed last, the thread
 *   keeps it; otherwise the streamed messages are replaced by one message with
 *   `output_text`.
 * - Failures become a ChatKit error naming the cause; the stream always ends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Runner, type Agent, type AgentInputItem } from '@openai/agents';
import { AgentContext, isGuardrailTripwire, streamAgentResponse, threadItemsToAgentInput, toStreamError } from '../agents/agents.js';
import { safeLogger, type LogHook } from '../http/log.js';
import type { RespondArgs } from '../protocol/chatkit-server.js';
import { ChatKitStreamError, progress, streamAssistantMessage } from '../protocol/events.js';
import type { ChatKitStore, StoreContext } from '../stores/store.js';
import type { ThreadItem, ThreadMetadata, ThreadStreamEvent } from '../protocol/types.js';
import { maskApiKeys } from '../shared/api-key.js';
import { importUserModule } from './import-user-module.js';

export type RunWorkflow = (input: { input_as_text: string }) => Promise<{ output_text?: unknown } | undefined>;

interface Scope {
  /** Set while one of this turn's runs is under way: runs it starts itself (an agent used as a tool) are left alone. */
  inRun?: boolean;
  history: AgentInputItem[];
  thread: ThreadMetadata;
  signal: AbortSignal;
  emit(event: ThreadStreamEvent): void;
  /** Assistant messages streamed so far in this turn: id and text. */
  streamed: Array<{ id: string; text: string }>;
  agentContext: AgentContext;
}

const scope = new AsyncLocalStorage<Scope>();
let patched = false;

/** Puts history and streaming around every `Runner.run` made inside a workflow turn. */
function patchRunner(): void {
  if (patched) return;
  patched = true;
  const original = Runner.prototype.run as (...args: unknown[]) => Promise<unknown>;
  Runner.prototype.run = async function run(this: Runner, agent: Agent<any, any>, input: unknown, options: Record<string, unknown> = {}) {
    const turn = scope.getStore();
    if (!turn || turn.inRun || options.stream) return original.call(this, agent, input, options);
    const inner = { ...turn, inRun: true };
    const items = typeof input === 'string' ? [{ role: 'user', content: input } as AgentInputItem] : (input as AgentInputItem[]);
    const withHistory = [...turn.history, ...items];
    const structured = agent.outputType !== undefined && agent.outputType !== 'text';
    const context = (options.context as AgentContext | undefined) ?? turn.agentContext;
    // Started inside the `inRun` scope, so everything the run does (tools, nested runs)
    // sees it.
    const result = (await scope.run(inner, () =>
      original.call(this, agent, withHistory, { ...options, context, stream: true, signal: turn.signal }),
    )) as Parameters<typeof streamAgentResponse>[1];
    if (structured) {
      // A classifier's or router's JSON is not for the reader: show that it runs, not what it says.
      turn.emit(progress(`${agent.name}…`));
      for await (const _event of result) void _event;
      await result.completed;
      return stopIfAborted(turn, result);
    }
    for await (const event of streamAgentResponse(turn.thread, result, {
      context: context instanceof AgentContext ? context : turn.agentContext,
      signal: turn.signal,
    })) {
      if (event.type === 'thread.item.done' && event.item.type === 'assistant_message') {
        turn.streamed.push({ id: event.item.id, text: event.item.content.map((part) => part.text).join('') });
      }
      turn.emit(event);
    }
    await result.completed;
    return stopIfAborted(turn, result);
  } as typeof Runner.prototype.run;
}

/** A run cut short because the reader left must not let the export go on to its next agent. */
function stopIfAborted<T>(turn: Scope, result: T): T {
  if (turn.signal.aborted) throw new ChatKitStreamError('The reader left; the workflow stopped.');
  return result;
}

export interface WorkflowResponderOptions {
  runWorkflow: RunWorkflow;
  /**
   * What the reader sees when a guardrail stops a turn, instead of the SDK's message
   * (`Input guardrail triggered: {"reason":…}`), which goes to `log`.
   * @default 'This message was blocked by a safety check.' (or the answer's, for output guardrails)
   */
  guardrailMessage?: string;
  /** Receives `chatkit.guardrail_tripped` entries with the guardrail's own result. */
  log?: LogHook;
  /**
   * The export's tools that OpenAI runs with this server's key (see `hostedToolLabels`),
   * named when OpenAI refuses a request of the workflow.
   */
  hostedTools?: string[];
}

/** A `respond` for `createChatKitServer` that runs an Agent Builder export. */
export function workflowResponder<C extends StoreContext>({
  runWorkflow,
  guardrailMessage,
  log: logHook,
  hostedTools,
}: WorkflowResponderOptions) {
  const log = safeLogger(logHook);
  patchRunner();
  return async function* respond({ thread, input, context, store, signal }: RespondArgs<C>): AsyncGenerator<ThreadStreamEvent> {
    const text = (input?.content ?? [])
      .map((part) => part.text)
      .join(' ')
      .trim();
    if (!thread.title && text) thread.title = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    // Earlier turns only: the workflow adds this message itself, from input_as_text.
    const history = await threadItemsToAgentInput(await itemsBefore(store, thread, context, input?.id));

    const queue: ThreadStreamEvent[] = [];
    let wake: (() => void) | undefined;
    const emit = (event: ThreadStreamEvent) => {
      queue.push(event);
      wake?.();
    };
    const turn: Scope = {
      history,
      thread,
      signal,
      emit,
      streamed: [],
      agentContext: new AgentContext({ thread, store, requestContext: context }),
    };
    let settled = false;
    const outcome = scope
      .run(turn, () => runWorkflow({ input_as_text: text }))
      .then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      )
      .finally(() => {
        settled = true;
        wake?.();
      });

    yield progress('Running the workflow…');
    while (!settled || queue.length) {
      if (queue.length) {
        yield queue.shift()!;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    const result = await outcome;
    if ('error' in result) {
      if (isGuardrailTripwire(result.error)) {
        log({ level: 'warn', event: 'chatkit.guardrail_tripped', message: String(result.error.message) });
        throw new ChatKitStreamError(guardrailMessage ?? toStreamError(result.error).message);
      }
      throw workflowError(result.error, hostedTools);
    }
    const output = result.value?.output_text;
    const answer = typeof output === 'string' ? output : output === undefined ? '' : JSON.stringify(output);
    if (!answer || turn.streamed.at(-1)?.text === answer) return;
    for (const message of turn.streamed) yield { type: 'thread.item.removed', item_id: message.id };
    yield* streamAssistantMessage(thread, [answer]);
  };
}

/** The thread's items in order, without the current message (and anything after it). */
async function itemsBefore(
  store: ChatKitStore,
  thread: ThreadMetadata,
  context: StoreContext,
  currentId: string | undefined,
): Promise<ThreadItem[]> {
  const items: ThreadItem[] = [];
  let after: string | null | undefined = null;
  for (;;) {
    const page = await store.loadThreadItems(thread.id, after, 100, 'asc', context);
    for (const item of page.data) {
      if (item.id === currentId) return items;
      items.push(item);
    }
    if (!page.has_more) return items;
    after = page.after;
  }
}

/** SDK failures get the adapter's readable message; errors the workflow throws itself keep theirs. */
function workflowError(error: unknown, hostedTools: string[] | undefined): ChatKitStreamError {
  if (error instanceof ChatKitStreamError) return error;
  const name = (error as Error)?.constructor?.name ?? '';
  const isSdkOrApi = typeof (error as { status?: unknown })?.status === 'number' || (name.endsWith('Error') && name !== 'Error');
  if (isSdkOrApi) {
    const readable = toStreamError(error);
    const status = (error as { status?: unknown }).status;
    // OpenAI refusing a request of an export usually means a hosted tool it references
    // (a vector store, a connector) does not exist for this key.
    if ((status === 400 || status === 404) && hostedTools?.length) {
      return new ChatKitStreamError(
        `${readable.message} This workflow uses ${hostedTools.join(', ')}, which OpenAI runs with this server's API key: check that each exists for that key (\`npx chatkit-embed-server migrate <file>\` says what to set up).`,
        { allowRetry: readable.allowRetry },
      );
    }
    return readable;
  }
  // The export's own error, which names the cause ("Agent result is undefined"); short,
  // and with anything shaped like a key masked.
  const message = maskApiKeys(String((error as Error)?.message ?? error)).slice(0, 300);
  return new ChatKitStreamError(`The workflow failed: ${message}`, { allowRetry: true });
}

/**
 * Imports an Agent Builder export (TypeScript or JavaScript) as it is, and returns its
 * `runWorkflow`. Throws with a clear message when the file has none.
 */
export async function loadWorkflow(path: string): Promise<RunWorkflow> {
  const module = (await importUserModule(path)) as { runWorkflow?: unknown };
  if (typeof module.runWorkflow !== 'function') {
    throw new Error(`${path} does not export a runWorkflow function, so it is not an Agent Builder export.`);
  }
  return module.runWorkflow as RunWorkflow;
}
