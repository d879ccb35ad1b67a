/**
 * The site owner's API over every visitor's conversations: list and search threads,
 * read one, export, and erase a thread or everything of one visitor. Off unless mounted
 * with a credential, and kept apart from visitors' access: visitor tokens open nothing
 * here, and it reads the store only through `AdminStore` and the user-scoped methods
 * with the user the listing named.
 *
 *   GET    {base}/threads?limit&after&search&from&to&feedback
 *          every user's threads, newest first: { data: [{ user, thread, feedback }],
 *          has_more, after }, `feedback` counting the thread's items per kind
 *          ({ positive, negative }); `after` is an opaque cursor, passed back as it came
 *          for the next page (still good after that page's threads are erased)
 *   GET    {base}/threads/{user}/{thread}/items
 *          one thread's items, oldest first: { user, thread, items, feedback }, `feedback`
 *          mapping item id to 'positive' | 'negative' (items without any are absent)
 *   DELETE {base}/threads/{user}/{thread}              erase one thread: { deleted: 1, files }
 *   DELETE {base}/users/{user}                         erase everything of one visitor:
 *          { deleted, files }, `deleted` threads, `files` uploaded files deleted from the
 *          file storage (with the `files` option; 0 without it)
 *   GET    {base}/export.jsonl?search&from&to&feedback
 *          matching threads, one JSON line each: { user, thread, items, feedback } (the map)
 *   GET    {base}/export.csv?search&from&to&feedback
 *          matching threads, one row each:
 *          thread_id,user,created_at,title,first_message,positive,negative
 *
 * `feedback=positive` or `feedback=negative` keeps only threads with at least one item
 * that got that feedback (filtered in the store, so paging stays right); any other value
 * is a 400 naming the parameter, and an empty one is no filter, as for the others. An
 * `after` the store refuses (`InvalidCursorError`) is a 400 too, exports included: the
 * store reads the first page before an export's answer starts.
 */
import { ServerError, jsonResponse } from '../http/errors.js';
import { deleteAttachmentFiles, type FileStorage } from '../protocol/attachments.js';
import { clientAddress, type TrustProxy } from '../http/client-address.js';
import { sameSecret } from '../http/constant-time.js';
import { safeLogger, type LogHook } from '../http/log.js';
import { MemoryRateLimitStore, rateLimitDelay, type RateLimitStore } from '../http/rate-limiter.js';
import {
  InvalidCursorError,
  NotFoundError,
  StoreUnavailableError,
  attachmentsSentIn,
  loadAllThreadItems,
  type AdminStore,
  type AdminThread,
  type AdminThreadQuery,
  type ChatKitStore,
  type FeedbackStore,
} from '../stores/store.js';

export interface AdminApiOptions {
  /** Memory, SQLite and PostgreSQL stores are all three. */
  store: ChatKitStore & AdminStore & FeedbackStore;
  /** The admin credential, sent as `Authorization: Bearer <credential>`; 24 characters or more. */
  credential: string;
  /** The path the API is mounted at. @default '/admin/api' */
  basePath?: string;
  /** Failed attempts allowed per client address a minute, before 429. @default 10 */
  failedAttemptsPerMinute?: number;
  rateLimitStore?: RateLimitStore;
  /**
   * Where uploaded files are kept (the attachments' `storage`). With it, erasing a thread
   * or a visitor deletes their files too, not only the store's records of them.
   */
  files?: FileStorage;
  trustProxy?: TrustProxy;
  log?: LogHook;
}

/** Headers on every answer: nothing cached, nothing framed, nothing sniffed. */
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

const encoder = new TextEncoder();

export function createAdminApi(options: AdminApiOptions): (request: Request) => Promise<Response> {
  if (options.credential.length < 24) throw new Error('The admin credential needs 24 characters or more.');
  const base = (options.basePath ?? '/admin/api').replace(/\/$/, '');
  const limits = options.rateLimitStore ?? new MemoryRateLimitStore();
  const failedRule = { limit: options.failedAttemptsPerMinute ?? 10, windowMs: 60_000 };
  const log = safeLogger(options.log, [options.credential]);
  const { store } = options;

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    jsonResponse(status, body, { ...SECURITY_HEADERS, ...headers });

  async function authorize(request: Request): Promise<void> {
    const address = clientAddress(request, options.trustProxy) ?? 'unknown';
    const header = request.headers.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (given && (await sameSecret(given, options.credential))) return;
    // Counted only when they fail, so a guessing client is slowed and the owner is not.
    const wait = await rateLimitDelay(limits, `admin:failed:${address}`, failedRule);
    log({ level: 'warn', event: 'admin.rejected', code: wait ? 'rate_limited' : 'unauthenticated', status: wait ? 429 : 401 });
    if (wait) throw new ServerError(429, 'rate_limited', 'Too many failed attempts; try again later.', { 'retry-after': String(wait) });
    throw new ServerError(401, 'unauthenticated', 'This needs the admin credential.', { 'www-authenticate': 'Bearer' });
  }

  function queryOf(url: URL, limit: number): AdminThreadQuery {
    const get = (name: string) => url.searchParams.get(name) || undefined;
    const query: AdminThreadQuery = { limit };
    for (const name of ['after', 'search', 'from', 'to'] as const) {
      const value = get(name);
      if (value !== undefined) query[name] = value;
    }
    const feedback = get('feedback');
    if (feedback !== undefined) {
      if (feedback !== 'positive' && feedback !== 'negative') {
        throw new ServerError(400, 'invalid_request', 'The feedback parameter must be positive or negative.');
      }
      query.feedback = feedback;
    }
    return query;
  }

  /**
   * Deletes the files of these attachments from the file storage, before the records
   * that name them: if the storage fails, the records are still there and the erasure
   * can simply be asked again (deleting what is gone already is not an error).
   */
  async function eraseFiles(attachmentIds: readonly string[]): Promise<number> {
    if (!options.files) return 0;
    try {
      for (const id of attachmentIds) await deleteAttachmentFiles(options.files, id);
    } catch (error) {
      log({ level: 'error', event: 'admin.files_failed', message: String((error as Error)?.message ?? error) });
      throw new ServerError(500, 'files_not_deleted', 'The uploaded files could not all be deleted; nothing else was erased. Try again.');
    }
    return attachmentIds.length;
  }

  /**
   * Every thread the query selects, page by page. The first page is read before the
   * answer starts, so a query the store refuses (a cursor it did not give) is the
   * answer's status, not a body cut short.
   */
  async function everyThread(query: AdminThreadQuery): Promise<AsyncGenerator<AdminThread>> {
    let page = await store.listAllThreads({ ...query, limit: 100 });
    return (async function* () {
      for (;;) {
        yield* page.data;
        if (!page.has_more || !page.after) return;
        page = await store.listAllThreads({ ...query, limit: 100, after: page.after });
      }
    })();
  }

  function streamed(contentType: string, filename: string, lines: AsyncIterable<string>): Response {
    const iterator = lines[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.(undefined);
      },
    });
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
    });
  }

  return async (request) => {
    try {
      const url = new URL(request.url);
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) throw new ServerError(404, 'not_found', 'No such endpoint.');
      await authorize(request);
      const parts = url.pathname
        .slice(base.length + 1)
        .split('/')
        .map(decodeURIComponent);
      const method = request.method;
      if (method === 'GET' && parts.length === 1 && parts[0] === 'threads') {
        const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
        return json(200, await store.listAllThreads(queryOf(url, limit)));
      }
      if (method === 'GET' && parts.length === 4 && parts[0] === 'threads' && parts[3] === 'items') {
        const [, user, threadId] = parts as [string, string, string];
        const thread = await store.loadThread(threadId, { user });
        const items = await loadAllThreadItems(store, threadId, { user });
        return json(200, { user, thread, items, feedback: await store.loadFeedback(threadId, { user }) });
      }
      if (method === 'DELETE' && parts.length === 3 && parts[0] === 'threads') {
        const [, user, threadId] = parts as [string, string, string];
        await store.loadThread(threadId, { user });
        const attachmentIds = await attachmentsSentIn(store, threadId, { user });
        const files = await eraseFiles(attachmentIds);
        for (const id of attachmentIds) await store.deleteAttachment(id, { user });
        await store.deleteThread(threadId, { user });
        log({ level: 'info', event: 'admin.thread_deleted', user });
        return json(200, { deleted: 1, files });
      }
      if (method === 'DELETE' && parts.length === 2 && parts[0] === 'users') {
        const user = parts[1]!;
        const files = await eraseFiles(await store.listUserAttachmentIds(user));
        const deleted = await store.deleteUserData(user);
        log({ level: 'info', event: 'admin.user_erased', user });
        return json(200, { deleted, files });
      }
      if (method === 'GET' && parts.length === 1 && parts[0] === 'export.jsonl') {
        const threads = await everyThread(queryOf(url, 100));
        return streamed(
          'application/x-ndjson; charset=utf-8',
          'threads.jsonl',
          (async function* () {
            for await (const { user, thread } of threads) {
              const items = await loadAllThreadItems(store, thread.id, { user });
              yield `${JSON.stringify({ user, thread, items, feedback: await store.loadFeedback(thread.id, { user }) })}\n`;
            }
          })(),
        );
      }
      if (method === 'GET' && parts.length === 1 && parts[0] === 'export.csv') {
        const threads = await everyThread(queryOf(url, 100));
        return streamed(
          'text/csv; charset=utf-8',
          'threads.csv',
          (async function* () {
            yield 'thread_id,user,created_at,title,first_message,positive,negative\r\n';
            for await (const { user, thread, feedback } of threads) {
              const first = (await store.loadThreadItems(thread.id, null, 1, 'asc', { user })).data[0];
              const text =
                first && 'content' in first && Array.isArray(first.content)
                  ? first.content.map((part) => ('text' in part ? part.text : '')).join('')
                  : '';
              const fields = [thread.id, user, thread.created_at, thread.title ?? '', text].map(csvField);
              yield `${[...fields, feedback.positive, feedback.negative].join(',')}\r\n`;
            }
          })(),
        );
      }
      throw new ServerError(404, 'not_found', 'No such endpoint.');
    } catch (caught) {
      const error =
        caught instanceof ServerError
          ? caught
          : caught instanceof NotFoundError
            ? new ServerError(404, 'not_found', caught.message)
            : caught instanceof InvalidCursorError
              ? new ServerError(400, 'invalid_request', caught.message)
              : caught instanceof StoreUnavailableError
                ? // As the ChatKit endpoint says it: a database that is down for a moment is worth a retry.
                  new ServerError(503, 'store_unavailable', 'The chat store is not answering; try again shortly.', { 'retry-after': '5' })
                : new ServerError(500, 'internal_error', 'The admin API failed unexpectedly.');
      if (error.status >= 500) log({ level: 'error', event: 'admin.failed', message: String((caught as Error)?.message ?? caught) });
      return json(error.status, { error: { code: error.code, message: error.message } }, error.headers);
    }
  };
}

/**
 * One CSV field, quoted. A field a spreadsheet would read as a formula (starting with
 * =, +, - or @) gets a leading apostrophe: what a visitor typed must not run there.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}
