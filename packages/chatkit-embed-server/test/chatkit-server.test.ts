import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChatKitStreamError,
  MemoryStore,
  SqliteStore,
  createChatKitServer,
  offlineReply,
  offlineResponder,
  streamAssistantMessage,
  streamWidget,
  type ChatKitServerOptions,
  type ChatKitStore,
  type RespondArgs,
  type ThreadStreamEvent,
} from '../src/index.js';
import { client, headerAuthenticate, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const authenticate = headerAuthenticate;

async function start(options: Partial<ChatKitServerOptions> = {}, store: ChatKitStore = new MemoryStore()) {
  const handler = createChatKitServer({ store, authenticate, respond: offlineResponder({ delayMs: 0 }), ...options });
  const server = await serve(handler);
  servers.push(server);
  return { ...client(server.url), url: server.url, store };
}

const text = (events: ThreadStreamEvent[]) =>
  events
    .flatMap((e) =>
      e.type === 'thread.item.updated' && e.update.type === 'assistant_message.content_part.text_delta' ? [e.update.delta] : [],
    )
    .join('');

describe('streaming requests', () => {
  it('threads.create: SSE frames with the thread, the user message, stream options, progress, the answer and the new title', async () => {
    const chat = await start();
    const { status, events, contentType, raw } = await chat.stream('threads.create', { input: userText('Hello there') });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(raw.startsWith('data: {"type":"thread.created"')).toBe(true);
    expect(events.map((e) => e.type)).toEqual([
      'thread.created',
      'thread.item.done',
      'stream_options',
      'progress_update',
      // respond titled the thread before its first event: saved and re-sent at once
      'thread.updated',
      'thread.item.added',
      'thread.item.updated',
      ...Array(offlineReply('Hello there').split(' ').length).fill('thread.item.updated'),
      'thread.item.updated',
      'thread.item.done',
    ]);
    const created = events[0] as Extract<ThreadStreamEvent, { type: 'thread.created' }>;
    expect(created.thread.id).toMatch(/^thr_/);
    expect(created.thread.status).toEqual({ type: 'active' });
    expect(typeof created.thread.created_at).toBe('string');
    expect(events[1]).toMatchObject({
      type: 'thread.item.done',
      item: { type: 'user_message', content: [{ type: 'input_text', text: 'Hello there' }] },
    });
    expect(events[2]).toEqual({ type: 'stream_options', stream_options: { allow_cancel: true } });
    expect(text(events)).toBe(offlineReply('Hello there'));
    expect(events[4]).toMatchObject({ type: 'thread.updated', thread: { title: 'Hello there' } });
    // exclude_none: no nulls anywhere on the wire.
    expect(raw).not.toContain('null');
  });

  it('threads.add_user_message continues a thread, and the store holds every item', async () => {
    const chat = await start();
    const first = await chat.stream('threads.create', { input: userText('one') });
    const threadId = (first.events[0] as { thread: { id: string } }).thread.id;
    const second = await chat.stream('threads.add_user_message', { thread_id: threadId, input: userText('two') });
    expect(text(second.events)).toBe(offlineReply('two'));
    const { body } = await chat.call('items.list', { thread_id: threadId, order: 'asc' });
    expect(body.data.map((i: { type: string }) => i.type)).toEqual([
      'user_message',
      'assistant_message',
      'user_message',
      'assistant_message',
    ]);
    expect(body.data[3].content[0].text).toBe(offlineReply('two'));
  });

  it('threads.retry_after_item removes what followed the message and answers it again', async () => {
    const chat = await start();
    const { events } = await chat.stream('threads.create', { input: userText('again') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    const userItemId = (events[1] as { item: { id: string } }).item.id;
    const retry = await chat.stream('threads.retry_after_item', { thread_id: threadId, item_id: userItemId });
    expect(text(retry.events)).toBe(offlineReply('again'));
    const { body } = await chat.call('items.list', { thread_id: threadId, order: 'asc' });
    expect(body.data.map((i: { type: string }) => i.type)).toEqual(['user_message', 'assistant_message']);
  });

  it('threads.add_client_tool_output completes the pending call and responds again', async () => {
    const respond = async function* ({ thread, input }: RespondArgs<{ user: string }>): AsyncGenerator<ThreadStreamEvent> {
      if (input) {
        yield {
          type: 'thread.item.done',
          item: {
            type: 'client_tool_call',
            id: 'tc_1',
            thread_id: thread.id,
            created_at: new Date().toISOString(),
            status: 'pending',
            call_id: 'call_1',
            name: 'get_location',
            arguments: {},
          },
        };
        return;
      }
      yield* streamAssistantMessage(thread, ['tool said ok']);
    };
    const chat = await start({ respond });
    const { events } = await chat.stream('threads.create', { input: userText('where am I') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    const after = await chat.stream('threads.add_client_tool_output', { thread_id: threadId, result: { city: 'Lyon' } });
    expect(text(after.events)).toBe('tool said ok');
    const { body } = await chat.call('items.list', { thread_id: threadId, order: 'asc' });
    expect(body.data[1]).toMatchObject({ type: 'client_tool_call', status: 'completed', output: { city: 'Lyon' } });
    // Without a pending call, the request is refused as a protocol error.
    const again = await chat.call('threads.add_client_tool_output', { thread_id: threadId, result: {} });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_request');
  });

  it('threads.add_structured_input records the answers, replaces the item and responds', async () => {
    const respond = async function* ({ thread, input }: RespondArgs<{ user: string }>): AsyncGenerator<ThreadStreamEvent> {
      if (input) {
        yield {
          type: 'thread.item.done',
          item: {
            type: 'structured_input',
            id: 'si_1',
            thread_id: thread.id,
            created_at: new Date().toISOString(),
            status: 'pending',
            inputs: [
              { type: 'multiple_choice', id: 'size', question: 'Size?', options: [{ value: 'S' }, { value: 'M' }] },
              { type: 'freeform', id: 'note', question: 'Anything else?' },
            ],
          },
        };
        return;
      }
      yield* streamAssistantMessage(thread, ['noted']);
    };
    const chat = await start({ respond });
    const { events } = await chat.stream('threads.create', { input: userText('order') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    const answered = await chat.stream('threads.add_structured_input', {
      thread_id: threadId,
      item_id: 'si_1',
      input: { status: 'answered', answers: { size: { values: ['M', 'S'] } } },
    });
    expect(answered.events[1]).toMatchObject({
      type: 'thread.item.replaced',
      item: { status: 'answered', inputs: [{ answer: { values: ['M'] } }, { answer: { values: [], skipped: true } }] },
    });
    expect(text(answered.events)).toBe('noted');
  });

  it('threads.custom_action streams the action handler; without one it is a clear 501', async () => {
    const none = await start();
    const { events } = await none.stream('threads.create', { input: userText('hi') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    const refused = await none.call('threads.custom_action', { thread_id: threadId, action: { type: 'buy' } });
    expect(refused.status).toBe(501);
    expect(refused.body.error).toMatchObject({ code: 'unsupported' });
    expect(refused.body.error.message).toContain('action');

    const chat = await start({
      respond: async function* ({ thread }) {
        yield* streamWidget(thread, { type: 'Card', children: [{ type: 'Button', label: 'Buy', onClickAction: { type: 'buy' } }] });
      },
      action: async function* ({ thread, action, sender }) {
        yield* streamAssistantMessage(thread, [`${action.type} from ${sender?.type}`]);
      },
    });
    const created = await chat.stream('threads.create', { input: userText('show') });
    const id = (created.events[0] as { thread: { id: string } }).thread.id;
    const widget = created.events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget') as { item: { id: string } };
    const acted = await chat.stream('threads.custom_action', {
      thread_id: id,
      item_id: widget.item.id,
      action: { type: 'buy', payload: { sku: 1 } },
    });
    expect(text(acted.events)).toBe('buy from widget');
  });

  it('an exception inside respond becomes an error event, and the server keeps serving', async () => {
    let calls = 0;
    const chat = await start({
      respond: async function* ({ thread }) {
        calls++;
        if (calls === 1) throw new Error('model exploded');
        if (calls === 2) throw new ChatKitStreamError('Quota reached', { allowRetry: false });
        yield* streamAssistantMessage(thread, ['fine']);
      },
    });
    const first = await chat.stream('threads.create', { input: userText('a') });
    expect(first.events.at(-1)).toEqual({ type: 'error', code: 'stream.error', allow_retry: true });
    const second = await chat.stream('threads.create', { input: userText('b') });
    expect(second.events.at(-1)).toEqual({ type: 'error', code: 'custom', message: 'Quota reached', allow_retry: false });
    const third = await chat.stream('threads.create', { input: userText('c') });
    expect(text(third.events)).toBe('fine');
  });
});

describe('non-streaming requests', () => {
  it('threads.list, threads.get_by_id, threads.update, items.feedback and threads.delete', async () => {
    const feedback: unknown[] = [];
    const chat = await start({ feedback: async (args) => void feedback.push(args) });
    const ids: string[] = [];
    for (const word of ['first', 'second', 'third']) {
      const { events } = await chat.stream('threads.create', { input: userText(word) });
      ids.push((events[0] as { thread: { id: string } }).thread.id);
    }
    const page1 = await chat.call('threads.list', { limit: 2, order: 'desc' });
    expect(page1.body.data.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.has_more).toBe(true);
    const page2 = await chat.call('threads.list', { limit: 2, order: 'desc', after: page1.body.after });
    expect(page2.body.data.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
    expect(page2.body.has_more).toBe(false);
    expect(page2.body).not.toHaveProperty('after');

    const got = await chat.call('threads.get_by_id', { thread_id: ids[0] });
    expect(got.body).toMatchObject({ id: ids[0], title: 'first', status: { type: 'active' } });
    expect(got.body.items.data.map((i: { type: string }) => i.type)).toEqual(['user_message', 'assistant_message']);

    const renamed = await chat.call('threads.update', { thread_id: ids[0], title: 'Renamed' });
    expect(renamed.body.title).toBe('Renamed');
    expect((await chat.call('threads.get_by_id', { thread_id: ids[0] })).body.title).toBe('Renamed');

    const itemId = got.body.items.data[1].id;
    expect((await chat.call('items.feedback', { thread_id: ids[0], item_ids: [itemId], kind: 'positive' })).body).toEqual({});
    expect(feedback).toMatchObject([{ threadId: ids[0], itemIds: [itemId], kind: 'positive' }]);

    expect((await chat.call('threads.delete', { thread_id: ids[0] })).body).toEqual({});
    expect((await chat.call('threads.get_by_id', { thread_id: ids[0] })).status).toBe(404);
  });

  it('items.feedback: kept by a store that keeps feedback, then the hook; an item not in the thread is a 404 for both', async () => {
    const hooked: unknown[] = [];
    const store = new MemoryStore();
    const chat = await start({ feedback: async (args) => void hooked.push(args) }, store);
    const { events } = await chat.stream('threads.create', { input: userText('hello') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    const [question, answer] = (await chat.call('items.list', { thread_id: threadId })).body.data.map((item: { id: string }) => item.id);
    expect((await chat.call('items.feedback', { thread_id: threadId, item_ids: [answer], kind: 'positive' })).status).toBe(200);
    expect((await chat.call('items.feedback', { thread_id: threadId, item_ids: [answer], kind: 'negative' })).status).toBe(200);
    expect(await store.loadFeedback(threadId, { user: 'alice' })).toEqual({ [answer]: 'negative' });
    expect(hooked).toMatchObject([{ kind: 'positive' }, { threadId, itemIds: [answer], kind: 'negative', context: { user: 'alice' } }]);

    const refused = await chat.call('items.feedback', { thread_id: threadId, item_ids: [question, 'msg_nope'], kind: 'negative' });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
    expect((await chat.call('items.feedback', { thread_id: threadId, item_ids: [answer], kind: 'negative' }, 'bob')).status).toBe(404);
    expect(hooked).toHaveLength(2);
    expect(await store.loadFeedback(threadId, { user: 'alice' })).toEqual({ [answer]: 'negative' });
  });

  it("items.feedback on a store of one's own without FeedbackStore: the hook alone, as before", async () => {
    const hooked: unknown[] = [];
    const memory = new MemoryStore();
    // Every ChatKitStore method, and none of FeedbackStore's.
    const plain = new Proxy(memory, {
      get: (target, key) => {
        if (key === 'saveFeedback' || key === 'loadFeedback') return undefined;
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as ChatKitStore;
    const chat = await start({ feedback: async (args) => void hooked.push(args) }, plain);
    const { events } = await chat.stream('threads.create', { input: userText('hello') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    expect((await chat.call('items.feedback', { thread_id: threadId, item_ids: ['any'], kind: 'negative' })).status).toBe(200);
    expect(hooked).toMatchObject([{ threadId, itemIds: ['any'], kind: 'negative' }]);
    expect(await memory.loadFeedback(threadId, { user: 'alice' })).toEqual({});
  });

  it('items.list pages in both orders', async () => {
    const chat = await start();
    const { events } = await chat.stream('threads.create', { input: userText('1') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    await chat.stream('threads.add_user_message', { thread_id: threadId, input: userText('2') });
    const all = (await chat.call('items.list', { thread_id: threadId, order: 'asc' })).body.data.map((i: { id: string }) => i.id);
    expect(all).toHaveLength(4);
    const first = await chat.call('items.list', { thread_id: threadId, order: 'asc', limit: 3 });
    expect(first.body.data.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 3));
    const rest = await chat.call('items.list', { thread_id: threadId, order: 'asc', limit: 3, after: first.body.after });
    expect(rest.body.data.map((i: { id: string }) => i.id)).toEqual(all.slice(3));
    const newest = await chat.call('items.list', { thread_id: threadId, limit: 2 });
    expect(newest.body.data.map((i: { id: string }) => i.id)).toEqual([all[3], all[2]]);
  });

  it('attachments.create/delete through the handler, and a user message that carries one', async () => {
    const deleted: string[] = [];
    const chat = await start({
      attachments: {
        create: async ({ name, mime_type }) => ({
          type: 'file',
          id: `atc_${name}`,
          name,
          mime_type,
          upload_descriptor: { url: 'https://upload.example/x', method: 'PUT' },
          metadata: { bucket: 'secret-bucket' },
        }),
        delete: async (id) => void deleted.push(id),
      },
    });
    const created = await chat.call('attachments.create', { name: 'a.txt', size: 10, mime_type: 'text/plain' });
    expect(created.body).toEqual({
      type: 'file',
      id: 'atc_a.txt',
      name: 'a.txt',
      mime_type: 'text/plain',
      upload_descriptor: { url: 'https://upload.example/x', method: 'PUT' },
    });
    const { events } = await chat.stream('threads.create', { input: { ...userText('see file'), attachments: ['atc_a.txt'] } });
    expect(events[1]).toMatchObject({ item: { attachments: [{ id: 'atc_a.txt', thread_id: expect.stringMatching(/^thr_/) }] } });
    expect(JSON.stringify(events)).not.toContain('secret-bucket');
    expect((await chat.call('attachments.delete', { attachment_id: 'atc_a.txt' })).body).toEqual({});
    expect(deleted).toEqual(['atc_a.txt']);
  });

  it('input.transcribe through the handler; without one a clear 501', async () => {
    const none = await start();
    const refused = await none.call('input.transcribe', { audio_base64: btoa('abc'), mime_type: 'audio/webm' });
    expect(refused.status).toBe(501);
    expect(refused.body.error.message).toMatch(/Dictation.*transcribe/);
    const chat = await start({ transcribe: async ({ data, mimeType }) => ({ text: `${new TextDecoder().decode(data)} (${mimeType})` }) });
    expect((await chat.call('input.transcribe', { audio_base64: btoa('abc'), mime_type: 'audio/webm' })).body).toEqual({
      text: 'abc (audio/webm)',
    });
  });

  it('threads.sync_custom_action answers with the updated item', async () => {
    const chat = await start({
      syncAction: async ({ action, thread }) => ({
        updated_item: {
          type: 'widget',
          id: 'w1',
          thread_id: thread.id,
          created_at: '2026-01-01T00:00:00.000Z',
          widget: { type: 'Card', children: [], note: action.type },
        },
      }),
    });
    const { events } = await chat.stream('threads.create', { input: userText('x') });
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    const { body } = await chat.call('threads.sync_custom_action', { thread_id: threadId, action: { type: 'toggle' } });
    expect(body.updated_item.widget.note).toBe('toggle');
  });
});

describe('protocol errors and isolation', () => {
  it.each([
    ['an unknown type', { type: 'threads.explode', params: {} }],
    ['a missing thread_id', { type: 'threads.get_by_id', params: {} }],
    ['a bad order', { type: 'threads.list', params: { order: 'sideways' } }],
    ['not an object', [1, 2]],
  ])('%s gets a 400 with a protocol error', async (_, body) => {
    const chat = await start();
    const response = await fetch(chat.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'a' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(['invalid_request', 'invalid_json']).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('without an authenticated user: 401', async () => {
    const chat = await start();
    const response = await fetch(chat.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"threads.list","params":{}}',
    });
    expect(response.status).toBe(401);
  });

  it("another user's thread is simply not found, and lists are per user", async () => {
    const chat = await start();
    const { events } = await chat.stream('threads.create', { input: userText('private') }, 'alice');
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    expect((await chat.call('threads.get_by_id', { thread_id: threadId }, 'mallory')).status).toBe(404);
    expect((await chat.call('items.list', { thread_id: threadId }, 'mallory')).status).toBe(404);
    expect((await chat.stream('threads.add_user_message', { thread_id: threadId, input: userText('hi') }, 'mallory')).status).toBe(404);
    expect((await chat.call('threads.delete', { thread_id: threadId }, 'mallory')).status).toBe(404);
    expect((await chat.call('threads.list', {}, 'mallory')).body.data).toEqual([]);
    expect((await chat.call('threads.get_by_id', { thread_id: threadId }, 'alice')).status).toBe(200);
  });
});

describe('reliability', () => {
  it('a client leaving mid-stream leaves the thread consistent: the partial answer is saved whole, not half-written', async () => {
    const chat = await start({ respond: offlineResponder({ delayMs: 40 }) });
    const controller = new AbortController();
    const response = await fetch(chat.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: JSON.stringify({ type: 'threads.create', params: { input: userText('leave early') } }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let seen = '';
    while (!seen.includes('text_delta') || (seen.match(/text_delta/g) ?? []).length < 3) {
      seen += new TextDecoder().decode((await reader.read()).value);
    }
    controller.abort();
    const threadId = JSON.parse(seen.split('\n\n')[0]!.slice(6)).thread.id;
    // Give the server a moment to notice and save.
    let items: Array<{ type: string; content?: Array<{ text: string }> }> = [];
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      items = (await chat.call('items.list', { thread_id: threadId, order: 'asc' })).body.data;
      if (items.length === 2) break;
    }
    expect(items.map((i) => i.type)).toEqual(['user_message', 'assistant_message']);
    const partial = items[1]!.content![0]!.text;
    expect(partial.length).toBeGreaterThan(0);
    expect(offlineReply('leave early').startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(offlineReply('leave early').length);
    // The next turn works.
    const next = await chat.stream('threads.add_user_message', { thread_id: threadId, input: userText('back') });
    expect(text(next.events)).toBe(offlineReply('back'));
  });

  it('serves 200 concurrent streams', async () => {
    const chat = await start({ respond: offlineResponder({ delayMs: 1 }) });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => chat.stream('threads.create', { input: userText(`n${i}`) }, `user${i % 20}`)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    results.forEach((r, i) => expect(text(r.events)).toBe(offlineReply(`n${i}`)));
    const total = await Promise.all(Array.from({ length: 20 }, (_, u) => chat.call('threads.list', { limit: 100 }, `user${u}`)));
    expect(total.reduce((n, r) => n + r.body.data.length, 0)).toBe(200);
  });

  it('SQLite: threads and items survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatkit-sqlite-'));
    try {
      const file = join(dir, 'data', 'chatkit.sqlite');
      const first = await SqliteStore.open(file);
      const chat = await start({}, first);
      const { events } = await chat.stream('threads.create', { input: userText('remember me') });
      const threadId = (events[0] as { thread: { id: string } }).thread.id;
      await servers.pop()!.close();
      await first.close();

      const second = await SqliteStore.open(file);
      const again = await start({}, second);
      const got = await again.call('threads.get_by_id', { thread_id: threadId });
      expect(got.body.title).toBe('remember me');
      expect(got.body.items.data.map((i: { type: string }) => i.type)).toEqual(['user_message', 'assistant_message']);
      expect((await again.call('threads.get_by_id', { thread_id: threadId }, 'mallory')).status).toBe(404);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the offline responder', () => {
  it('shows a widget whose action the offline action handler answers', async () => {
    const { offlineAction } = await import('../src/protocol/offline-responder.js');
    const chat = await start({ action: offlineAction() });
    const { events } = await chat.stream('threads.create', { input: userText('show me a widget') });
    const widget = events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget') as {
      item: { id: string; thread_id: string };
    };
    expect(widget).toBeTruthy();
    const acted = await chat.stream('threads.custom_action', {
      thread_id: widget.item.thread_id,
      item_id: widget.item.id,
      action: { type: 'demo.thanks' },
    });
    expect(text(acted.events)).toBe('The server received the widget action "demo.thanks".');
  });

  it('asks the page for its location with a client tool call, then uses the answer', async () => {
    const chat = await start();
    const { events } = await chat.stream('threads.create', { input: userText('Where am I?') });
    const call = events.find((e) => e.type === 'thread.item.done' && e.item.type === 'client_tool_call') as {
      item: { thread_id: string; name: string; status: string };
    };
    expect(call.item).toMatchObject({ name: 'get_location', status: 'pending' });
    const after = await chat.stream('threads.add_client_tool_output', {
      thread_id: call.item.thread_id,
      result: { timezone: 'Europe/Paris' },
    });
    expect(text(after.events)).toBe('Your page answered the tool call with {"timezone":"Europe/Paris"}.');
  });
});
