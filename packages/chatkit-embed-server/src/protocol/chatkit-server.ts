/**
 * A ChatKit-protocol server on the Fetch API: one POST endpoint that answers the
 * sixteen request types of openai/chatkit-python's `ChatKitServer`, streaming ones as
 * `text/event-stream` (`data: <json>\n\n`), the others as JSON.
 *
 * The integrator supplies `respond` (and optionally actions, feedback, transcription,
 * attachments); this module keeps the store consistent with what was streamed, exactly
 * as the Python server does: items are saved when done, replaced or removed, a thread
 * changed by `respond` is saved and re-sent, and a stream the client abandons keeps its
 * non-empty partial answer plus a hidden note that the user cancelled.
 */
import { checkOrigin, preflightHeaders, type OriginPolicy } from '../http/origin-policy.js';
import { jsonResponse } from '../http/errors.js';
import { readJsonBody } from '../http/json-body.js';
import { ServerError } from '../http/errors.js';
import { safeLogger, type LogHook } from '../http/log.js';
import type { TokenVerifier } from '../tokens/tokens.js';
import { TokenError } from '../tokens/tokens.js';
import { ChatKitStreamError, now } from './events.js';
import { createUsageLimiter, type UsageLimits } from './usage-limits.js';
import { isStreamingRequest, parseChatKitRequest, type ChatKitRequest, type RequestOf, type StreamingRequest } from './requests.js';
import {
  NotFoundError,
  StoreUnavailableError,
  attachmentsSentIn,
  isFeedbackStore,
  type ChatKitStore,
  type StoreContext,
} from '../stores/store.js';
import {
  STREAM_ERROR,
  type Action,
  type AssistantMessageItem,
  type Attachment,
  type ClientToolCallItem,
  type Page,
  type StructuredInputItem,
  type SyncCustomActionResponse,
  type Thread,
  type ThreadItem,
  type ThreadMetadata,
  type ThreadStreamEvent,
  type TranscriptionResult,
  type UserMessageItem,
  type WidgetItem,
  type WorkflowItem,
} from './types.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface RespondArgs<C extends StoreContext = StoreContext> {
  thread: ThreadMetadata;
  /** The new user message, or `null` after a client tool output or structured input. */
  input: UserMessageItem | null;
  context: C;
  store: ChatKitStore;
  /** Aborted when the client goes away; stop working and return. */
  signal: AbortSignal;
}

export interface ActionArgs<C extends StoreContext = StoreContext> {
  thread: ThreadMetadata;
  action: Action;
  /** The widget item the action came from, if any. */
  sender: WidgetItem | null;
  context: C;
  store: ChatKitStore;
  signal: AbortSignal;
}

export interface AttachmentHandler<C extends StoreContext> {
  /** Called for `attachments.create`: returns the attachment to save (with an upload descriptor for two-phase uploads). */
  create(params: { name: string; size: number; mime_type: string }, context: C, request: Request): Promise<Attachment>;
  delete(attachmentId: string, context: C): Promise<void>;
}

export interface ChatKitServerOptions<C extends StoreContext = StoreContext> extends OriginPolicy {
  store: ChatKitStore;
  respond: (args: RespondArgs<C>) => AsyncIterable<ThreadStreamEvent>;
  /** Who is asking: a token verifier (usually `createTokenVerifier`), or a function returning the context or `null` (401). */
  authenticate: TokenVerifier | ((request: Request) => Promise<C | null> | C | null);
  action?: (args: ActionArgs<C>) => AsyncIterable<ThreadStreamEvent>;
  syncAction?: (args: Omit<ActionArgs<C>, 'signal'>) => Promise<SyncCustomActionResponse>;
  /**
   * Called on `items.feedback` (a reader's thumbs up or down). A store that implements
   * `FeedbackStore` (memory, SQLite, PostgreSQL) records it first, with no hook needed;
   * this runs too, after it was recorded.
   */
  feedback?: (args: { threadId: string; itemIds: string[]; kind: 'positive' | 'negative'; context: C }) => Promise<void>;
  transcribe?: (audio: { data: Uint8Array; mimeType: string }, context: C) => Promise<TranscriptionResult>;
  attachments?: AttachmentHandler<C>;
  /** @default { allow_cancel: true } */
  streamOptions?: (thread: ThreadMetadata, context: C) => { allow_cancel: boolean };
  /**
   * Per-user limits on turns, open streams and attachments (see `UsageLimits` for the
   * defaults); `false` turns them off. Pass the PostgreSQL store's `rateLimitStore()` as
   * `store` to count across instances.
   */
  limits?: UsageLimits | false;
  /** @default 1 MiB (transcription sends audio as base64) */
  maxBodyBytes?: number;
  log?: LogHook;
}

/** A request that does not fit the protocol or the thread's state: a 400. */
const invalid = (message: string) => new ServerError(400, 'invalid_request', message);

const notImplemented = (what: string, option: string) =>
  new ServerError(501, 'unsupported', `${what} is not supported by this server (no \`${option}\` configured).`);

export function createChatKitServer<C extends StoreContext = StoreContext>(
  options: ChatKitServerOptions<C>,
): (request: Request) => Promise<Response> {
  const { store } = options;
  const log = safeLogger(options.log);
  const authenticate = toAuthenticator<C>(options.authenticate);
  const usage = createUsageLimiter(options.limits);

  return async (httpRequest) => {
    const origin = checkOrigin(httpRequest, options);
    const cors = origin.allowed ? origin.corsHeaders : {};
    try {
      if (!origin.allowed) throw new ServerError(403, 'origin_not_allowed', `Requests from ${origin.origin} are not allowed.`);
      if (httpRequest.method === 'OPTIONS') {
        return new Response(null, { status: 204, headers: preflightHeaders(httpRequest, cors) });
      }
      if (httpRequest.method !== 'POST') throw new ServerError(405, 'method_not_allowed', 'Use POST.', { allow: 'POST, OPTIONS' });
      const context = await authenticate(httpRequest);
      const parsed = parseChatKitRequest(await readJsonBody(httpRequest, options.maxBodyBytes ?? 1024 * 1024));
      if ('error' in parsed) throw invalid(parsed.error);
      const request = parsed.request;
      log({ level: 'info', event: 'chatkit.request', message: request.type, user: context.user });
      if (isStreamingRequest(request)) {
        const release = await usage.startTurn(context.user);
        try {
          const abort = new AbortController();
          // A client that leaves before the answer starts frees its place at once (an
          // adapter may never read, or cancel, a body nobody is waiting for).
          httpRequest.signal.addEventListener(
            'abort',
            () => {
              abort.abort();
              void release();
            },
            { once: true },
          );
          const events = await prepareStream(request, context, abort.signal);
          return sseResponse(events, abort, cors, release, (error) =>
            log({
              level: 'error',
              event: 'chatkit.stream_failed',
              message: String((error as Error)?.message ?? error),
              user: context.user,
            }),
          );
        } catch (error) {
          await release();
          throw error;
        }
      }
      return new Response(wire(await nonStreaming(request, context, httpRequest)), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors },
      });
    } catch (caught) {
      const error = toServerError(caught);
      if (error.status >= 500 && error.status !== 501) {
        log({
          level: 'error',
          event: 'chatkit.failed',
          code: error.code,
          status: error.status,
          message: String((caught as Error)?.message),
        });
      }
      const response = jsonResponse(error.status, { error: { code: error.code, message: error.message } }, error.headers);
      for (const [key, value] of Object.entries(cors)) response.headers.set(key, value);
      return response;
    }
  };

  // ---------- non-streaming requests ----------

  async function nonStreaming(request: ChatKitRequest, context: C, httpRequest: Request): Promise<unknown> {
    switch (request.type) {
      case 'threads.get_by_id': {
        const thread = await store.loadThread(request.params.thread_id, context);
        const items = await store.loadThreadItems(thread.id, null, DEFAULT_PAGE_SIZE, 'asc', context);
        return threadResponse(thread, items);
      }
      case 'threads.list': {
        const { limit, after, order } = request.params;
        const page = await store.loadThreads(limit ?? DEFAULT_PAGE_SIZE, after, order, context);
        return { ...page, data: page.data.map((thread) => threadResponse(thread)) };
      }
      case 'items.list': {
        const { thread_id, limit, after, order } = request.params;
        const page = await store.loadThreadItems(thread_id, after, limit ?? DEFAULT_PAGE_SIZE, order, context);
        return { ...page, data: page.data.filter(isVisible) };
      }
      case 'items.feedback':
        await store.loadThread(request.params.thread_id, context);
        // Kept where the store can keep it, so the site owner sees it (admin API); an item
        // that is not in the thread is a 404 and reaches no hook.
        if (isFeedbackStore(store)) {
          await store.saveFeedback(request.params.thread_id, request.params.item_ids, request.params.kind, context);
        }
        await options.feedback?.({
          threadId: request.params.thread_id,
          itemIds: request.params.item_ids,
          kind: request.params.kind,
          context,
        });
        return {};
      case 'attachments.create': {
        if (!options.attachments) throw notImplemented('File upload', 'attachments');
        // Created (and so checked for type and size) first: a file refused for what it
        // is does not use up the user's allowance.
        const attachment = await options.attachments.create(request.params, context, httpRequest);
        try {
          await usage.createAttachment(context.user);
        } catch (error) {
          await options.attachments.delete(attachment.id, context).catch(() => undefined);
          throw error;
        }
        await store.saveAttachment(attachment, context);
        return attachment;
      }
      case 'attachments.delete':
        if (!options.attachments) throw notImplemented('File upload', 'attachments');
        await store.loadAttachment(request.params.attachment_id, context);
        await options.attachments.delete(request.params.attachment_id, context);
        await store.deleteAttachment(request.params.attachment_id, context);
        return {};
      case 'input.transcribe': {
        if (!options.transcribe) throw notImplemented('Dictation', 'transcribe');
        await usage.transcribe(context.user);
        let data: Uint8Array;
        try {
          data = Uint8Array.from(atob(request.params.audio_base64), (c) => c.charCodeAt(0));
        } catch {
          throw invalid('params.audio_base64 is not valid base64.');
        }
        return options.transcribe({ data, mimeType: request.params.mime_type }, context);
      }
      case 'threads.update': {
        const thread = await store.loadThread(request.params.thread_id, context);
        thread.title = request.params.title;
        await store.saveThread(thread, context);
        return threadResponse(thread);
      }
      case 'threads.delete': {
        const threadId = request.params.thread_id;
        await store.loadThread(threadId, context);
        // The visitor's uploads go with their conversation: the files first, then the
        // records, then the thread, so that a failure leaves the thread to delete again.
        if (options.attachments) {
          for (const id of await attachmentsSentIn(store, threadId, context)) {
            await options.attachments.delete(id, context);
            await store.deleteAttachment(id, context);
          }
        }
        await store.deleteThread(threadId, context);
        return {};
      }
      case 'threads.sync_custom_action': {
        if (!options.syncAction) throw notImplemented('Synchronous widget actions', 'syncAction');
        const thread = await store.loadThread(request.params.thread_id, context);
        const sender = await widgetSender(request.params.thread_id, request.params.item_id, context);
        return options.syncAction({ thread, action: request.params.action, sender, context, store });
      }
      default:
        throw invalid(`Unexpected request type ${request.type}.`);
    }
  }

  async function widgetSender(threadId: string, itemId: string | null | undefined, context: C): Promise<WidgetItem | null> {
    if (!itemId) return null;
    const item = await store.loadItem(threadId, itemId, context);
    if (item.type !== 'widget') throw invalid(`Item ${itemId} is not a widget.`);
    return item;
  }

  // ---------- streaming requests ----------

  /** Does the loading and checking up front (so a bad request is a 4xx, not a broken stream), then returns the events. */
  async function prepareStream(request: StreamingRequest, context: C, signal: AbortSignal): Promise<AsyncIterable<ThreadStreamEvent>> {
    const respond = (thread: ThreadMetadata, input: UserMessageItem | null) => () =>
      options.respond({ thread, input, context, store, signal });
    switch (request.type) {
      case 'threads.create': {
        const thread: ThreadMetadata = { id: store.generateThreadId(context), created_at: now(), status: { type: 'active' }, metadata: {} };
        const input = await userMessage(request.params.input, thread, context);
        // Saved before the stream starts, so a store failure is a JSON 5xx, and all or
        // nothing: a thread whose first message could not be saved is removed again.
        await store.saveThread(thread, context);
        try {
          await saveUserMessage(thread, input, context);
        } catch (error) {
          await store.deleteThread(thread.id, context).catch(() => undefined);
          throw error;
        }
        return (async function* () {
          yield { type: 'thread.created', thread: threadResponse(thread, { data: [], has_more: false }) } as ThreadStreamEvent;
          yield* userMessageAndRespond(thread, input, context, signal, respond(thread, input));
        })();
      }
      case 'threads.add_user_message': {
        const thread = await store.loadThread(request.params.thread_id, context);
        const input = await userMessage(request.params.input, thread, context);
        await saveUserMessage(thread, input, context);
        return userMessageAndRespond(thread, input, context, signal, respond(thread, input));
      }
      case 'threads.add_client_tool_output': {
        const thread = await store.loadThread(request.params.thread_id, context);
        const last = (await store.loadThreadItems(thread.id, null, 1, 'desc', context)).data[0];
        if (last?.type !== 'client_tool_call' || last.status !== 'pending') {
          throw invalid(`The last item of thread ${thread.id} is not a pending client tool call.`);
        }
        const call: ClientToolCallItem = { ...last, status: 'completed', output: request.params.result };
        await store.saveItem(thread.id, call, context);
        await dropPendingToolCalls(thread, context);
        return processEvents(thread, context, signal, respond(thread, null));
      }
      case 'threads.add_structured_input': {
        const thread = await store.loadThread(request.params.thread_id, context);
        const item = await store.loadItem(thread.id, request.params.item_id, context);
        if (item.type !== 'structured_input') throw invalid(`Item ${item.id} is not a structured input.`);
        if (item.status !== 'pending') throw invalid(`Structured input ${item.id} is not pending.`);
        const answered = applyStructuredInput(item, request.params.input);
        return processEvents(thread, context, signal, async function* () {
          yield { type: 'thread.item.replaced', item: answered } as ThreadStreamEvent;
          yield* options.respond({ thread, input: null, context, store, signal });
        });
      }
      case 'threads.retry_after_item': {
        const thread = await store.loadThread(request.params.thread_id, context);
        const later: ThreadItem[] = [];
        let userItem: UserMessageItem | undefined;
        for await (const item of itemsNewestFirst(thread.id, context)) {
          if (item.id === request.params.item_id) {
            if (item.type !== 'user_message') throw invalid(`Item ${item.id} is not a user message.`);
            userItem = item;
            break;
          }
          later.push(item);
        }
        if (!userItem) throw new NotFoundError(`Item ${request.params.item_id} not found`);
        for (const item of later) await store.deleteThreadItem(thread.id, item.id, context);
        return processEvents(thread, context, signal, respond(thread, userItem));
      }
      case 'threads.custom_action': {
        if (!options.action) throw notImplemented('Widget actions', 'action');
        const action = options.action;
        const thread = await store.loadThread(request.params.thread_id, context);
        const sender = await widgetSender(thread.id, request.params.item_id, context);
        return processEvents(thread, context, signal, () =>
          action({ thread, action: request.params.action, sender, context, store, signal }),
        );
      }
    }
  }

  async function userMessage(
    input: RequestOf<'threads.create'>['params']['input'],
    thread: ThreadMetadata,
    context: C,
  ): Promise<UserMessageItem> {
    const attachments: Attachment[] = [];
    for (const id of input.attachments) attachments.push({ ...(await store.loadAttachment(id, context)), thread_id: thread.id });
    return {
      type: 'user_message',
      id: store.generateItemId('message', thread, context),
      thread_id: thread.id,
      created_at: now(),
      content: input.content,
      attachments,
      ...(input.quoted_text && { quoted_text: input.quoted_text }),
      inference_options: input.inference_options,
    };
  }

  async function saveUserMessage(thread: ThreadMetadata, item: UserMessageItem, context: C): Promise<void> {
    for (const attachment of item.attachments) await store.saveAttachment(attachment, context);
    await store.addThreadItem(thread.id, item, context);
  }

  /** The stream after a user message was saved: the message, then the answer. */
  async function* userMessageAndRespond(
    thread: ThreadMetadata,
    item: UserMessageItem,
    context: C,
    signal: AbortSignal,
    stream: () => AsyncIterable<ThreadStreamEvent>,
  ): AsyncGenerator<ThreadStreamEvent> {
    yield { type: 'thread.item.done', item };
    yield* processEvents(thread, context, signal, stream);
  }

  /** Runs a stream of events, keeping the store in step with it (chatkit-python `_process_events`). */
  async function* processEvents(
    thread: ThreadMetadata,
    context: C,
    signal: AbortSignal,
    stream: () => AsyncIterable<ThreadStreamEvent>,
  ): AsyncGenerator<ThreadStreamEvent> {
    yield { type: 'stream_options', stream_options: options.streamOptions?.(thread, context) ?? { allow_cancel: true } };
    let lastThread = JSON.stringify(thread);
    const pending = new Map<string, ThreadItem>();
    let finished = false;
    const threadChanged = async function* (): AsyncGenerator<ThreadStreamEvent> {
      if (JSON.stringify(thread) === lastThread) return;
      lastThread = JSON.stringify(thread);
      await store.saveThread(thread, context);
      yield { type: 'thread.updated', thread: threadResponse(thread) };
    };
    try {
      for await (const event of stream()) {
        if (signal.aborted) break;
        switch (event.type) {
          case 'thread.item.added':
            pending.set(event.item.id, structuredClone(event.item));
            break;
          case 'thread.item.done':
            await store.addThreadItem(thread.id, event.item, context);
            pending.delete(event.item.id);
            break;
          case 'thread.item.removed':
            await store.deleteThreadItem(thread.id, event.item_id, context);
            pending.delete(event.item_id);
            break;
          case 'thread.item.replaced':
            await store.saveItem(thread.id, event.item, context);
            pending.delete(event.item.id);
            break;
          case 'thread.item.updated':
            applyUpdate(pending, event);
            break;
        }
        // Hidden context is for the server only.
        if (!(event.type === 'thread.item.done' && !isVisible(event.item))) yield event;
        yield* threadChanged();
      }
      yield* threadChanged();
      finished = !signal.aborted;
    } catch (error) {
      // `respond` may well throw because the client left (fetch with the signal,
      // signal.throwIfAborted()): that is a cancellation, handled in `finally`.
      if (signal.aborted) return;
      finished = true;
      if (error instanceof ChatKitStreamError) {
        yield { type: 'error', code: 'custom', message: error.message, allow_retry: error.allowRetry };
      } else {
        log({ level: 'error', event: 'chatkit.respond_failed', message: String((error as Error)?.message ?? error) });
        yield { type: 'error', code: STREAM_ERROR, allow_retry: true };
      }
      yield* threadChanged();
    } finally {
      // The client left mid-stream (or the stream was abandoned): keep the thread
      // consistent, as chatkit-python's handle_stream_cancelled does.
      if (!finished) await saveCancelled(thread, [...pending.values()], context);
    }
  }

  async function saveCancelled(thread: ThreadMetadata, pendingItems: ThreadItem[], context: C): Promise<void> {
    try {
      for (const item of pendingItems) {
        if (item.type === 'assistant_message' && item.content.some((part) => part.text.trim())) {
          await store.addThreadItem(thread.id, item, context);
        }
      }
      await store.addThreadItem(
        thread.id,
        {
          type: 'sdk_hidden_context',
          id: store.generateItemId('sdk_hidden_context', thread, context),
          thread_id: thread.id,
          created_at: now(),
          content: 'The user cancelled the stream. Stop responding to the prior request.',
        },
        context,
      );
    } catch (error) {
      log({ level: 'error', event: 'chatkit.cancel_failed', message: String((error as Error)?.message ?? error) });
    }
  }

  async function dropPendingToolCalls(thread: ThreadMetadata, context: C): Promise<void> {
    const recent = await store.loadThreadItems(thread.id, null, DEFAULT_PAGE_SIZE, 'desc', context);
    for (const item of recent.data) {
      if (item.type === 'client_tool_call' && item.status === 'pending') await store.deleteThreadItem(thread.id, item.id, context);
    }
  }

  async function* itemsNewestFirst(threadId: string, context: C): AsyncGenerator<ThreadItem> {
    let after: string | null | undefined = null;
    for (;;) {
      const page: Page<ThreadItem> = await store.loadThreadItems(threadId, after, DEFAULT_PAGE_SIZE, 'desc', context);
      yield* page.data;
      if (!page.has_more) return;
      after = page.after;
    }
  }
}

// ---------- helpers ----------

/** Turns the `authenticate` option into a function that returns the context or throws a 401. */
export function toAuthenticator<C extends StoreContext>(auth: ChatKitServerOptions<C>['authenticate']): (request: Request) => Promise<C> {
  if (!auth) throw new Error('createChatKitServer needs `authenticate`: a token verifier or a function.');
  return async (request) => {
    if (typeof auth !== 'function') {
      try {
        const { user, claims } = await auth.verifyRequest(request);
        return { user, claims } as unknown as C;
      } catch (error) {
        if (error instanceof TokenError) throw new ServerError(401, 'unauthenticated', error.message);
        throw error;
      }
    }
    const context = await auth(request);
    if (!context?.user) throw new ServerError(401, 'unauthenticated', 'Sign in to chat.');
    return context;
  };
}

function toServerError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  if (error instanceof NotFoundError) return new ServerError(404, 'not_found', error.message);
  if (error instanceof StoreUnavailableError) {
    return new ServerError(503, 'store_unavailable', 'The chat store is not answering; try again shortly.', { 'retry-after': '5' });
  }
  return new ServerError(500, 'internal_error', 'The ChatKit server failed unexpectedly.');
}

function isVisible(item: ThreadItem): boolean {
  return item.type !== 'hidden_context_item' && item.type !== 'sdk_hidden_context';
}

/** What the client sees of a thread: no hidden items, no server-side metadata. */
function threadResponse(thread: ThreadMetadata, items: Page<ThreadItem> = { data: [], has_more: false }): Thread {
  return {
    id: thread.id,
    ...(thread.title && { title: thread.title }),
    created_at: thread.created_at,
    status: thread.status,
    ...(thread.allowed_image_domains && { allowed_image_domains: thread.allowed_image_domains }),
    metadata: {},
    items: { ...items, data: items.data.filter(isVisible) },
  };
}

function applyUpdate(pending: Map<string, ThreadItem>, event: Extract<ThreadStreamEvent, { type: 'thread.item.updated' }>): void {
  const item = pending.get(event.item_id);
  const update = event.update;
  if (item?.type === 'assistant_message') applyAssistantUpdate(item, update);
  if (item?.type === 'workflow') applyWorkflowUpdate(item, update);
}

function applyAssistantUpdate(
  item: AssistantMessageItem,
  update: Extract<ThreadStreamEvent, { type: 'thread.item.updated' }>['update'],
): void {
  if (!update.type.startsWith('assistant_message.')) return;
  const index = (update as { content_index: number }).content_index;
  while (item.content.length <= index) item.content.push({ type: 'output_text', text: '', annotations: [] });
  const part = item.content[index]!;
  switch (update.type) {
    case 'assistant_message.content_part.added':
    case 'assistant_message.content_part.done':
      item.content[index] = structuredClone(update.content);
      break;
    case 'assistant_message.content_part.text_delta':
      part.text += update.delta;
      break;
    case 'assistant_message.content_part.annotation_added':
      part.annotations.splice(Math.min(update.annotation_index, part.annotations.length), 0, update.annotation);
      break;
  }
}

function applyWorkflowUpdate(item: WorkflowItem, update: Extract<ThreadStreamEvent, { type: 'thread.item.updated' }>['update']): void {
  if (update.type === 'workflow.task.added') item.workflow.tasks.push(update.task);
  if (update.type === 'workflow.task.updated') item.workflow.tasks[update.task_index] = update.task;
}

function applyStructuredInput(
  item: StructuredInputItem,
  submission: RequestOf<'threads.add_structured_input'>['params']['input'],
): StructuredInputItem {
  const answered = structuredClone(item);
  for (const question of answered.inputs) {
    const answer = submission.answers[question.id];
    if (submission.status === 'skipped' || !answer || answer.skipped || answer.values.length === 0) {
      question.answer = { values: [], skipped: true };
      continue;
    }
    const values = question.type === 'multiple_choice' && !question.multiple ? answer.values.slice(0, 1) : answer.values;
    question.answer = { values };
  }
  answered.status = submission.status;
  return answered;
}

/** JSON as chatkit-python sends it: `null` fields left out, attachments without server metadata. */
export function wire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, field) {
    if (field === null) return undefined;
    if (key === 'metadata' && typeof this.mime_type === 'string') return undefined;
    return field;
  });
}

/**
 * The stream as server-sent events; `done` runs once when it ends, however it ends. A
 * failure once the stream has started (the status line is sent) ends it with an `error`
 * event the client shows, never a cut connection, and is reported to `failed`.
 */
function sseResponse(
  events: AsyncIterable<ThreadStreamEvent>,
  abort: AbortController,
  cors: Record<string, string>,
  done: () => Promise<void>,
  failed: (error: unknown) => void,
): Response {
  const iterator = events[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  // Set when the reader goes away; a pull still waiting on the iterator then ends quietly
  // (enqueueing into a cancelled stream throws, which is not a failure of the stream).
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (cancelled) return;
        if (next.done) {
          controller.close();
          await done();
        } else controller.enqueue(encoder.encode(`data: ${wire(next.value)}\n\n`));
      } catch (error) {
        if (cancelled) return;
        failed(error);
        const event: ThreadStreamEvent = { type: 'error', code: STREAM_ERROR, allow_retry: true };
        controller.enqueue(encoder.encode(`data: ${wire(event)}\n\n`));
        controller.close();
        await done();
      }
    },
    async cancel() {
      cancelled = true;
      abort.abort();
      try {
        await iterator.return?.(undefined);
      } finally {
        await done();
      }
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no', ...cors },
  });
}
