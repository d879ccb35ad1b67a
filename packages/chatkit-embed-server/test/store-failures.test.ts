import { createServer as createTcpServer, connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryFileStorage,
  MemoryStore,
  PostgresStore,
  createChatKitServer,
  createStandaloneServer,
  offlineResponder,
  streamAssistantMessage,
  type LogEntry,
  type StoreContext,
  type ThreadItem,
  type ThreadMetadata,
} from '../src/index.js';
import { client, headerAuthenticate, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';
import { NO_POSTGRES, postgresAvailable, startPostgres, type Postgres } from './postgres.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A memory store that fails where a full disk would: `failOn` names the operation. */
class FailingStore extends MemoryStore {
  constructor(private readonly failOn: (operation: string, item?: ThreadItem) => boolean) {
    super();
  }
  override async saveThread(thread: ThreadMetadata, context: StoreContext) {
    if (this.failOn('saveThread')) throw Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR' });
    return super.saveThread(thread, context);
  }
  override async addThreadItem(threadId: string, item: ThreadItem, context: StoreContext) {
    if (this.failOn('addThreadItem', item)) throw Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR' });
    return super.addThreadItem(threadId, item, context);
  }
}

async function start(store: MemoryStore) {
  const logs: LogEntry[] = [];
  const server = await serve(
    createChatKitServer({
      store,
      authenticate: headerAuthenticate,
      log: (entry) => logs.push(entry),
      respond: async function* ({ thread }) {
        yield* streamAssistantMessage(thread, ['An answer.']);
      },
    }),
  );
  servers.push(server);
  return { chat: client(server.url), logs, url: server.url };
}

// Attack: a full disk. Store failures before the stream answered nothing at all (an
// empty reply) and logged nothing; one between the thread and its first message left an
// empty thread behind.
describe('store failures', () => {
  it('before the stream: a JSON 500 with a stable code, one log line, and no thread', async () => {
    const { chat, logs } = await start(new FailingStore((operation) => operation === 'saveThread'));
    const failed = await chat.stream('threads.create', { input: userText('hello') });
    expect(failed.status).toBe(500);
    expect(failed.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(failed.raw).error.code).toBe('internal_error');
    expect(logs.filter((entry) => entry.level === 'error').map((entry) => entry.event)).toEqual(['chatkit.failed']);
  });

  it('between the thread and its first message: the thread is removed again, never half-created', async () => {
    const store = new FailingStore((operation, item) => operation === 'addThreadItem' && item?.type === 'user_message');
    const { chat } = await start(store);
    const failed = await chat.stream('threads.create', { input: userText('hello') });
    expect(failed.status).toBe(500);
    expect((await chat.call('threads.list', {})).body.data).toEqual([]);
  });

  it('once the stream has started: it ends with an error event the chat shows, not a cut connection, and is logged', async () => {
    const store = new FailingStore((operation, item) => operation === 'addThreadItem' && item?.type === 'assistant_message');
    const { chat, logs } = await start(store);
    const answered = await chat.stream('threads.create', { input: userText('hello') });
    expect(answered.status).toBe(200);
    expect(answered.events.at(-1)).toMatchObject({ type: 'error', allow_retry: true });
    expect(logs.some((entry) => entry.level === 'error')).toBe(true);
  });
});

/** A TCP proxy to PostgreSQL that can stop answering, as a paused or cut-off database does. */
async function pausableProxy(target: URL) {
  let paused = false;
  const sockets = new Set<Socket>();
  const server = createTcpServer((incoming) => {
    sockets.add(incoming);
    incoming.on('error', () => undefined).on('close', () => sockets.delete(incoming));
    if (paused) return; // accepted, never answered
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('error', () => incoming.destroy()).on('close', () => sockets.delete(upstream));
    incoming.on('data', (chunk) => !paused && upstream.write(chunk));
    upstream.on('data', (chunk) => !paused && incoming.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target.href);
  url.port = String(port);
  return {
    url: url.href,
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const available = postgresAvailable();
if (!available) describe.skip(NO_POSTGRES, () => it('needs PostgreSQL', () => undefined));

if (available) {
  let postgres: Postgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(() => postgres?.stop());

  // Attack: a paused database. threads.list hung as long as the client waited, and
  // /health said 200 throughout.
  describe('PostgreSQL that stops answering', () => {
    it('answers 503 store_unavailable in bounded time, /health says so, and both recover', async () => {
      const proxy = await pausableProxy(new URL(postgres.url));
      servers.push(proxy);
      const store = await PostgresStore.open(proxy.url, {
        schema: `paused_${process.pid}`,
        connectTimeoutMs: 500,
        statementTimeoutMs: 500,
      });
      servers.push({ close: () => store.close().catch(() => undefined) });
      const backend = await createStandaloneServer({
        chatkit: { store, respond: offlineResponder({ delayMs: 0 }) },
        tokens: { secret: 'a shared secret for the paused database test' },
      });
      const server = await serve(backend.handler);
      servers.push(server);
      const minted = (await (await fetch(`${server.url}/api/chatkit/token`, { method: 'POST' })).json()) as { client_secret: string };
      const list = () =>
        fetch(`${server.url}/chatkit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${minted.client_secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'threads.list', params: {} }),
        });
      expect((await list()).status).toBe(200);
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true, store: 'ok' });

      proxy.pause();
      const refused = await list();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false, store: 'unavailable' });

      proxy.resume();
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) status = (await list()).status;
      expect(status).toBe(200);
    });
  });
}

describe('retention', () => {
  it('deletes threads older than retentionDays at start, for every user, and keeps the rest', async () => {
    const store = new MemoryStore();
    const day = 86_400_000;
    const thread = (id: string, ageDays: number) => ({
      id,
      created_at: new Date(Date.now() - ageDays * day).toISOString(),
      status: { type: 'active' as const },
      metadata: {},
    });
    await store.saveThread(thread('t_old_alice', 40), { user: 'alice' });
    await store.saveThread(thread('t_old_bob', 31), { user: 'bob' });
    await store.saveThread(thread('t_new', 2), { user: 'alice' });
    const logs: LogEntry[] = [];
    await createStandaloneServer({ chatkit: { store, respond: offlineResponder() }, retentionDays: 30, log: (entry) => logs.push(entry) });
    expect((await store.listAllThreads({ limit: 10 })).data.map((row) => row.thread.id)).toEqual(['t_new']);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'retention.deleted' }));
    await expect(createStandaloneServer({ chatkit: { store, respond: offlineResponder() }, retentionDays: 0 })).rejects.toThrow(
      'retentionDays must be above 0',
    );
  });

  /** Two threads of alice's, 40 and 2 days old, each with a message carrying an uploaded file. */
  async function threadsWithFiles(storage: MemoryFileStorage) {
    const store = new MemoryStore();
    const alice = { user: 'alice' };
    for (const [id, ageDays] of [
      ['old', 40],
      ['new', 2],
    ] as const) {
      const created_at = new Date(Date.now() - ageDays * 86_400_000).toISOString();
      await store.saveThread({ id, created_at, status: { type: 'active' }, metadata: {} }, alice);
      const attachment = { type: 'file' as const, id: `atc_${id}`, name: `${id}.txt`, mime_type: 'text/plain', thread_id: id };
      await store.saveAttachment(attachment, alice);
      await storage.put(attachment.id, { bytes: new TextEncoder().encode(id), mimeType: 'text/plain' });
      await store.addThreadItem(
        id,
        {
          id: `msg_${id}`,
          thread_id: id,
          created_at,
          type: 'user_message',
          content: [{ type: 'input_text', text: 'see attached' }],
          attachments: [attachment],
          inference_options: {},
        } as ThreadItem,
        alice,
      );
    }
    return { store, alice };
  }

  it('deletes the uploaded files of the threads it deletes, and their records, and nothing newer', async () => {
    const storage = new MemoryFileStorage();
    const { store, alice } = await threadsWithFiles(storage);
    await createStandaloneServer({ chatkit: { store, respond: offlineResponder() }, files: { storage }, retentionDays: 30 });
    expect(await storage.get('atc_old')).toBeUndefined();
    await expect(store.loadAttachment('atc_old', alice)).rejects.toThrow();
    expect(await storage.get('atc_new')).toBeDefined();
    expect((await store.loadAttachment('atc_new', alice)).id).toBe('atc_new');
    expect((await store.listAllThreads({ limit: 10 })).data.map((row) => row.thread.id)).toEqual(['new']);
  });

  it('with a handler of its own for attachments, asks it to delete the files, as whose they are', async () => {
    const { store } = await threadsWithFiles(new MemoryFileStorage());
    const deleted: Array<[string, string]> = [];
    const attachments = {
      create: async () => {
        throw new Error('no uploads in this test');
      },
      delete: async (id: string, context: StoreContext) => void deleted.push([id, context.user]),
    };
    await createStandaloneServer({ chatkit: { store, respond: offlineResponder(), attachments }, retentionDays: 30 });
    expect(deleted).toEqual([['atc_old', 'alice']]);
    expect((await store.listUserAttachmentIds('alice')).sort()).toEqual(['atc_new']);
  });

  it('when the file storage fails, deletes nothing and says so, and the server still starts', async () => {
    const storage = new MemoryFileStorage();
    const { store, alice } = await threadsWithFiles(storage);
    storage.delete = async () => {
      throw new Error('the bucket is unreachable');
    };
    const logs: LogEntry[] = [];
    const server = await createStandaloneServer({
      chatkit: { store, respond: offlineResponder() },
      files: { storage },
      retentionDays: 30,
      log: (entry) => logs.push(entry),
    });
    expect(typeof server.handler).toBe('function');
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', event: 'retention.failed', message: 'the bucket is unreachable' }),
    );
    expect((await store.listAllThreads({ limit: 10 })).data.map((row) => row.thread.id)).toEqual(['new', 'old']);
    expect((await store.loadAttachment('atc_old', alice)).id).toBe('atc_old');
    expect(await storage.get('atc_old')).toBeDefined();
  });
});
