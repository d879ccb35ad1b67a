/**
 * A ChatKit store in PostgreSQL, for several server instances behind one load balancer:
 * they share threads, items, attachment metadata and rate-limit counters. Uses `pg`
 * (node-postgres) with a connection pool.
 *
 * Schema migrations run on open (or from `migrate()`), are idempotent, and take an
 * advisory lock so that instances starting together do not race.
 */
import type pg from 'pg';
import { importPeer } from '../runtime/peer.js';
import type { RateLimitStore } from '../http/rate-limiter.js';
import {
  NotFoundError,
  StoreUnavailableError,
  adminCursor,
  adminCursorPosition,
  generateId,
  type ChatKitStore,
  type AdminStore,
  type AdminThread,
  type AdminThreadQuery,
  type AttachmentOwner,
  type FeedbackKind,
  type FeedbackStore,
  type SortOrder,
  type StoreContext,
  type StoreItemType,
} from './store.js';
import type { Attachment, Page, ThreadItem, ThreadMetadata } from '../protocol/types.js';

/**
 * An attachment record `c` sent in a thread of its user created before `$1`: the record
 * names the thread it was last sent in (`thread_id`), which finds it also when its
 * message is gone, and keeps an attachment sent again in a newer thread.
 */
const IN_OLD_THREAD = `EXISTS (SELECT 1 FROM chatkit_threads t WHERE t.user_id = c.user_id
  AND t.id = c.data->>'thread_id' AND t.data->>'created_at' < $1)`;

/** Ordered migrations; each runs once, recorded in chatkit_schema_migrations. */
const MIGRATIONS: string[] = [
  `CREATE TABLE chatkit_threads (
     seq BIGSERIAL PRIMARY KEY,
     user_id TEXT NOT NULL,
     id TEXT NOT NULL,
     data JSONB NOT NULL,
     UNIQUE (user_id, id)
   );
   CREATE INDEX chatkit_threads_by_user ON chatkit_threads (user_id, seq);
   CREATE TABLE chatkit_items (
     seq BIGSERIAL PRIMARY KEY,
     user_id TEXT NOT NULL,
     thread_id TEXT NOT NULL,
     id TEXT NOT NULL,
     data JSONB NOT NULL,
     UNIQUE (user_id, thread_id, id)
   );
   CREATE INDEX chatkit_items_by_thread ON chatkit_items (user_id, thread_id, seq);
   CREATE TABLE chatkit_attachments (
     user_id TEXT NOT NULL,
     id TEXT NOT NULL,
     data JSONB NOT NULL,
     PRIMARY KEY (user_id, id)
   );
   CREATE TABLE chatkit_rate_limits (
     key TEXT PRIMARY KEY,
     count INTEGER NOT NULL,
     reset_at TIMESTAMPTZ NOT NULL
   );`,
  // Places taken by open streams (usage limits), freed on release or when they expire.
  `CREATE TABLE chatkit_leases (
     key TEXT NOT NULL,
     id TEXT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (key, id)
   )`,
  // A reader's thumbs up or down on an item, the latest kind kept. It goes with its item
  // (ON DELETE CASCADE), so every way an item is deleted (the item, its thread, its user,
  // retention) leaves no feedback behind, also when a delete and a vote race. The
  // primary key is the index by thread: the admin listing's counts and its feedback
  // filter look a thread's rows up through it. IF NOT EXISTS on top of the version
  // table, so a half-recorded run (table made, version not) cannot stop a start.
  `CREATE TABLE IF NOT EXISTS chatkit_feedback (
     user_id TEXT NOT NULL,
     thread_id TEXT NOT NULL,
     item_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('positive', 'negative')),
     PRIMARY KEY (user_id, thread_id, item_id),
     FOREIGN KEY (user_id, thread_id, item_id) REFERENCES chatkit_items (user_id, thread_id, id) ON DELETE CASCADE
   )`,
];

/** Any fixed number: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 7_261_733;

export interface PostgresStoreOptions {
  /** Tables live in this schema (created if missing); the connection's default otherwise. */
  schema?: string;
  /** Pool size per instance. @default 10 */
  maxConnections?: number;
  /** Run migrations on open. @default true */
  migrate?: boolean;
  /**
   * How long to wait for a connection, new or from the pool, before answering 503.
   * @default 5000
   */
  connectTimeoutMs?: number;
  /**
   * How long one statement may run, on the server (statement_timeout) and in the client
   * (a paused or unreachable database never answers at all). @default 10000
   */
  statementTimeoutMs?: number;
}

/** Errors that mean the database cannot be reached or did not answer in time. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function translate(error: unknown): unknown {
  const { code, message = '' } = (error ?? {}) as { code?: string; message?: string };
  const unavailable =
    (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) || /timeout|Connection terminated/i.test(message);
  return unavailable ? new StoreUnavailableError('The database did not answer in time.', { cause: error }) : error;
}

export class PostgresStore implements ChatKitStore, AdminStore, FeedbackStore {
  readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    const { default: postgres } = await importPeer('pg', 'A PostgreSQL store', () => import('pg'));
    const statementTimeout = options.statementTimeoutMs ?? 10_000;
    const pool = new postgres.Pool({
      connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      // The client-side limit is a little longer, so the server's own timeout (a clear
      // error) fires first whenever the server is there to fire it.
      query_timeout: statementTimeout + 2_000,
      options: [`-c statement_timeout=${statementTimeout}`, ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
    });
    // An idle client's network error must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool);
    if (options.migrate ?? true) await store.migrate(schema);
    return store;
  }

  /** Creates or upgrades the tables; safe to run from several instances at once. */
  async migrate(schema?: string): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS chatkit_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM chatkit_schema_migrations');
      const applied = new Set(rows.map((row) => row.version));
      for (const [index, sql] of MIGRATIONS.entries()) {
        if (applied.has(index + 1)) continue;
        await client.query(sql);
        await client.query('INSERT INTO chatkit_schema_migrations (version) VALUES ($1)', [index + 1]);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  generateThreadId(): string {
    return generateId('thread');
  }

  generateItemId(type: StoreItemType): string {
    return generateId(type);
  }

  async loadThread(threadId: string, context: StoreContext): Promise<ThreadMetadata> {
    const { rows } = await this.#query('SELECT data FROM chatkit_threads WHERE user_id = $1 AND id = $2', [context.user, threadId]);
    if (!rows[0]) throw new NotFoundError(`Thread ${threadId} not found`);
    return rows[0].data;
  }

  async saveThread(thread: ThreadMetadata, context: StoreContext): Promise<void> {
    await this.#query(
      'INSERT INTO chatkit_threads (user_id, id, data) VALUES ($1, $2, $3) ON CONFLICT (user_id, id) DO UPDATE SET data = EXCLUDED.data',
      [context.user, thread.id, thread],
    );
  }

  async loadThreads(
    limit: number,
    after: string | null | undefined,
    order: SortOrder,
    context: StoreContext,
  ): Promise<Page<ThreadMetadata>> {
    const cursor = await this.#cursor('SELECT seq FROM chatkit_threads WHERE user_id = $1 AND id = $2', [context.user], after, order);
    const { rows } = await this.#query<{ id: string; data: ThreadMetadata }>(
      `SELECT id, data FROM chatkit_threads WHERE user_id = $1 AND seq ${order === 'asc' ? '>' : '<'} $2 ORDER BY seq ${order} LIMIT $3`,
      [context.user, cursor, limit + 1],
    );
    return page(rows, limit);
  }

  async deleteThread(threadId: string, context: StoreContext): Promise<void> {
    await this.#transaction(async (client) => {
      await client.query('DELETE FROM chatkit_items WHERE user_id = $1 AND thread_id = $2', [context.user, threadId]);
      await client.query('DELETE FROM chatkit_threads WHERE user_id = $1 AND id = $2', [context.user, threadId]);
    });
  }

  async loadThreadItems(
    threadId: string,
    after: string | null | undefined,
    limit: number,
    order: SortOrder,
    context: StoreContext,
  ): Promise<Page<ThreadItem>> {
    await this.loadThread(threadId, context);
    const cursor = await this.#cursor(
      'SELECT seq FROM chatkit_items WHERE user_id = $1 AND thread_id = $2 AND id = $3',
      [context.user, threadId],
      after,
      order,
    );
    const { rows } = await this.#query<{ id: string; data: ThreadItem }>(
      `SELECT id, data FROM chatkit_items WHERE user_id = $1 AND thread_id = $2 AND seq ${order === 'asc' ? '>' : '<'} $3 ORDER BY seq ${order} LIMIT $4`,
      [context.user, threadId, cursor, limit + 1],
    );
    return page(rows, limit);
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void> {
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: ThreadItem, context: StoreContext): Promise<void> {
    // One statement: the thread check and the write cannot be split by a concurrent delete.
    const { rowCount } = await this.#query(
      `INSERT INTO chatkit_items (user_id, thread_id, id, data)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM chatkit_threads WHERE user_id = $1 AND id = $2)
       ON CONFLICT (user_id, thread_id, id) DO UPDATE SET data = EXCLUDED.data`,
      [context.user, threadId, item.id, item],
    );
    if (!rowCount) throw new NotFoundError(`Thread ${threadId} not found`);
  }

  async loadItem(threadId: string, itemId: string, context: StoreContext): Promise<ThreadItem> {
    const { rows } = await this.#query('SELECT data FROM chatkit_items WHERE user_id = $1 AND thread_id = $2 AND id = $3', [
      context.user,
      threadId,
      itemId,
    ]);
    if (!rows[0]) throw new NotFoundError(`Item ${itemId} not found`);
    return rows[0].data;
  }

  async deleteThreadItem(threadId: string, itemId: string, context: StoreContext): Promise<void> {
    await this.#query('DELETE FROM chatkit_items WHERE user_id = $1 AND thread_id = $2 AND id = $3', [context.user, threadId, itemId]);
  }

  async saveAttachment(attachment: Attachment, context: StoreContext): Promise<void> {
    await this.#query(
      'INSERT INTO chatkit_attachments (user_id, id, data) VALUES ($1, $2, $3) ON CONFLICT (user_id, id) DO UPDATE SET data = EXCLUDED.data',
      [context.user, attachment.id, attachment],
    );
  }

  async loadAttachment(attachmentId: string, context: StoreContext): Promise<Attachment> {
    const { rows } = await this.#query('SELECT data FROM chatkit_attachments WHERE user_id = $1 AND id = $2', [context.user, attachmentId]);
    if (!rows[0]) throw new NotFoundError(`Attachment ${attachmentId} not found`);
    return rows[0].data;
  }

  async deleteAttachment(attachmentId: string, context: StoreContext): Promise<void> {
    await this.#query('DELETE FROM chatkit_attachments WHERE user_id = $1 AND id = $2', [context.user, attachmentId]);
  }

  async saveFeedback(threadId: string, itemIds: readonly string[], kind: FeedbackKind, context: StoreContext): Promise<void> {
    await this.loadThread(threadId, context);
    const wanted = [...new Set(itemIds)];
    if (!wanted.length) return;
    // One statement, all or nothing: written only when every item is in the thread. An
    // item deleted meanwhile fails the foreign key instead of leaving a stray row.
    const { rowCount } = await this.#query(
      `WITH found AS (SELECT id FROM chatkit_items WHERE user_id = $1 AND thread_id = $2 AND id = ANY($3::text[]))
       INSERT INTO chatkit_feedback (user_id, thread_id, item_id, kind)
       SELECT $1, $2, id, $4 FROM found WHERE (SELECT count(*) FROM found) = cardinality($3::text[])
       ON CONFLICT (user_id, thread_id, item_id) DO UPDATE SET kind = EXCLUDED.kind`,
      [context.user, threadId, wanted, kind],
    ).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23503') throw new NotFoundError(`An item of thread ${threadId} was not found`);
      throw error;
    });
    if (rowCount === wanted.length) return;
    const { rows } = await this.#query<{ id: string }>(
      'SELECT id FROM chatkit_items WHERE user_id = $1 AND thread_id = $2 AND id = ANY($3::text[])',
      [context.user, threadId, wanted],
    );
    const found = new Set(rows.map((row) => row.id));
    throw new NotFoundError(`Item ${wanted.find((id) => !found.has(id)) ?? wanted[0]} not found`);
  }

  async loadFeedback(threadId: string, context: StoreContext): Promise<Record<string, FeedbackKind>> {
    await this.loadThread(threadId, context);
    const { rows } = await this.#query<{ item_id: string; kind: FeedbackKind }>(
      'SELECT item_id, kind FROM chatkit_feedback WHERE user_id = $1 AND thread_id = $2',
      [context.user, threadId],
    );
    return Object.fromEntries(rows.map((row) => [row.item_id, row.kind]));
  }

  /** Rate-limit counters in the same database, shared by every instance. */
  rateLimitStore(): RateLimitStore {
    return {
      acquire: async (key, limit, ttlMs) => {
        const id = crypto.randomUUID();
        let granted = false;
        await this.#transaction(async (client) => {
          // One instance at a time per key, so two cannot both take the last place.
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`chatkit-lease:${key}`]);
          await client.query('DELETE FROM chatkit_leases WHERE key = $1 AND expires_at <= now()', [key]);
          const { rows } = await client.query<{ taken: string }>('SELECT count(*) AS taken FROM chatkit_leases WHERE key = $1', [key]);
          if (Number(rows[0]!.taken) >= limit) return;
          await client.query(`INSERT INTO chatkit_leases (key, id, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')`, [
            key,
            id,
            ttlMs,
          ]);
          granted = true;
        });
        if (!granted) return null;
        return {
          release: async () => {
            await this.#query('DELETE FROM chatkit_leases WHERE key = $1 AND id = $2', [key, id]);
          },
          renew: async (ms) => {
            await this.#query(`UPDATE chatkit_leases SET expires_at = now() + $3 * interval '1 millisecond' WHERE key = $1 AND id = $2`, [
              key,
              id,
              ms,
            ]);
          },
        };
      },
      hit: async (key, windowMs) => {
        const { rows } = await this.#query<{ count: number; reset_at: Date }>(
          `INSERT INTO chatkit_rate_limits AS r (key, count, reset_at)
             VALUES ($1, 1, now() + $2 * interval '1 millisecond')
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.count + 1 END,
             reset_at = CASE WHEN r.reset_at <= now() THEN now() + $2 * interval '1 millisecond' ELSE r.reset_at END
           RETURNING count, reset_at`,
          [key, windowMs],
        );
        return { count: rows[0]!.count, resetAtMs: rows[0]!.reset_at.getTime() };
      },
    };
  }

  /** The sequence number to page from; a cursor that no longer exists ends the paging. */
  async #cursor(sql: string, keys: string[], after: string | null | undefined, order: SortOrder): Promise<number | string> {
    const none = order === 'asc' ? 0 : '9223372036854775807';
    if (!after) return none;
    const { rows } = await this.#query(sql, [...keys, after]);
    if (rows[0]) return rows[0].seq;
    return order === 'asc' ? '9223372036854775807' : 0;
  }

  // ---------- across users, for the site owner's tools (AdminStore) ----------

  async listAllThreads(query: AdminThreadQuery): Promise<Page<AdminThread>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.after) where.push(`t.seq < ${param(adminCursorPosition(query.after))}`);
    if (query.from) where.push(`t.data->>'created_at' >= ${param(query.from)}`);
    if (query.to) where.push(`t.data->>'created_at' < ${param(query.to)}`);
    if (query.search) {
      const like = param(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      // The title, or the text of any message (content parts of user and assistant items).
      where.push(`(t.data->>'title' ILIKE ${like} OR EXISTS (
        SELECT 1 FROM chatkit_items i,
          jsonb_array_elements(CASE WHEN jsonb_typeof(i.data->'content') = 'array' THEN i.data->'content' ELSE '[]'::jsonb END) c
        WHERE i.user_id = t.user_id AND i.thread_id = t.id AND c->>'text' ILIKE ${like}))`);
    }
    // Both through chatkit_feedback's primary key (user_id, thread_id, …): the filter is
    // a probe per thread walked newest first, the counts one per thread on the page.
    if (query.feedback) {
      where.push(
        `EXISTS (SELECT 1 FROM chatkit_feedback f WHERE f.user_id = t.user_id AND f.thread_id = t.id AND f.kind = ${param(query.feedback)})`,
      );
    }
    const { rows } = await this.#query<{ seq: string; user_id: string; data: ThreadMetadata; positive: number; negative: number }>(
      `SELECT t.seq, t.user_id, t.data, fb.positive, fb.negative FROM chatkit_threads t
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE f.kind = 'positive')::int AS positive, count(*) FILTER (WHERE f.kind = 'negative')::int AS negative
             FROM chatkit_feedback f WHERE f.user_id = t.user_id AND f.thread_id = t.id
         ) fb
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.seq DESC LIMIT ${param(query.limit + 1)}`,
      params,
    );
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const data = page.map((row) => ({ user: row.user_id, thread: row.data, feedback: { positive: row.positive, negative: row.negative } }));
    const last = page.at(-1);
    return { data, has_more: hasMore, after: hasMore && last ? adminCursor(last.seq) : null };
  }

  async listUserAttachmentIds(user: string): Promise<string[]> {
    const { rows } = await this.#query<{ id: string }>('SELECT id FROM chatkit_attachments WHERE user_id = $1 ORDER BY id', [user]);
    return rows.map((row) => row.id);
  }

  // Deleting items deletes their feedback too (ON DELETE CASCADE, see MIGRATIONS).
  async deleteUserData(user: string): Promise<number> {
    let count = 0;
    await this.#transaction(async (client) => {
      await client.query('DELETE FROM chatkit_items WHERE user_id = $1', [user]);
      await client.query('DELETE FROM chatkit_attachments WHERE user_id = $1', [user]);
      count = (await client.query('DELETE FROM chatkit_threads WHERE user_id = $1', [user])).rowCount ?? 0;
    });
    return count;
  }

  async listAttachmentsOfThreadsCreatedBefore(before: string): Promise<AttachmentOwner[]> {
    const { rows } = await this.#query<AttachmentOwner>(
      `SELECT user_id AS "user", id FROM chatkit_attachments c WHERE ${IN_OLD_THREAD} ORDER BY user_id, id`,
      [before],
    );
    return rows;
  }

  /** Safe to run from several instances at once: each deletes what is still there. */
  async deleteThreadsCreatedBefore(before: string): Promise<number> {
    let count = 0;
    await this.#transaction(async (client) => {
      await client.query(`DELETE FROM chatkit_attachments c WHERE ${IN_OLD_THREAD}`, [before]);
      await client.query(
        `DELETE FROM chatkit_items i USING chatkit_threads t
          WHERE t.user_id = i.user_id AND t.id = i.thread_id AND t.data->>'created_at' < $1`,
        [before],
      );
      count = (await client.query(`DELETE FROM chatkit_threads WHERE data->>'created_at' < $1`, [before])).rowCount ?? 0;
    });
    return count;
  }

  /** A query whose connection failures and timeouts become `StoreUnavailableError`. */
  #query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values).catch((error: unknown) => {
      throw translate(error);
    });
  }

  async #transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw translate(error);
    });
    let broken = false;
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      const translated = translate(error);
      broken = translated instanceof StoreUnavailableError;
      await client.query('ROLLBACK').catch(() => undefined);
      throw translated;
    } finally {
      // A connection that timed out may be stuck: drop it rather than hand it out again.
      client.release(broken);
    }
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }
}

function page<T>(rows: Array<{ id: string; data: T }>, limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const kept = rows.slice(0, limit);
  return { data: kept.map((row) => row.data), has_more: hasMore, after: hasMore ? (kept.at(-1)?.id ?? null) : null };
}
