import { afterEach, describe, expect, it, vi } from 'vitest';
import { STREAM_LEASE_MS, createUsageLimiter } from '../src/protocol/usage-limits.js';
import {
  AttachmentError,
  MemoryRateLimitStore,
  MemoryStore,
  createChatKitServer,
  streamAssistantMessage,
  type LogEntry,
  type UsageLimits,
} from '../src/index.js';
import { client, headerAuthenticate, parseSse, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A ChatKit server whose answers wait for `release()`, so a test can hold streams open. */
async function start(limits?: UsageLimits | false) {
  const store = new MemoryStore();
  let release!: () => void;
  let held = new Promise<void>((resolve) => (release = resolve));
  const server = await serve(
    createChatKitServer({
      store,
      authenticate: headerAuthenticate,
      ...(limits !== undefined && { limits }),
      async *respond({ thread, input }) {
        if (JSON.stringify(input).includes('hold')) await held;
        yield* streamAssistantMessage(thread, ['ok']);
      },
      attachments: {
        async create(params) {
          if (params.mime_type === 'application/x-evil') throw new AttachmentError(415, 'Files of that type are not accepted.');
          return { id: `atc_${Math.random().toString(36).slice(2)}`, type: 'file', name: params.name, mime_type: params.mime_type };
        },
        async delete() {},
      },
    }),
  );
  servers.push(server);
  return {
    url: server.url,
    chat: client(server.url),
    releaseHeld: () => {
      release();
      held = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

const create = (chat: ReturnType<typeof client>, text = 'hi', user = 'alice') =>
  chat.stream('threads.create', { input: userText(text) }, user);

// Attack: one token allowed unlimited turns, each a paid model call.
describe('usage limits at /chatkit, on by default', () => {
  it('refuses the 21st turn in a minute with a JSON 429 before any stream, and creates no thread for it', async () => {
    const { chat } = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await create(chat, `turn ${i}`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const threads = await chat.call('threads.list', { limit: 100 });
    expect(threads.body.data).toHaveLength(20);
    // Another user is counted apart.
    expect((await create(chat, 'hello', 'bob')).status).toBe(200);
  });

  it('answers the refusal as JSON rate_limited with Retry-After', async () => {
    const { url } = await start({ turns: { limit: 1, windowMs: 60_000 } });
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': 'alice' },
        body: JSON.stringify({ type: 'threads.create', params: { input: userText('hi') } }),
      });
    expect(parseSse(await (await post()).text()).at(-1)).toMatchObject({ type: 'thread.item.done' });
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('rate_limited');
  });

  it('holds at most concurrentStreams answers open per user, and frees a place when one ends', async () => {
    const { chat, releaseHeld } = await start({ concurrentStreams: 2, turns: { limit: 1000, windowMs: 60_000 } });
    const open = [create(chat, 'hold 1'), create(chat, 'hold 2')];
    // Once both held answers are streaming, a third turn is refused (a probe answers at
    // once, so until they are both in, it simply goes through).
    let probe = await create(chat, 'probe');
    for (let attempt = 0; attempt < 200 && probe.status === 200; attempt++) probe = await create(chat, 'probe');
    expect(probe.status).toBe(429);
    expect((await create(chat, 'probe', 'bob')).status).toBe(200);
    releaseHeld();
    expect((await Promise.all(open)).map((r) => r.status)).toEqual([200, 200]);
    expect((await create(chat, 'after')).status).toBe(200);
  });

  it('a file refused for its type does not use up the allowance', async () => {
    const { chat } = await start({ attachments: { limit: 1, windowMs: 86_400_000 } });
    expect((await chat.call('attachments.create', { name: 'a.exe', size: 3, mime_type: 'application/x-evil' })).status).toBe(415);
    expect((await chat.call('attachments.create', { name: 'a.txt', size: 3, mime_type: 'text/plain' })).status).toBe(200);
  });

  it('limits attachments per user per day', async () => {
    const { chat } = await start({ attachments: { limit: 2, windowMs: 86_400_000 } });
    const file = { name: 'a.txt', size: 3, mime_type: 'text/plain' };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await chat.call('attachments.create', file)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await chat.call('attachments.create', file, 'bob')).status).toBe(200);
  });

  it("counts in a shared store: two servers on one store share a user's budget", async () => {
    const store = new MemoryRateLimitStore();
    const [a, b] = [
      await start({ turns: { limit: 2, windowMs: 60_000 }, store }),
      await start({ turns: { limit: 2, windowMs: 60_000 }, store }),
    ];
    expect([(await create(a.chat)).status, (await create(b.chat)).status, (await create(a.chat)).status]).toEqual([200, 200, 429]);
  });

  it('limits: false turns them off', async () => {
    const { chat } = await start(false);
    for (let i = 0; i < 25; i++) expect((await create(chat, `turn ${i}`)).status).toBe(200);
  });
});

describe('usage limits never keep a place that nobody holds', () => {
  /** A server whose thread saving waits for `openSave()`, and whose answers stream until `finish()`. */
  async function startGated(limits: UsageLimits, rateStore?: MemoryRateLimitStore) {
    const logs: LogEntry[] = [];
    let openSave!: () => void;
    const saveGate = new Promise<void>((resolve) => (openSave = resolve));
    let gateSaves = true;
    let entered!: () => void;
    const saveEntered = new Promise<void>((resolve) => (entered = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let responded = 0;
    let lastSignal: AbortSignal | undefined;
    class SlowStore extends MemoryStore {
      override async saveThread(...args: Parameters<MemoryStore['saveThread']>) {
        if (gateSaves) {
          entered();
          await saveGate;
        }
        return super.saveThread(...args);
      }
    }
    const store = new SlowStore();
    const server = await serve(
      createChatKitServer({
        store,
        authenticate: headerAuthenticate,
        limits: { ...limits, ...(rateStore && { store: rateStore }) },
        log: (entry) => logs.push(entry),
        async *respond({ thread, input, signal }) {
          lastSignal = signal;
          yield* streamAssistantMessage(thread, ['first part']);
          if (JSON.stringify(input).includes('wait')) await finished;
          responded++;
        },
      }),
    );
    servers.push(server);
    return {
      url: server.url,
      store,
      logs,
      openSave,
      saveEntered,
      stopGating: () => (gateSaves = false),
      finish,
      responded: () => responded,
      cancelled: () => lastSignal?.aborted === true,
    };
  }
  const post = (url: string, text: string, signal?: AbortSignal) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: JSON.stringify({ type: 'threads.create', params: { input: userText(text) } }),
      ...(signal && { signal }),
    });
  const until = async (condition: () => Promise<boolean> | boolean) => {
    for (let i = 0; i < 400; i++) {
      if (await condition()) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  };

  it('a client that leaves before the answer starts frees its place', async () => {
    const chat = await startGated({ concurrentStreams: 1 });
    const abort = new AbortController();
    // Its answer would stream until finish(): only the server noticing the close frees it.
    const leaving = post(chat.url, 'wait, hello', abort.signal).catch(() => undefined);
    await chat.saveEntered; // admitted, its place taken, the thread being saved
    abort.abort();
    await leaving;
    chat.stopGating();
    chat.openSave();
    // Freed as the server notices the close; before the fix it stayed taken 15 minutes.
    expect(await until(async () => (await post(chat.url, 'probe')).status === 200)).toBe(true);
    chat.finish();
  });

  it('a counter store that fails does not keep the place taken before it', async () => {
    let failOnce = true;
    const store = new MemoryRateLimitStore();
    const hit = store.hit.bind(store);
    store.hit = async (key, windowMs) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('counter unavailable');
      }
      return hit(key, windowMs);
    };
    const chat = await startGated({ concurrentStreams: 1 }, store);
    chat.stopGating();
    expect((await post(chat.url, 'one')).status).toBe(500);
    expect((await post(chat.url, 'two')).status).toBe(200);
  });

  it('a reader that cancels mid-answer is not logged as a failed stream', async () => {
    const chat = await startGated({});
    chat.stopGating();
    const abort = new AbortController();
    const response = await post(chat.url, 'wait for me', abort.signal);
    await response.body!.getReader().read();
    abort.abort();
    // Only once the server has cancelled the stream does the answer go on: its end then
    // arrives at a stream nobody reads any more.
    expect(await until(() => chat.cancelled())).toBe(true);
    chat.finish();
    // The run ends as a cancelled one: its note is saved, then the last pull settles.
    const threads = await chat.store.loadThreads(1, null, 'desc', { user: 'alice' });
    const threadId = threads.data[0]!.id;
    expect(
      await until(async () =>
        (await chat.store.loadThreadItems(threadId, null, 100, 'asc', { user: 'alice' })).data.some(
          (item) => item.type === 'sdk_hidden_context',
        ),
      ),
    ).toBe(true);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(chat.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('limits transcriptions per user', async () => {
    const server = await serve(
      createChatKitServer({
        store: new MemoryStore(),
        authenticate: headerAuthenticate,
        limits: { transcriptions: { limit: 1, windowMs: 60_000 } },
        respond: async function* () {},
        transcribe: async () => ({ text: 'hello' }),
      }),
    );
    servers.push(server);
    const chat = client(server.url);
    const audio = { audio_base64: btoa('RIFF'), mime_type: 'audio/webm' };
    expect((await chat.call('input.transcribe', audio)).status).toBe(200);
    const refused = await chat.call('input.transcribe', audio);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });
});

describe('a long answer keeps its place', () => {
  it('renews its lease while it streams, past the lease time, and frees it when it ends', async () => {
    vi.useFakeTimers();
    try {
      const usage = createUsageLimiter({ concurrentStreams: 1, turns: false });
      const release = await usage.startTurn('alice');
      // Three lease times later, the first answer is still streaming: still one at a time.
      await vi.advanceTimersByTimeAsync(3 * STREAM_LEASE_MS);
      await expect(usage.startTurn('alice')).rejects.toMatchObject({ status: 429 });
      await release();
      const next = await usage.startTurn('alice');
      await next();
    } finally {
      vi.useRealTimers();
    }
  });
});
