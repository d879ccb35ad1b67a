import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore, MemoryStore, createChatKitServer, streamAssistantMessage, type UsageLimits } from '../src/index.js';
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
