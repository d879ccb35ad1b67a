/**
 * `npx chatkit-embed-server threads`: lists a user's threads, or one thread's items, through
 * the ChatKit protocol (`threads.list`, `items.list`), to check that a backend keeps what
 * it was told. Works against any backend that speaks the protocol, not only ours.
 */
import { DEFAULT_TIMEOUT_MS, originHeaders, probe, statusWithMessage } from './http-probe.js';
import type { Page, ThreadItem, ThreadMetadata } from '../protocol/types.js';

export interface BackendConnection {
  /** The ChatKit endpoint, e.g. `https://chat.example.com/chatkit`. */
  apiUrl: string;
  /** Bearer token of the user whose threads to list. */
  token: string;
  origin?: string | undefined;
  timeoutMs?: number;
}

/** Sends one non-streaming ChatKit request and returns its JSON answer; rejects with a readable message. */
export async function chatKitCall(connection: BackendConnection, type: string, params: Record<string, unknown>): Promise<unknown> {
  const { apiUrl, token, origin } = connection;
  const result = await probe(
    apiUrl,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...originHeaders(origin) },
      body: JSON.stringify({ type, params }),
    },
    connection.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  if (!result.ok) throw new Error(`${apiUrl}: ${result.error}`);
  const text = await result.response.text();
  if (!result.response.ok) throw new Error(`${type} answered ${statusWithMessage(result.response.status, text)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${type} did not answer with JSON.`);
  }
}

/**
 * Up to `limit` entries, following `has_more` and `after` page by page. `idOf` names an
 * entry for the cursor when a page has no `after`.
 */
export async function collect<T>(
  limit: number,
  fetchPage: (pageSize: number, after: string | null) => Promise<unknown>,
  what: string,
  idOf: (entry: T) => string | undefined = (entry) => (entry as { id?: string }).id,
): Promise<{ data: T[]; hasMore: boolean }> {
  const data: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = (await fetchPage(Math.min(limit - data.length, 100), after)) as Partial<Page<T>> | null;
    if (!Array.isArray(page?.data)) throw new Error(`${what} did not answer with a page ({"data": [...], "has_more": ...}).`);
    const room = limit - data.length;
    data.push(...page.data.slice(0, room));
    if (page.data.length > room) return { data, hasMore: true };
    const last = page.data.at(-1);
    const next = page.after ?? (last === undefined ? undefined : idOf(last)) ?? null;
    // A page that is empty or repeats its cursor would loop forever.
    if (!page.has_more || !page.data.length || next === after) return { data, hasMore: Boolean(page.has_more) };
    if (data.length >= limit) return { data, hasMore: true };
    after = next;
  }
}

/** The user's threads, newest first. */
export function listThreads(connection: BackendConnection, limit = 50): Promise<{ data: ThreadMetadata[]; hasMore: boolean }> {
  return collect<ThreadMetadata>(
    limit,
    (pageSize, after) => chatKitCall(connection, 'threads.list', { limit: pageSize, order: 'desc', ...(after && { after }) }),
    'threads.list',
  );
}

/** A thread's items, oldest first. */
export function listItems(connection: BackendConnection, threadId: string, limit = 50): Promise<{ data: ThreadItem[]; hasMore: boolean }> {
  return collect<ThreadItem>(
    limit,
    (pageSize, after) =>
      chatKitCall(connection, 'items.list', { thread_id: threadId, limit: pageSize, order: 'asc', ...(after && { after }) }),
    'items.list',
  );
}

/** One line per thread: id, created_at, status, title. */
export function formatThreads(threads: readonly ThreadMetadata[], hasMore: boolean): string {
  if (!threads.length) return 'No threads for this user.';
  const rows = threads.map((thread) => [thread.id, thread.created_at, statusOf(thread.status), thread.title ?? '(untitled)']);
  return columns(rows) + (hasMore ? '\n… more threads: raise --limit to see them.' : '');
}

/**
 * One line per item: id, created_at, type, and the text of messages; with `feedback`
 * (known only through the admin API), the kind each item got, or `-`, before the text.
 */
export function formatItems(items: readonly ThreadItem[], hasMore: boolean, feedback?: Readonly<Record<string, string>>): string {
  if (!items.length) return 'No items in this thread.';
  const rows = items.map((item) => [
    item.id,
    item.created_at,
    item.type,
    ...(feedback ? [Object.hasOwn(feedback, item.id) ? feedback[item.id]! : '-'] : []),
    itemPreview(item),
  ]);
  return columns(rows) + (hasMore ? '\n… more items: raise --limit to see them.' : '');
}

/** A one-line preview of what an item says, as far as it says anything. */
export function itemPreview(item: ThreadItem, width = 80): string {
  let text = '';
  if (item.type === 'user_message' || item.type === 'assistant_message') {
    text = (item.content ?? []).map((part) => ('text' in part ? part.text : '')).join(' ');
  } else if (item.type === 'client_tool_call') {
    text = `${item.name} (${item.status})`;
  } else if (item.type === 'widget') {
    text = item.copy_text ?? '';
  }
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export function statusOf(status: ThreadMetadata['status'] | undefined): string {
  if (!status) return '-';
  return 'reason' in status && status.reason ? `${status.type} (${status.reason})` : status.type;
}

/** Rows as aligned columns, two spaces apart; the last column is not padded. */
export function columns(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
