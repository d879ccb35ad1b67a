import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadStreamEvent } from '../src/index.js';
import { parseSse, userText } from './chatkit-client.js';
import { startServerProcess } from './cli-process.js';
import { NO_POSTGRES, postgresAvailable, startPostgres, type Postgres } from './postgres.js';
import { API_KEY, gate, message, response, startResponsesStandIn, type ResponsesStandIn } from './responses-stand-in.js';

// Two `chatkit-embed-server serve` processes on different loopback ports, one PostgreSQL.
const available = postgresAvailable();
if (!available) describe.skip(NO_POSTGRES, () => it('needs PostgreSQL', () => undefined));

let postgres: Postgres;
let standIn: ResponsesStandIn;
const children: ChildProcess[] = [];

async function instance() {
  const env = {
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: standIn.baseURL,
    OPENAI_AGENTS_DISABLE_TRACING: '1',
    CHATKIT_WORKFLOW_ID: '',
    // Both instances sign and verify with one secret, as a deployment would share it.
    CHATKIT_TOKEN_SECRET: 'one-secret-shared-by-every-instance-0123456789',
  };
  const started = await startServerProcess(
    [
      'dist/cli/bin.js',
      'serve',
      '--port',
      '0',
      '--workflow',
      'test/fixtures/workflows/single-agent.ts',
      '--data',
      postgres.url,
      '--rate-limit',
      '4',
      // One visitor sends many messages at once in the concurrency test below.
      '--concurrent-streams',
      '20',
      '--turns-per-minute',
      '100',
    ],
    env,
    /on (http:\/\/[\d.]+:\d+)/,
    'GET  /health',
  );
  children.push(started.child);
  return started;
}

/** A well-formed visitor cookie value (`v2.` and 43 base64url characters), fixed per name. */
function visitor(name: string): string {
  return `v2.${Buffer.from(name.padEnd(32, '.')).toString('base64url').slice(0, 43)}`;
}

/** Asks an instance for a token for the visitor whose secret is in `cookie`. */
async function token(
  base: string,
  cookie = `chatkit_uid=${visitor('shared user across instances')}`,
): Promise<{ status: number; token?: string }> {
  const response = await fetch(`${base}/api/chatkit/token`, { method: 'POST', headers: { cookie } });
  return { status: response.status, ...(response.ok && { token: ((await response.json()) as { client_secret: string }).client_secret }) };
}
async function chatkit(base: string, bearer: string, type: string, params: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}/chatkit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type, params }),
    ...(signal && { signal }),
  });
}
const finalText = (events: ThreadStreamEvent[]) =>
  events.flatMap((e) => (e.type === 'thread.item.done' && e.item.type === 'assistant_message' ? [e.item.content[0]!.text] : []));

if (available) {
  beforeAll(async () => {
    [postgres, standIn] = await Promise.all([startPostgres(), startResponsesStandIn()]);
  }, 60_000);
  afterEach(() => {
    expect(standIn.seen.flatMap((s) => s.problems)).toEqual([]);
  });
  afterAll(async () => {
    children.forEach((child) => child.kill('SIGKILL'));
    await standIn?.close();
    await postgres?.stop();
  });

  describe('several instances on one PostgreSQL', () => {
    it('a thread started on one instance is listed, loaded and continued on the other; rate limits count both', async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      const tokenA = (await token(a.base)).token!;
      standIn.answer(response('r1', message('m1', ['Hello from A.'])));
      const first = parseSse(await (await chatkit(a.base, tokenA, 'threads.create', { input: userText('Hi A') })).text());
      const threadId = (first[0] as { thread: { id: string } }).thread.id;
      expect(finalText(first)).toEqual(['Hello from A.']);

      const tokenB = (await token(b.base)).token!;
      const listed = (await (await chatkit(b.base, tokenB, 'threads.list', {})).json()) as { data: Array<{ id: string; title: string }> };
      expect(listed.data.map((t) => t.id)).toContain(threadId);
      const loaded = (await (await chatkit(b.base, tokenB, 'threads.get_by_id', { thread_id: threadId })).json()) as {
        items: { data: unknown[] };
      };
      expect(loaded.items.data).toHaveLength(2);

      standIn.answer(response('r2', message('m2', ['B remembers A.'])));
      const second = parseSse(
        await (await chatkit(b.base, tokenB, 'threads.add_user_message', { thread_id: threadId, input: userText('Still there?') })).text(),
      );
      expect(finalText(second)).toEqual(['B remembers A.']);
      const history = (standIn.seen.at(-1)!.body.input as Array<{ role: string }>).map((i) => i.role);
      expect(history).toEqual(['user', 'assistant', 'user']);

      // Two token requests so far, one on each; the limit is 4 a minute per user, in total.
      expect((await token(a.base)).status).toBe(200);
      expect((await token(b.base)).status).toBe(200);
      expect((await token(a.base)).status).toBe(429);
      expect((await token(b.base)).status).toBe(429);
    }, 90_000);

    it('an instance killed mid-stream leaves the thread consistent for the others', async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      // A fresh user, so the previous test's rate limit does not apply.
      const userCookie = `chatkit_uid=${visitor('second user for the kill test')}`;
      const mint = async (base: string) => (await token(base, userCookie)).token!;
      const paused = gate();
      standIn.answer(response('r3', message('m3', ['Half of an ', paused, 'answer.'])));
      const streaming = await chatkit(a.base, await mint(a.base), 'threads.create', { input: userText('Go') });
      const reader = streaming.body!.getReader();
      const head = new TextDecoder().decode((await reader.read()).value);
      const threadId = JSON.parse(head.split('\n\n')[0]!.slice(6)).thread.id;
      await paused.reached;
      a.child.kill('SIGKILL');
      paused.release();
      await reader.read().catch(() => undefined);

      const tokenB = await mint(b.base);
      const items = (await (await chatkit(b.base, tokenB, 'items.list', { thread_id: threadId, order: 'asc' })).json()) as {
        data: Array<{ type: string }>;
      };
      // The user message was saved; the half-written answer never was.
      expect(items.data.map((i) => i.type)).toEqual(['user_message']);
      standIn.answer(response('r4', message('m4', ['Picked up on B.'])));
      const next = parseSse(
        await (await chatkit(b.base, tokenB, 'threads.add_user_message', { thread_id: threadId, input: userText('Again?') })).text(),
      );
      expect(finalText(next)).toEqual(['Picked up on B.']);
    }, 90_000);

    it('many concurrent messages to one thread through both instances: none lost, one consistent order', async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      const userCookie = `chatkit_uid=${visitor('third user for the busy thread')}`;
      const mint = async (base: string) => (await token(base, userCookie)).token!;
      const [tokenA, tokenB] = [await mint(a.base), await mint(b.base)];
      standIn.answer(response('r0', message('m0', ['First answer.'])));
      const first = parseSse(await (await chatkit(a.base, tokenA, 'threads.create', { input: userText('Q0') })).text());
      const threadId = (first[0] as { thread: { id: string } }).thread.id;
      const n = 12;
      standIn.answer(...Array.from({ length: n }, (_, i) => response(`r${i + 1}`, message(`m${i + 1}`, ['An answer.']))));
      const replies = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          chatkit(i % 2 ? b.base : a.base, i % 2 ? tokenB : tokenA, 'threads.add_user_message', {
            thread_id: threadId,
            input: userText(`Q${i + 1}`),
          }).then(async (r) => parseSse(await r.text())),
        ),
      );
      expect(replies.every((events) => finalText(events).length === 1)).toBe(true);
      const read = async (base: string, bearer: string, order: 'asc' | 'desc') => {
        const all: Array<{ id: string; type: string; content: Array<{ text: string }> }> = [];
        let after: string | undefined;
        for (;;) {
          const page = (await (
            await chatkit(base, bearer, 'items.list', { thread_id: threadId, order, limit: 5, ...(after && { after }) })
          ).json()) as {
            data: typeof all;
            has_more: boolean;
            after?: string;
          };
          all.push(...page.data);
          if (!page.has_more) return all;
          after = page.after;
        }
      };
      const ascending = await read(b.base, tokenB, 'asc');
      const descending = await read(a.base, tokenA, 'desc');
      expect(ascending).toHaveLength(2 * (n + 1));
      expect(descending.map((i) => i.id)).toEqual(ascending.map((i) => i.id).reverse());
      const questions = ascending
        .filter((i) => i.type === 'user_message')
        .map((i) => i.content[0]!.text)
        .sort();
      expect(questions).toEqual(Array.from({ length: n + 1 }, (_, i) => `Q${i}`).sort());
      expect(ascending.filter((i) => i.type === 'assistant_message')).toHaveLength(n + 1);
    }, 60_000);
  });
}
