/**
 * `threads --admin`: every visitor's threads, or one thread's items, read through the
 * site owner's API (`/admin/api`) with the admin credential, which is where feedback can
 * be known: the ChatKit protocol carries none on items, so a visitor's token cannot see
 * it. Threads show their counts (`+positive -negative`), items the kind they got.
 */
import { DEFAULT_TIMEOUT_MS, probe, statusWithMessage } from './http-probe.js';
import { collect, columns, statusOf } from './threads-inspect.js';
import type { ThreadItem, ThreadMetadata } from '../protocol/types.js';
import type { AdminThread, FeedbackKind } from '../stores/store.js';

export interface AdminConnection {
  /** Where the admin API is mounted, e.g. `https://chat.example.com/admin/api`. */
  adminUrl: string;
  /** The admin credential (CHATKIT_ADMIN_TOKEN). Never printed. */
  credential: string;
  timeoutMs?: number;
}

/** The admin API's answer for one thread. */
export interface AdminThreadItems {
  user: string;
  thread: ThreadMetadata;
  items: ThreadItem[];
  feedback: Record<string, FeedbackKind>;
}

/** The admin API's conventional place on a server whose ChatKit endpoint is `apiUrl`. */
export function defaultAdminUrl(apiUrl: string): string {
  return new URL('/admin/api', apiUrl).href;
}

/** One GET on the admin API; rejects with a readable message (never the credential). */
export async function adminGet(connection: AdminConnection, path: string): Promise<unknown> {
  const url = `${connection.adminUrl.replace(/\/$/, '')}${path}`;
  const result = await probe(
    url,
    { headers: { authorization: `Bearer ${connection.credential}`, accept: 'application/json' }, redirect: 'manual' },
    connection.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  if (!result.ok) throw new Error(`${url}: ${result.error}`);
  const text = await result.response.text();
  if (!result.response.ok) {
    const hint = result.response.status === 401 ? ' (is CHATKIT_ADMIN_TOKEN the credential the server was started with?)' : '';
    throw new Error(`${url} answered ${statusWithMessage(result.response.status, text)}${hint}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} did not answer with JSON.`);
  }
}

/** Every visitor's threads, newest first, with their feedback counts; only those with `feedback` of a kind when given. */
export function listAllThreads(
  connection: AdminConnection,
  limit = 50,
  feedback?: FeedbackKind,
): Promise<{ data: AdminThread[]; hasMore: boolean }> {
  return collect<AdminThread>(
    limit,
    (pageSize, after) => {
      const query = new URLSearchParams({ limit: String(pageSize), ...(after && { after }), ...(feedback && { feedback }) });
      return adminGet(connection, `/threads?${query}`);
    },
    'The admin listing',
    (row) => row?.thread?.id,
  );
}

/** One thread of `user` with its items and the feedback on them. */
export async function loadThreadItems(connection: AdminConnection, user: string, threadId: string): Promise<AdminThreadItems> {
  const answer = (await adminGet(
    connection,
    `/threads/${encodeURIComponent(user)}/${encodeURIComponent(threadId)}/items`,
  )) as Partial<AdminThreadItems> | null;
  if (!Array.isArray(answer?.items)) throw new Error('The admin API did not answer with { items: [...] }.');
  return { user, thread: answer.thread!, items: answer.items, feedback: answer.feedback ?? {} };
}

/** One line per thread: id, created_at, status, user, feedback counts, title. */
export function formatAdminThreads(rows: readonly AdminThread[], hasMore: boolean, feedback?: FeedbackKind): string {
  if (!rows.length) return feedback ? `No threads with ${feedback} feedback.` : 'No threads.';
  const lines = rows.map((row) => [
    row.thread.id,
    row.thread.created_at,
    statusOf(row.thread.status),
    row.user,
    `+${row.feedback?.positive ?? 0} -${row.feedback?.negative ?? 0}`,
    row.thread.title ?? '(untitled)',
  ]);
  return columns(lines) + (hasMore ? '\n… more threads: raise --limit to see them.' : '');
}
