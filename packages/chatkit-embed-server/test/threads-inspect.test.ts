import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatItems, formatThreads, itemPreview, listItems, listThreads } from '../src/cli/threads-inspect.js';
import type { ThreadItem } from '../src/index.js';
import { serve } from './openai-stand-in.js';
import { mintUserToken, startSetup, startThread, type Setup } from './doctor-setup.js';

let setup: Setup;
beforeAll(async () => {
  setup = await startSetup();
});
afterAll(() => setup.close());

describe('threads', () => {
  it("lists a user's threads, newest first, and a thread's items with previews", async () => {
    const token = await mintUserToken(setup);
    const first = await startThread(setup, token, 'hello there');
    const second = await startThread(setup, token, 'what about shipping?');
    const connection = { apiUrl: setup.apiUrl, token, origin: setup.pageOrigin };

    const threads = await listThreads(connection);
    expect(threads.data.map((thread) => [thread.id, thread.title])).toEqual([
      [second, 'what about shipping?'],
      [first, 'hello there'],
    ]);
    expect(threads.hasMore).toBe(false);
    const threadLines = formatThreads(threads.data, threads.hasMore).split('\n');
    expect(threadLines).toHaveLength(2);
    expect(threadLines[1]).toMatch(new RegExp(`^${first}\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+active\\s+hello there$`));

    const items = await listItems(connection, first);
    expect(items.data.map((item) => item.type)).toEqual(['user_message', 'assistant_message']);
    const itemLines = formatItems(items.data, items.hasMore).split('\n');
    expect(itemLines[0]).toMatch(/user_message\s+hello there$/);
    expect(itemLines[1]).toMatch(/assistant_message\s+You said: "hello there"\. .*…$/);
  });

  it('stops at the limit and says more are there', async () => {
    const token = await mintUserToken(setup);
    for (const text of ['one', 'two', 'three']) await startThread(setup, token, text);
    const threads = await listThreads({ apiUrl: setup.apiUrl, token }, 2);
    expect(threads.data.map((thread) => thread.title)).toEqual(['three', 'two']);
    expect(threads.hasMore).toBe(true);
    expect(formatThreads(threads.data, threads.hasMore)).toMatch(/raise --limit/);
  });

  it('sees only the threads of the token’s user', async () => {
    const threads = await listThreads({ apiUrl: setup.apiUrl, token: await mintUserToken(setup) });
    expect(threads.data).toEqual([]);
    expect(formatThreads(threads.data, threads.hasMore)).toBe('No threads for this user.');
  });

  it('pages through has_more and after on a backend with small pages', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({
      id: `thr_${i}`,
      created_at: `2026-11-0${i + 1}T00:00:00Z`,
      status: { type: 'active' },
      title: `t${i}`,
    }));
    const seen: unknown[] = [];
    const backend = await serve(async (request) => {
      const { params } = (await request.json()) as { params: { after?: string } };
      seen.push(params);
      const start = params.after ? all.findIndex((thread) => thread.id === params.after) + 1 : 0;
      const data = all.slice(start, start + 2);
      return Response.json({ data, has_more: start + 2 < all.length, after: data.at(-1)?.id ?? null });
    });
    try {
      const threads = await listThreads({ apiUrl: backend.url, token: 't' }, 4);
      expect(threads.data.map((thread) => thread.id)).toEqual(['thr_0', 'thr_1', 'thr_2', 'thr_3']);
      expect(threads.hasMore).toBe(true);
      expect(seen).toEqual([
        { limit: 4, order: 'desc' },
        { limit: 2, order: 'desc', after: 'thr_1' },
      ]);
    } finally {
      await backend.close();
    }
  });

  it('rejects with the status and message of a refusal', async () => {
    await expect(listThreads({ apiUrl: setup.apiUrl, token: 'nope' })).rejects.toThrow(
      /threads\.list answered HTTP 401: The token is not valid/,
    );
    await expect(listItems({ apiUrl: setup.apiUrl, token: await mintUserToken(setup) }, 'thr_missing')).rejects.toThrow(/HTTP 404/);
  });

  it('previews tool calls and widgets, and shortens long text to one line', () => {
    const base = { id: 'i', thread_id: 't', created_at: '2026-11-01T00:00:00Z' };
    const long: ThreadItem = {
      ...base,
      type: 'user_message',
      content: [{ type: 'input_text', text: `line one\n${'x'.repeat(200)}` }],
      attachments: [],
      inference_options: {},
    };
    expect(itemPreview(long)).toHaveLength(80);
    expect(itemPreview(long)).toMatch(/^line one x+…$/);
    expect(itemPreview({ ...base, type: 'client_tool_call', status: 'pending', call_id: 'c', name: 'get_location', arguments: {} })).toBe(
      'get_location (pending)',
    );
    expect(itemPreview({ ...base, type: 'widget', widget: { type: 'Card' }, copy_text: 'A card' })).toBe('A card');
    expect(itemPreview({ ...base, type: 'end_of_turn' })).toBe('');
  });
});
