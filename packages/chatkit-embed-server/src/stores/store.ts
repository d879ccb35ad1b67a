/**
 * Where threads, items and attachments live. Every call carries the request's context,
 * whose `user` scopes it: another user's thread id is simply not found.
 */
import type { Attachment, Page, ThreadItem, ThreadMetadata } from '../protocol/types.js';

export interface StoreContext {
  /** The authenticated user; every read and write is scoped to it. */
  user: string;
  [key: string]: unknown;
}

export type StoreItemType = 'thread' | 'message' | 'tool_call' | 'task' | 'workflow' | 'attachment' | 'sdk_hidden_context';

const PREFIXES: Record<StoreItemType, string> = {
  thread: 'thr',
  message: 'msg',
  tool_call: 'tc',
  task: 'tsk',
  workflow: 'wf',
  attachment: 'atc',
  sdk_hidden_context: 'shcx',
};

/** `thr_1a2b3c4d`-style ids, as chatkit-python makes them (with more randomness). */
export function generateId(type: StoreItemType): string {
  return `${PREFIXES[type]}_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * The store cannot be reached now (a database down, paused or out of connections): the
 * server answers 503 `store_unavailable` with a Retry-After instead of waiting on it.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/**
 * An `AdminThreadQuery.after` that is not a cursor a listing gave. The admin API answers
 * it with a 400; a store of one's own may throw it for its own cursors too.
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/**
 * The admin listing's cursor: the store's position (its creation sequence number) of the
 * last thread of a page, not that thread's id, so the next page starts from the same
 * place even after that thread, or its whole user, has been erased. Opaque to callers.
 */
export function adminCursor(position: number | string): string {
  return `p${position}`;
}

/**
 * The position an `adminCursor` carries, as decimal digits (a PostgreSQL bigint does not
 * always fit a JavaScript number). @throws InvalidCursorError
 */
export function adminCursorPosition(after: string): string {
  const match = /^p(\d{1,18})$/.exec(after);
  if (!match) throw new InvalidCursorError('The after parameter is not a cursor this listing gave.');
  return match[1]!;
}

export type SortOrder = 'asc' | 'desc';

/**
 * What a site owner's tools may read and erase across every visitor: threads of all
 * users, a user's data, threads past a retention age. A separate interface on purpose:
 * the ChatKit server never calls it, and every ChatKitStore method stays scoped to the
 * user whose request it serves.
 */
export interface AdminStore {
  /** Threads of every user, newest first, with who they belong to. */
  listAllThreads(query: AdminThreadQuery): Promise<Page<AdminThread>>;
  /** Deletes one user's threads, items and attachment records; answers how many threads. */
  deleteUserData(user: string): Promise<number>;
  /**
   * The ids of one user's attachment records, so that an erasure can delete their files
   * from the `FileStorage` too (the store keeps records, not bytes).
   */
  listUserAttachmentIds(user: string): Promise<string[]>;
  /**
   * The attachments sent in threads created before `before` (their record's
   * `thread_id`), with whose they are, so that retention can delete their files first.
   */
  listAttachmentsOfThreadsCreatedBefore(before: string): Promise<AttachmentOwner[]>;
  /**
   * Deletes every user's threads created before `before` (ISO 8601), with their items
   * and the records of the attachments sent in them; answers how many threads.
   */
  deleteThreadsCreatedBefore(before: string): Promise<number>;
}

/** An attachment record's id, and the user it belongs to. */
export interface AttachmentOwner {
  user: string;
  id: string;
}

/**
 * What a reader said of an answer: ChatKit's thumbs up or down (`items.feedback`). A
 * separate interface, like `AdminStore`, so a store of one's own need not have it: the
 * ChatKit server records feedback only when the store implements this.
 */
export interface FeedbackStore {
  /**
   * Records `kind` on each item for the context's user; the latest kind wins (a thumbs
   * up changed to down leaves one `negative`). All or nothing: an item id that is not in
   * the thread (or a thread that is not the user's) records none and throws, so no
   * feedback is ever kept that the admin views cannot place on an item.
   * @throws NotFoundError
   */
  saveFeedback(threadId: string, itemIds: readonly string[], kind: FeedbackKind, context: StoreContext): Promise<void>;
  /** A thread's feedback, item id to kind. @throws NotFoundError */
  loadFeedback(threadId: string, context: StoreContext): Promise<Record<string, FeedbackKind>>;
}

export type FeedbackKind = 'positive' | 'negative';

/** Whether a store records feedback (implements `FeedbackStore`). */
export function isFeedbackStore(store: object): store is FeedbackStore {
  const candidate = store as Partial<FeedbackStore>;
  return typeof candidate.saveFeedback === 'function' && typeof candidate.loadFeedback === 'function';
}

export interface AdminThreadQuery {
  limit: number;
  /**
   * The previous page's `after`, as given: an opaque cursor (a position in the store, so
   * it stays good when that page's last thread is erased). @throws InvalidCursorError
   * for anything else.
   */
  after?: string | null;
  /** Text in the thread's title or in any of its messages, any case. */
  search?: string;
  /** ISO 8601 bounds on `created_at`: from (inclusive) and to (exclusive). */
  from?: string;
  to?: string;
  /** Only threads with at least one item whose feedback is this kind. */
  feedback?: FeedbackKind;
}

export interface AdminThread {
  user: string;
  thread: ThreadMetadata;
  /** How many of the thread's items got each kind of feedback. */
  feedback: { positive: number; negative: number };
}

/** Whether a thread matches an admin search: its title or a message's text holds `search`, any case. */
export function threadMatches(thread: ThreadMetadata, items: readonly ThreadItem[], search: string): boolean {
  const needle = search.toLowerCase();
  const holds = (text: unknown) => typeof text === 'string' && text.toLowerCase().includes(needle);
  if (holds(thread.title)) return true;
  return items.some(
    (item) =>
      Array.isArray((item as { content?: unknown }).content) &&
      (item as { content: Array<{ text?: unknown }> }).content.some((part) => holds(part.text)),
  );
}

export interface ChatKitStore {
  /** Resolves when the store answers, rejects when it cannot (for readiness checks). */
  ping?(): Promise<void>;
  generateThreadId(context: StoreContext): string;
  generateItemId(type: StoreItemType, thread: ThreadMetadata, context: StoreContext): string;
  /** @throws NotFoundError */
  loadThread(threadId: string, context: StoreContext): Promise<ThreadMetadata>;
  /** Creates or replaces. */
  saveThread(thread: ThreadMetadata, context: StoreContext): Promise<void>;
  loadThreads(limit: number, after: string | null | undefined, order: SortOrder, context: StoreContext): Promise<Page<ThreadMetadata>>;
  deleteThread(threadId: string, context: StoreContext): Promise<void>;
  loadThreadItems(
    threadId: string,
    after: string | null | undefined,
    limit: number,
    order: SortOrder,
    context: StoreContext,
  ): Promise<Page<ThreadItem>>;
  /** Appends; an item id already in the thread is replaced in place. */
  addThreadItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void>;
  /** Creates or replaces, keeping the item's place in the thread. */
  saveItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void>;
  /** @throws NotFoundError */
  loadItem(threadId: string, itemId: string, context: StoreContext): Promise<ThreadItem>;
  deleteThreadItem(threadId: string, itemId: string, context: StoreContext): Promise<void>;
  saveAttachment(attachment: Attachment, context: StoreContext): Promise<void>;
  /** @throws NotFoundError */
  loadAttachment(attachmentId: string, context: StoreContext): Promise<Attachment>;
  deleteAttachment(attachmentId: string, context: StoreContext): Promise<void>;
  close?(): Promise<void>;
}

/** Every item of a thread, oldest first, read page by page. */
export async function loadAllThreadItems(store: ChatKitStore, threadId: string, context: StoreContext): Promise<ThreadItem[]> {
  const items: ThreadItem[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<ThreadItem> = await store.loadThreadItems(threadId, after, 100, 'asc', context);
    items.push(...page.data);
    if (!page.has_more || !page.after) return items;
    after = page.after;
  }
}

/**
 * The attachments that go with a thread when it is deleted: those its user messages
 * carry whose record was last sent in it (`thread_id`). One sent again in another thread
 * stays with that one; a record already gone is skipped.
 */
export async function attachmentsSentIn(store: ChatKitStore, threadId: string, context: StoreContext): Promise<string[]> {
  const carried = new Set(
    (await loadAllThreadItems(store, threadId, context)).flatMap((item) =>
      item.type === 'user_message' ? (item.attachments ?? []).map(({ id }) => id) : [],
    ),
  );
  const sent: string[] = [];
  for (const id of carried) {
    const record = await store.loadAttachment(id, context).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (record && (record.thread_id ?? threadId) === threadId) sent.push(id);
  }
  return sent;
}

/**
 * One page of `rows` (in ascending order) after the row whose id is `after`.
 * `after` in the result is the cursor for the next page.
 */
export function pageOf<T extends { id: string }>(rows: T[], after: string | null | undefined, limit: number, order: SortOrder): Page<T> {
  const ordered = order === 'asc' ? rows : [...rows].reverse();
  const at = after ? ordered.findIndex((row) => row.id === after) : -1;
  // A cursor that no longer exists (its row was deleted) ends the paging rather than
  // starting it over, which would show the client rows twice.
  if (after && at < 0) return { data: [], has_more: false, after: null };
  const start = at + 1;
  const data = ordered.slice(start, start + limit);
  const hasMore = start + limit < ordered.length;
  return { data, has_more: hasMore, after: hasMore ? (data.at(-1)?.id ?? null) : null };
}

interface UserData {
  threads: Map<string, ThreadMetadata>;
  items: Map<string, ThreadItem[]>;
  attachments: Map<string, Attachment>;
  /** Thread id to (item id to kind); an item's entry goes with the item. */
  feedback: Map<string, Map<string, FeedbackKind>>;
}

/** Keeps everything in memory, per process. For development and tests. */
export class MemoryStore implements ChatKitStore, AdminStore, FeedbackStore {
  readonly #users = new Map<string, UserData>();
  /**
   * Every thread in the order it was created, across users, with its position (for the
   * admin listing and its cursors, which outlive the threads they point at).
   */
  #created: Array<{ user: string; id: string; seq: number }> = [];
  #seq = 0;

  #data(context: StoreContext): UserData {
    let data = this.#users.get(context.user);
    if (!data)
      this.#users.set(context.user, (data = { threads: new Map(), items: new Map(), attachments: new Map(), feedback: new Map() }));
    return data;
  }

  generateThreadId(): string {
    return generateId('thread');
  }

  generateItemId(type: StoreItemType): string {
    return generateId(type);
  }

  async loadThread(threadId: string, context: StoreContext): Promise<ThreadMetadata> {
    const thread = this.#data(context).threads.get(threadId);
    if (!thread) throw new NotFoundError(`Thread ${threadId} not found`);
    return structuredClone(thread);
  }

  async saveThread(thread: ThreadMetadata, context: StoreContext): Promise<void> {
    const data = this.#data(context);
    if (!data.threads.has(thread.id)) this.#created.push({ user: context.user, id: thread.id, seq: ++this.#seq });
    data.threads.set(thread.id, structuredClone(thread));
    if (!data.items.has(thread.id)) data.items.set(thread.id, []);
  }

  async loadThreads(limit: number, after: string | null | undefined, order: SortOrder, context: StoreContext) {
    return structuredClone(pageOf([...this.#data(context).threads.values()], after, limit, order));
  }

  async deleteThread(threadId: string, context: StoreContext): Promise<void> {
    const data = this.#data(context);
    data.threads.delete(threadId);
    data.items.delete(threadId);
    data.feedback.delete(threadId);
    this.#created = this.#created.filter((entry) => entry.user !== context.user || entry.id !== threadId);
  }

  #items(threadId: string, context: StoreContext): ThreadItem[] {
    const items = this.#data(context).items.get(threadId);
    if (!items) throw new NotFoundError(`Thread ${threadId} not found`);
    return items;
  }

  async loadThreadItems(threadId: string, after: string | null | undefined, limit: number, order: SortOrder, context: StoreContext) {
    return structuredClone(pageOf(this.#items(threadId, context), after, limit, order));
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void> {
    // An item added twice (a retried save) is replaced in place, never duplicated.
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void> {
    const items = this.#items(threadId, context);
    const index = items.findIndex((existing) => existing.id === item.id);
    if (index >= 0) items[index] = structuredClone(item);
    else items.push(structuredClone(item));
  }

  async loadItem(threadId: string, itemId: string, context: StoreContext): Promise<ThreadItem> {
    const item = this.#items(threadId, context).find((existing) => existing.id === itemId);
    if (!item) throw new NotFoundError(`Item ${itemId} not found`);
    return structuredClone(item);
  }

  async deleteThreadItem(threadId: string, itemId: string, context: StoreContext): Promise<void> {
    const data = this.#data(context);
    const items = data.items.get(threadId) ?? [];
    const index = items.findIndex((existing) => existing.id === itemId);
    if (index >= 0) items.splice(index, 1);
    data.feedback.get(threadId)?.delete(itemId);
  }

  async saveAttachment(attachment: Attachment, context: StoreContext): Promise<void> {
    this.#data(context).attachments.set(attachment.id, structuredClone(attachment));
  }

  async loadAttachment(attachmentId: string, context: StoreContext): Promise<Attachment> {
    const attachment = this.#data(context).attachments.get(attachmentId);
    if (!attachment) throw new NotFoundError(`Attachment ${attachmentId} not found`);
    return structuredClone(attachment);
  }

  async deleteAttachment(attachmentId: string, context: StoreContext): Promise<void> {
    this.#data(context).attachments.delete(attachmentId);
  }

  async saveFeedback(threadId: string, itemIds: readonly string[], kind: FeedbackKind, context: StoreContext): Promise<void> {
    const items = this.#items(threadId, context);
    const missing = itemIds.find((itemId) => !items.some((item) => item.id === itemId));
    if (missing !== undefined) throw new NotFoundError(`Item ${missing} not found`);
    const feedback = this.#data(context).feedback;
    let kinds = feedback.get(threadId);
    if (!kinds) feedback.set(threadId, (kinds = new Map()));
    for (const itemId of itemIds) kinds.set(itemId, kind);
  }

  async loadFeedback(threadId: string, context: StoreContext): Promise<Record<string, FeedbackKind>> {
    this.#items(threadId, context);
    return Object.fromEntries(this.#data(context).feedback.get(threadId) ?? []);
  }

  async listAllThreads(query: AdminThreadQuery): Promise<Page<AdminThread>> {
    let newestFirst = [...this.#created].reverse();
    if (query.after) {
      // Older than the cursor's position, whether or not its thread still exists or
      // matches the filters (its feedback may have changed since), as the SQL stores page.
      const before = Number(adminCursorPosition(query.after));
      newestFirst = newestFirst.filter((entry) => entry.seq < before);
    }
    const rows: Array<AdminThread & { seq: number }> = [];
    for (const { user, id, seq } of newestFirst) {
      const data = this.#users.get(user);
      const thread = data?.threads.get(id);
      if (!thread) continue;
      if (query.from && thread.created_at < query.from) continue;
      if (query.to && thread.created_at >= query.to) continue;
      if (query.search && !threadMatches(thread, data!.items.get(id) ?? [], query.search)) continue;
      const feedback = { positive: 0, negative: 0 };
      for (const kind of data!.feedback.get(id)?.values() ?? []) feedback[kind]++;
      if (query.feedback && !feedback[query.feedback]) continue;
      rows.push({ user, thread: structuredClone(thread), feedback, seq });
      if (rows.length > query.limit) break;
    }
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      data: page.map(({ user, thread, feedback }) => ({ user, thread, feedback })),
      has_more: hasMore,
      after: hasMore && last ? adminCursor(last.seq) : null,
    };
  }

  async listUserAttachmentIds(user: string): Promise<string[]> {
    return [...(this.#users.get(user)?.attachments.keys() ?? [])];
  }

  async deleteUserData(user: string): Promise<number> {
    const count = this.#users.get(user)?.threads.size ?? 0;
    this.#users.delete(user);
    this.#created = this.#created.filter((entry) => entry.user !== user);
    return count;
  }

  async listAttachmentsOfThreadsCreatedBefore(before: string): Promise<AttachmentOwner[]> {
    const found: AttachmentOwner[] = [];
    for (const { user, data, id } of this.#threadsCreatedBefore(before)) {
      for (const attachment of sentIn(data, id)) found.push({ user, id: attachment });
    }
    return found.sort((a, b) => compare(a.user, b.user) || compare(a.id, b.id));
  }

  async deleteThreadsCreatedBefore(before: string): Promise<number> {
    let count = 0;
    for (const { data, id } of this.#threadsCreatedBefore(before)) {
      for (const attachment of sentIn(data, id)) data.attachments.delete(attachment);
      data.threads.delete(id);
      data.items.delete(id);
      data.feedback.delete(id);
      count++;
    }
    this.#created = this.#created.filter(({ user, id }) => this.#users.get(user)?.threads.has(id));
    return count;
  }

  /** Every user's threads created before `before`, with the data they are in. */
  *#threadsCreatedBefore(before: string): Generator<{ user: string; data: UserData; id: string }> {
    for (const { user, id } of [...this.#created]) {
      const data = this.#users.get(user);
      const thread = data?.threads.get(id);
      if (thread && thread.created_at < before) yield { user, data: data!, id };
    }
  }
}

/**
 * The ids of a user's attachment records last sent in `threadId` (their `thread_id`),
 * which finds them also when their message is gone, and not when sent again elsewhere.
 */
function sentIn(data: UserData, threadId: string): string[] {
  return [...data.attachments.values()].filter((attachment) => attachment.thread_id === threadId).map(({ id }) => id);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
