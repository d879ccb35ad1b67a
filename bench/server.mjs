// Server throughput on loopback: requests per second and p99 latency with 1, 50 and
// 200 concurrent clients, for the session endpoint (upstream stubbed) and the ChatKit
// server's streaming path (offline responder) on each store; plus the time to the
// responder's first event on a short and on a 1,000-item thread.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import autocannon from 'autocannon';
import { postgresInstalled, startPostgres } from '../scripts/throwaway-postgres.mjs';
import { previousToNodeHandler } from './previous-node-adapter.mjs';
import {
  MemoryStore,
  PostgresStore,
  SqliteStore,
  createChatKitServer,
  createSessionHandler,
  createTokenSigner,
  createTokenVerifier,
  offlineResponder,
  streamAssistantMessage,
  toNodeHandler,
} from 'chatkit-embed-server';

const CONCURRENCY = [1, 50, 200];
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 3);

async function listen(handler) {
  const server = createServer(typeof handler === 'function' && handler.length <= 1 ? toNodeHandler(handler) : handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

function load(url, connections, body, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: DURATION_S, method: 'POST', headers, body }, (error, result) => {
      if (error) reject(error);
      else resolve({ rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx });
    });
  });
}

const userText = (text) => ({ content: [{ type: 'input_text', text }], attachments: [], inference_options: {} });
// Authenticated as `serve` does it: a JWT from the token endpoint's signer, verified on
// every request. Every request comes from one user here, so the per-user usage limits
// (on by default) would refuse nearly all of them: these rows turn them off, since they
// measure throughput, not the limits.
const signer = await createTokenSigner();
const authenticate = createTokenVerifier({ jwks: await signer.jwks() });
const bearer = async (user) => ({ authorization: `Bearer ${(await signer.sign(user)).token}` });

export async function serverBench() {
  const rows = [];
  // Session endpoint, OpenAI stubbed.
  const upstream = await listen((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'cksess', client_secret: 'ek_bench', expires_at: Math.floor(Date.now() / 1000) + 600 }));
    });
  });
  const session = await listen(
    createSessionHandler({
      apiKey: 'sk-bench-key-0000000000000000',
      baseURL: `${upstream.url}/v1`,
      workflow: { id: 'wf_bench' },
      rateLimit: { perUser: false, perIp: false },
    }),
  );
  for (const c of CONCURRENCY)
    rows.push({ name: 'session endpoint', connections: c, ...(await load(session.url, c, '{}', { 'content-type': 'application/json' })) });
  await session.close();
  await upstream.close();

  // ChatKit streaming path on each store.
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-bench-'));
  const postgres = postgresInstalled() ? await startPostgres() : undefined;
  let schemas = 0;
  const openPostgres = () => PostgresStore.open(postgres.url, { schema: `bench_${process.pid}_${++schemas}`, maxConnections: 20 });
  const stores = [
    ['memory', async () => new MemoryStore()],
    ['SQLite', () => SqliteStore.open(join(dir, 'bench.sqlite'))],
    ...(postgres ? [['PostgreSQL', openPostgres]] : []),
  ];
  const body = JSON.stringify({ type: 'threads.create', params: { input: userText('Hello') } });
  const headers = { 'content-type': 'application/json', ...(await bearer('bench')) };
  const respond = offlineResponder({ delayMs: 0 });
  // The same server behind three Node adapters: ours, the one before it, and Hono's.
  // Interleaved at each load level, so that a change in the machine's load between
  // measurements does not favour one of them.
  const adapters = [
    ['previous adapter', previousToNodeHandler],
    ['@hono/node-server', (handler) => getRequestListener(handler, { overrideGlobalObjects: false })],
    ['toNodeHandler, for comparison', toNodeHandler],
  ];
  const behind = await Promise.all(
    adapters.map(async ([adapter, wrap]) => ({
      adapter,
      chat: await listen(wrap(createChatKitServer({ store: new MemoryStore(), authenticate, respond, limits: false }))),
    })),
  );
  for (const c of CONCURRENCY)
    for (const { adapter, chat } of behind)
      rows.push({ name: `ChatKit stream (memory), ${adapter}`, connections: c, ...(await load(chat.url, c, body, headers)) });
  await Promise.all(behind.map(({ chat }) => chat.close()));
  for (const [name, open] of stores) {
    const store = await open();
    const chat = await listen(createChatKitServer({ store, authenticate, respond, limits: false }));
    for (const c of CONCURRENCY)
      rows.push({ name: `ChatKit stream (${name})`, connections: c, ...(await load(chat.url, c, body, headers)) });
    await chat.close();
    await store.close?.();
  }
  if (postgres) {
    // Two instances, each with its own pool, on one database; the clients split between them.
    const schema = `bench_${process.pid}_shared`;
    const a = await PostgresStore.open(postgres.url, { schema, maxConnections: 20 });
    const b = await PostgresStore.open(postgres.url, { schema, maxConnections: 20 });
    const chats = await Promise.all([a, b].map((store) => listen(createChatKitServer({ store, authenticate, respond, limits: false }))));
    for (const c of CONCURRENCY) {
      const half = Math.max(1, Math.floor(c / 2));
      const [x, y] = await Promise.all(chats.map((chat) => load(chat.url, half, body, headers)));
      rows.push({
        name: 'ChatKit stream (2 instances, one PostgreSQL)',
        connections: half * 2,
        rps: x.rps + y.rps,
        p99: Math.max(x.p99, y.p99),
        errors: x.errors + y.errors,
      });
    }
    await Promise.all(chats.map((chat) => chat.close()));
    await Promise.all([a.close(), b.close()]);
    await postgres.stop();
  } else {
    rows.push({ name: 'ChatKit stream (PostgreSQL)', skipped: 'no PostgreSQL installed and no DATABASE_URL' });
  }

  // Time to first byte as a thread grows: history loading must not dominate.
  const store = await SqliteStore.open(join(dir, 'growth.sqlite'));
  const chat = await listen(
    createChatKitServer({
      store,
      authenticate,
      limits: false,
      // Like an agent responder: reads the whole history, then answers.
      async *respond({ thread, context, store: s }) {
        let after = null;
        for (;;) {
          const page = await s.loadThreadItems(thread.id, after, 100, 'asc', context);
          if (!page.has_more) break;
          after = page.after;
        }
        yield* streamAssistantMessage(thread, ['ok']);
      },
    }),
  );
  const growHeaders = { 'content-type': 'application/json', ...(await bearer('grow')) };
  const post = (payload) => fetch(chat.url, { method: 'POST', headers: growHeaders, body: JSON.stringify(payload) });
  // Two threads, grown to 2 and to 1,000 items. What is timed is the first event the
  // responder itself sends (its assistant message appearing), which comes after the
  // history is loaded; the echo of the user's message goes out before respond() runs.
  const startThread = async () => {
    const created = await (await post({ type: 'threads.create', params: { input: userText('start') } })).text();
    return JSON.parse(created.split('\n\n')[0].slice(6)).thread.id;
  };
  const growth = [];
  for (const target of [2, 1000]) {
    const threadId = await startThread();
    while ((await countItems(store, threadId)) < target - 2) {
      await (await post({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userText('more') } })).text();
    }
    const items = await countItems(store, threadId);
    const times = [];
    // Each timed turn adds two items: the threads end 42 items longer than they began.
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      const response = await post({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userText('timed') } });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let firstAnswerMs;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (firstAnswerMs === undefined && /"type":"thread\.item\.added","item":\{"type":"assistant_message"/.test(text)) {
          firstAnswerMs = performance.now() - started;
        }
      }
      times.push(firstAnswerMs);
    }
    times.sort((a, b) => a - b);
    growth.push({ items, p50: times[10], p99: times.at(-1) });
  }
  await chat.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { rows, growth };
}

async function countItems(store, threadId) {
  let n = 0;
  let after = null;
  for (;;) {
    const page = await store.loadThreadItems(threadId, after, 500, 'asc', { user: 'grow' });
    n += page.data.length;
    if (!page.has_more) return n;
    after = page.after;
  }
}
