/**
 * A ChatKit store in one SQLite file, which survives restarts. It uses Node's built-in
 * `node:sqlite` (Node 22.13+): no native module to compile, so `npx chatkit-embed-server serve`
 * needs no compiler on the user's machine (better-sqlite3 would, whenever its prebuilt
 * binary cannot be fetched, and npm 11 skips its install script unless allowed).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  NotFoundError,
  adminCursor,
  adminCursorPosition,
  generateId,
  type AdminStore,
  type AdminThread,
  type AdminThreadQuery,
  type AttachmentOwner,
  type ChatKitStore,
  type FeedbackKind,
  type FeedbackStore,
  type SortOrder,
  type StoreContext,
  type StoreItemType,
} from './store.js';
import type { Attachment, Page, ThreadItem, ThreadMetadata } from '../protocol/types.js';

/**
 * An attachment record `c` sent in a thread of its user created before `?`: the record
 * names the thread it was last sent in (`thread_id`), which finds it also when its
 * message is gone, and keeps an attachment sent again in a newer thread.
 */
const IN_OLD_THREAD = `EXISTS (SELECT 1 FROM chatkit_threads t WHERE t.user_id = c.user_id
  AND t.id = json_extract(c.data, '$.thread_id') AND json_extract(t.data, '$.created_at') < ?)`;

// WAL with synchronous=NORMAL: a commit is not fsynced until the next checkpoint, which
// is safe against the process crashing (kill -9 mid-stream loses nothing committed) and
// costs at most the last commits on a power loss or an OS crash. A busy timeout makes a
// writer wait for a lock (another process, a backup) instead of failing at once.
const SCHEMA = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
  PRAGMA busy_timeout = 5000;
  PRAGMA foreign_keys = ON;
  CREATE TABLE IF NOT EXISTS chatkit_threads (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (user_id, id)
  );
  CREATE INDEX IF NOT EXISTS chatkit_threads_by_user ON chatkit_threads (user_id, seq);
  CREATE TABLE IF NOT EXISTS chatkit_items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (user_id, thread_id, id)
  );
  CREATE INDEX IF NOT EXISTS chatkit_items_by_thread ON chatkit_items (user_id, thread_id, seq);
  CREATE TABLE IF NOT EXISTS chatkit_attachments (
    user_id TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (user_id, id)
  );
  -- A reader's thumbs up or down on an item, the latest kind kept. It goes with its item
  -- (ON DELETE CASCADE), so every way an item is deleted (the item, its thread, its user,
  -- retention) leaves no feedback behind. The primary key finds a thread's feedback.
  CREATE TABLE IF NOT EXISTS chatkit_feedback (
    user_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('positive', 'negative')),
    PRIMARY KEY (user_id, thread_id, item_id),
    FOREIGN KEY (user_id, thread_id, item_id) REFERENCES chatkit_items (user_id, thread_id, id) ON DELETE CASCADE
  );
`;

/** Loads `node:sqlite` without its one-time ExperimentalWarning on stderr. */
async function loadSqlite(): Promise<typeof import('node:sqlite')> {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite is an experimental feature')) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await import('node:sqlite');
  } catch (error) {
    // Node 20 and early 22 have no node:sqlite; say which version is needed, not a stack trace.
    if ((error as { code?: string }).code === 'ERR_UNKNOWN_BUILTIN_MODULE') {
      throw new Error(`A SQLite store needs node:sqlite, built into Node.js 22.13 and newer; this is Node.js ${process.versions.node}.`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    process.emitWarning = emit;
  }
}

export class SqliteStore implements ChatKitStore, AdminStore, FeedbackStore {
  readonly #db: DatabaseSync;
  readonly #sql: Record<string, StatementSync>;

  private constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(SCHEMA);
    const q = (sql: string) => db.prepare(sql);
    this.#sql = {
      loadThread: q('SELECT data FROM chatkit_threads WHERE user_id = ? AND id = ?'),
      upsertThread: q(
        'INSERT INTO chatkit_threads (user_id, id, data) VALUES (?, ?, ?) ON CONFLICT (user_id, id) DO UPDATE SET data = excluded.data',
      ),
      threadSeq: q('SELECT seq FROM chatkit_threads WHERE user_id = ? AND id = ?'),
      threadsAsc: q('SELECT id, data FROM chatkit_threads WHERE user_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?'),
      threadsDesc: q('SELECT id, data FROM chatkit_threads WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
      deleteThread: q('DELETE FROM chatkit_threads WHERE user_id = ? AND id = ?'),
      deleteThreadItems: q('DELETE FROM chatkit_items WHERE user_id = ? AND thread_id = ?'),
      itemSeq: q('SELECT seq FROM chatkit_items WHERE user_id = ? AND thread_id = ? AND id = ?'),
      itemsAsc: q('SELECT id, data FROM chatkit_items WHERE user_id = ? AND thread_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?'),
      itemsDesc: q('SELECT id, data FROM chatkit_items WHERE user_id = ? AND thread_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
      upsertItem: q(
        'INSERT INTO chatkit_items (user_id, thread_id, id, data) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, thread_id, id) DO UPDATE SET data = excluded.data',
      ),
      loadItem: q('SELECT data FROM chatkit_items WHERE user_id = ? AND thread_id = ? AND id = ?'),
      deleteItem: q('DELETE FROM chatkit_items WHERE user_id = ? AND thread_id = ? AND id = ?'),
      upsertAttachment: q(
        'INSERT INTO chatkit_attachments (user_id, id, data) VALUES (?, ?, ?) ON CONFLICT (user_id, id) DO UPDATE SET data = excluded.data',
      ),
      loadAttachment: q('SELECT data FROM chatkit_attachments WHERE user_id = ? AND id = ?'),
      deleteAttachment: q('DELETE FROM chatkit_attachments WHERE user_id = ? AND id = ?'),
      upsertFeedback: q(
        'INSERT INTO chatkit_feedback (user_id, thread_id, item_id, kind) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, thread_id, item_id) DO UPDATE SET kind = excluded.kind',
      ),
      loadFeedback: q('SELECT item_id, kind FROM chatkit_feedback WHERE user_id = ? AND thread_id = ?'),
    };
  }

  /** Opens (and creates, with its folder) the database file; `:memory:` works too. */
  static async open(path: string): Promise<SqliteStore> {
    const { DatabaseSync } = await loadSqlite();
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return new SqliteStore(new DatabaseSync(path));
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  generateThreadId(): string {
    return generateId('thread');
  }

  generateItemId(type: StoreItemType): string {
    return generateId(type);
  }

  async loadThread(threadId: string, context: StoreContext): Promise<ThreadMetadata> {
    const row = this.#sql.loadThread!.get(context.user, threadId) as { data: string } | undefined;
    if (!row) throw new NotFoundError(`Thread ${threadId} not found`);
    return JSON.parse(row.data);
  }

  async saveThread(thread: ThreadMetadata, context: StoreContext): Promise<void> {
    this.#sql.upsertThread!.run(context.user, thread.id, JSON.stringify(thread));
  }

  async loadThreads(limit: number, after: string | null | undefined, order: SortOrder, context: StoreContext) {
    const cursor = this.#cursor(this.#sql.threadSeq!, [context.user], after, order);
    const statement = order === 'asc' ? this.#sql.threadsAsc! : this.#sql.threadsDesc!;
    const rows = statement.all(context.user, cursor, limit + 1) as Array<{ id: string; data: string }>;
    return page<ThreadMetadata>(rows, limit);
  }

  async deleteThread(threadId: string, context: StoreContext): Promise<void> {
    this.#transaction(() => {
      this.#sql.deleteThreadItems!.run(context.user, threadId);
      this.#sql.deleteThread!.run(context.user, threadId);
    });
  }

  async loadThreadItems(threadId: string, after: string | null | undefined, limit: number, order: SortOrder, context: StoreContext) {
    await this.loadThread(threadId, context); // not found for other users' threads
    const cursor = this.#cursor(this.#sql.itemSeq!, [context.user, threadId], after, order);
    const statement = order === 'asc' ? this.#sql.itemsAsc! : this.#sql.itemsDesc!;
    const rows = statement.all(context.user, threadId, cursor, limit + 1) as Array<{ id: string; data: string }>;
    return page<ThreadItem>(rows, limit);
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void> {
    // An item added twice (a retried save) is replaced in place, never duplicated.
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void> {
    await this.loadThread(threadId, context);
    this.#sql.upsertItem!.run(context.user, threadId, item.id, JSON.stringify(item));
  }

  async loadItem(threadId: string, itemId: string, context: StoreContext): Promise<ThreadItem> {
    const row = this.#sql.loadItem!.get(context.user, threadId, itemId) as { data: string } | undefined;
    if (!row) throw new NotFoundError(`Item ${itemId} not found`);
    return JSON.parse(row.data);
  }

  async deleteThreadItem(threadId: string, itemId: string, context: StoreContext): Promise<void> {
    this.#sql.deleteItem!.run(context.user, threadId, itemId);
  }

  async saveAttachment(attachment: Attachment, context: StoreContext): Promise<void> {
    this.#sql.upsertAttachment!.run(context.user, attachment.id, JSON.stringify(attachment));
  }

  async loadAttachment(attachmentId: string, context: StoreContext): Promise<Attachment> {
    const row = this.#sql.loadAttachment!.get(context.user, attachmentId) as { data: string } | undefined;
    if (!row) throw new NotFoundError(`Attachment ${attachmentId} not found`);
    return JSON.parse(row.data);
  }

  async deleteAttachment(attachmentId: string, context: StoreContext): Promise<void> {
    this.#sql.deleteAttachment!.run(context.user, attachmentId);
  }

  async saveFeedback(threadId: string, itemIds: readonly string[], kind: FeedbackKind, context: StoreContext): Promise<void> {
    await this.loadThread(threadId, context);
    this.#transaction(() => {
      for (const itemId of new Set(itemIds)) {
        if (!this.#sql.itemSeq!.get(context.user, threadId, itemId)) throw new NotFoundError(`Item ${itemId} not found`);
        this.#sql.upsertFeedback!.run(context.user, threadId, itemId, kind);
      }
    });
  }

  async loadFeedback(threadId: string, context: StoreContext): Promise<Record<string, FeedbackKind>> {
    await this.loadThread(threadId, context);
    const rows = this.#sql.loadFeedback!.all(context.user, threadId) as Array<{ item_id: string; kind: FeedbackKind }>;
    return Object.fromEntries(rows.map((row) => [row.item_id, row.kind]));
  }

  /**
   * The sequence number to page from: after `after`, or from the start. A cursor that no
   * longer exists ends the paging (an empty page) instead of starting it over.
   */
  #cursor(statement: StatementSync, keys: string[], after: string | null | undefined, order: SortOrder): number {
    if (after) {
      const row = statement.get(...keys, after) as { seq: number } | undefined;
      return row ? row.seq : order === 'asc' ? Number.MAX_SAFE_INTEGER : 0;
    }
    return order === 'asc' ? 0 : Number.MAX_SAFE_INTEGER;
  }

  // ---------- across users, for the site owner's tools (AdminStore) ----------

  async listAllThreads(query: AdminThreadQuery): Promise<Page<AdminThread>> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.after) {
      where.push('t.seq < ?');
      params.push(Number(adminCursorPosition(query.after)));
    }
    if (query.from) {
      where.push("json_extract(t.data, '$.created_at') >= ?");
      params.push(query.from);
    }
    if (query.to) {
      where.push("json_extract(t.data, '$.created_at') < ?");
      params.push(query.to);
    }
    if (query.search) {
      const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // The title, or the text of any message (content parts of user and assistant items).
      where.push(`(json_extract(t.data, '$.title') LIKE ? ESCAPE '\\' OR EXISTS (
        SELECT 1 FROM chatkit_items i, json_each(CASE WHEN json_type(i.data, '$.content') = 'array' THEN json_extract(i.data, '$.content') ELSE '[]' END) c
        WHERE i.user_id = t.user_id AND i.thread_id = t.id AND json_extract(c.value, '$.text') LIKE ? ESCAPE '\\'))`);
      params.push(like, like);
    }
    if (query.feedback) {
      where.push('EXISTS (SELECT 1 FROM chatkit_feedback f WHERE f.user_id = t.user_id AND f.thread_id = t.id AND f.kind = ?)');
      params.push(query.feedback);
    }
    const count = (kind: FeedbackKind) =>
      `(SELECT count(*) FROM chatkit_feedback f WHERE f.user_id = t.user_id AND f.thread_id = t.id AND f.kind = '${kind}')`;
    const rows = this.#db
      .prepare(
        `SELECT t.seq AS seq, t.user_id AS user, t.data AS data, ${count('positive')} AS positive, ${count('negative')} AS negative
           FROM chatkit_threads t ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.seq DESC LIMIT ?`,
      )
      .all(...params, query.limit + 1) as Array<{ seq: number; user: string; data: string; positive: number; negative: number }>;
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const data = page.map((row) => ({
      user: row.user,
      thread: JSON.parse(row.data) as ThreadMetadata,
      feedback: { positive: Number(row.positive), negative: Number(row.negative) },
    }));
    const last = page.at(-1);
    return { data, has_more: hasMore, after: hasMore && last ? adminCursor(last.seq) : null };
  }

  // Deleting items deletes their feedback too (ON DELETE CASCADE, see SCHEMA).
  async listUserAttachmentIds(user: string): Promise<string[]> {
    const rows = this.#db.prepare('SELECT id FROM chatkit_attachments WHERE user_id = ? ORDER BY id').all(user) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async deleteUserData(user: string): Promise<number> {
    let count = 0;
    this.#transaction(() => {
      this.#db.prepare('DELETE FROM chatkit_items WHERE user_id = ?').run(user);
      this.#db.prepare('DELETE FROM chatkit_attachments WHERE user_id = ?').run(user);
      count = Number(this.#db.prepare('DELETE FROM chatkit_threads WHERE user_id = ?').run(user).changes);
    });
    return count;
  }

  async listAttachmentsOfThreadsCreatedBefore(before: string): Promise<AttachmentOwner[]> {
    return this.#db
      .prepare(`SELECT user_id AS user, id FROM chatkit_attachments c WHERE ${IN_OLD_THREAD} ORDER BY user_id, id`)
      .all(before) as unknown as AttachmentOwner[];
  }

  async deleteThreadsCreatedBefore(before: string): Promise<number> {
    let count = 0;
    this.#transaction(() => {
      this.#db.prepare(`DELETE FROM chatkit_attachments AS c WHERE ${IN_OLD_THREAD}`).run(before);
      this.#db
        .prepare(
          `DELETE FROM chatkit_items WHERE EXISTS (SELECT 1 FROM chatkit_threads t WHERE t.user_id = chatkit_items.user_id
             AND t.id = chatkit_items.thread_id AND json_extract(t.data, '$.created_at') < ?)`,
        )
        .run(before);
      count = Number(this.#db.prepare("DELETE FROM chatkit_threads WHERE json_extract(data, '$.created_at') < ?").run(before).changes);
    });
    return count;
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}

function page<T>(rows: Array<{ id: string; data: string }>, limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const kept = rows.slice(0, limit);
  return {
    data: kept.map((row) => JSON.parse(row.data) as T),
    has_more: hasMore,
    after: hasMore ? (kept.at(-1)?.id ?? null) : null,
  };
}
