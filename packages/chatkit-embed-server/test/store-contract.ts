/**
 * The behaviour every ChatKitStore must have, as one suite run against each
 * implementation (in-memory, SQLite, and any later one).
 */
import { describe, expect, it } from 'vitest';
import {
  NotFoundError,
  createChatKitServer,
  streamAssistantMessage,
  type AdminStore,
  type ChatKitStore,
  type StoreContext,
  type ThreadItem,
  type ThreadMetadata,
} from '../src/index.js';
import { client, headerAuthenticate, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';

const alice: StoreContext = { user: 'alice' };
const bob: StoreContext = { user: 'bob' };

const thread = (id: string, title?: string): ThreadMetadata => ({
  id,
  created_at: '2026-11-25T12:00:00.000Z',
  status: { type: 'active' },
  metadata: {},
  ...(title && { title }),
});

const message = (id: string, threadId: string, text = id): ThreadItem => ({
  type: 'assistant_message',
  id,
  thread_id: threadId,
  created_at: '2026-11-25T12:00:00.000Z',
  content: [{ type: 'output_text', text, annotations: [] }],
});

const ids = (page: { data: Array<{ id: string }> }) => page.data.map((row) => row.id);

export function storeContract(name: string, open: () => Promise<ChatKitStore>): void {
  describe(`${name}: the ChatKitStore contract`, () => {
    it('saves, loads, updates and deletes threads', async () => {
      const store = await open();
      await store.saveThread(thread('t1', 'First'), alice);
      expect(await store.loadThread('t1', alice)).toEqual(thread('t1', 'First'));
      await store.saveThread(thread('t1', 'Renamed'), alice);
      expect((await store.loadThread('t1', alice)).title).toBe('Renamed');
      await store.deleteThread('t1', alice);
      await expect(store.loadThread('t1', alice)).rejects.toBeInstanceOf(NotFoundError);
      await store.close?.();
    });

    it('pages threads in both orders with an after cursor; saving again keeps a thread in place', async () => {
      const store = await open();
      for (const id of ['a', 'b', 'c', 'd', 'e']) await store.saveThread(thread(id), alice);
      await store.saveThread(thread('b', 'updated'), alice);
      const first = await store.loadThreads(2, null, 'asc', alice);
      expect(ids(first)).toEqual(['a', 'b']);
      expect(first.has_more).toBe(true);
      const second = await store.loadThreads(2, first.after, 'asc', alice);
      expect(ids(second)).toEqual(['c', 'd']);
      const last = await store.loadThreads(2, second.after, 'asc', alice);
      expect(ids(last)).toEqual(['e']);
      expect(last.has_more).toBe(false);
      expect(last.after ?? null).toBeNull();
      expect(ids(await store.loadThreads(3, null, 'desc', alice))).toEqual(['e', 'd', 'c']);
      expect(ids(await store.loadThreads(10, 'c', 'desc', alice))).toEqual(['b', 'a']);
      await store.close?.();
    });

    it('adds, replaces in place, loads, pages and deletes items', async () => {
      const store = await open();
      await store.saveThread(thread('t'), alice);
      for (const id of ['i1', 'i2', 'i3']) await store.addThreadItem('t', message(id, 't'), alice);
      await store.saveItem('t', message('i2', 't', 'changed'), alice);
      await store.saveItem('t', message('i4', 't'), alice); // saving an unknown item adds it
      expect(ids(await store.loadThreadItems('t', null, 10, 'asc', alice))).toEqual(['i1', 'i2', 'i3', 'i4']);
      expect(await store.loadItem('t', 'i2', alice)).toEqual(message('i2', 't', 'changed'));
      const newest = await store.loadThreadItems('t', null, 2, 'desc', alice);
      expect(ids(newest)).toEqual(['i4', 'i3']);
      expect(ids(await store.loadThreadItems('t', newest.after, 2, 'desc', alice))).toEqual(['i2', 'i1']);
      await store.deleteThreadItem('t', 'i3', alice);
      expect(ids(await store.loadThreadItems('t', null, 10, 'asc', alice))).toEqual(['i1', 'i2', 'i4']);
      await expect(store.loadItem('t', 'i3', alice)).rejects.toBeInstanceOf(NotFoundError);
      await store.deleteThread('t', alice);
      await expect(store.loadThreadItems('t', null, 10, 'asc', alice)).rejects.toBeInstanceOf(NotFoundError);
      await store.close?.();
    });

    it('keeps attachments', async () => {
      const store = await open();
      const attachment = { type: 'file' as const, id: 'atc_1', name: 'a.txt', mime_type: 'text/plain' };
      await store.saveAttachment(attachment, alice);
      expect(await store.loadAttachment('atc_1', alice)).toEqual(attachment);
      await store.deleteAttachment('atc_1', alice);
      await expect(store.loadAttachment('atc_1', alice)).rejects.toBeInstanceOf(NotFoundError);
      await store.close?.();
    });

    it("scopes everything to the user: another user's ids are simply not found", async () => {
      const store = await open();
      await store.saveThread(thread('t'), alice);
      await store.addThreadItem('t', message('i', 't'), alice);
      await store.saveAttachment({ type: 'file', id: 'atc', name: 'a', mime_type: 'text/plain' }, alice);
      await expect(store.loadThread('t', bob)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.loadThreadItems('t', null, 10, 'asc', bob)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.loadItem('t', 'i', bob)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.addThreadItem('t', message('x', 't'), bob)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.loadAttachment('atc', bob)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.loadThreads(10, null, 'desc', bob)).data).toEqual([]);
      // Bob's deletes do not touch Alice's data.
      await store.deleteThread('t', bob);
      await store.deleteThreadItem('t', 'i', bob);
      await store.deleteAttachment('atc', bob);
      expect(ids(await store.loadThreadItems('t', null, 10, 'asc', alice))).toEqual(['i']);
      expect((await store.loadAttachment('atc', alice)).id).toBe('atc');
      // The same thread id for another user is another thread.
      await store.saveThread(thread('t', "Bob's"), bob);
      expect((await store.loadThread('t', alice)).title).toBeUndefined();
      await store.close?.();
    });

    it('generates prefixed ids', async () => {
      const store = await open();
      expect(store.generateThreadId(alice)).toMatch(/^thr_[0-9a-f]{16}$/);
      expect(store.generateItemId('message', thread('t'), alice)).toMatch(/^msg_[0-9a-f]{16}$/);
      await store.close?.();
    });
  });
}

export function storeEdgeContract(name: string, open: () => Promise<ChatKitStore>): void {
  describe(`${name}: edges of the contract`, () => {
    it('adding an item id twice replaces it in place', async () => {
      const store = await open();
      await store.saveThread(thread('t'), alice);
      await store.addThreadItem('t', message('i1', 't', 'one'), alice);
      await store.addThreadItem('t', message('i2', 't'), alice);
      await store.addThreadItem('t', message('i1', 't', 'again'), alice);
      const page = await store.loadThreadItems('t', null, 10, 'asc', alice);
      expect(ids(page)).toEqual(['i1', 'i2']);
      expect(page.data[0]).toEqual(message('i1', 't', 'again'));
      await store.close?.();
    });

    it('a cursor that no longer exists ends the paging instead of restarting it', async () => {
      const store = await open();
      await store.saveThread(thread('t'), alice);
      for (const id of ['i1', 'i2', 'i3']) await store.addThreadItem('t', message(id, 't'), alice);
      const first = await store.loadThreadItems('t', null, 1, 'asc', alice);
      await store.deleteThreadItem('t', first.after!, alice);
      for (const order of ['asc', 'desc'] as const) {
        expect(await store.loadThreadItems('t', first.after, 10, order, alice)).toMatchObject({ data: [], has_more: false });
        expect(await store.loadThreads(10, 'gone', order, alice)).toMatchObject({ data: [], has_more: false });
      }
      await store.close?.();
    });
  });
}

/**
 * Text no store can keep as given (U+0000, unpaired surrogates), sent through the ChatKit
 * server onto each store: refused the same way everywhere, as a 400 naming the field,
 * with nothing saved. (On PostgreSQL such a message used to answer 200, then break the
 * stream and leave an empty thread behind.)
 */
export function storeTextContract(name: string, open: () => Promise<ChatKitStore>): void {
  describe(`${name} behind the ChatKit server: text it cannot keep`, () => {
    async function start() {
      const store = await open();
      const server = await serve(
        createChatKitServer({
          store,
          authenticate: headerAuthenticate,
          respond: async function* ({ thread }) {
            yield* streamAssistantMessage(thread, ['ok 👍']);
          },
        }),
      );
      return { chat: client(server.url), close: server.close };
    }

    it.each([
      ['a NUL character', 'before\u0000after'],
      ['an unpaired high surrogate', 'before\ud800after'],
      ['an unpaired low surrogate', '\udc00'],
    ])('a message with %s: 400 naming the field, and no thread', async (_, text) => {
      const { chat, close } = await start();
      try {
        const refused = await chat.stream('threads.create', { input: userText(text) });
        expect(refused.status).toBe(400);
        expect(refused.raw).toContain('params.input.content.0.text');
        expect((await chat.call('threads.list', {})).body.data).toEqual([]);
      } finally {
        await close();
      }
    });

    it('a title with an unpaired surrogate: 400, and the title is unchanged; emoji pass', async () => {
      const { chat, close } = await start();
      try {
        const created = await chat.stream('threads.create', { input: userText('hello 👋') });
        const id = (created.events[0] as { thread: { id: string } }).thread.id;
        const refused = await chat.call('threads.update', { thread_id: id, title: 'bad \ud800' });
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toContain('params.title');
        expect((await chat.call('threads.update', { thread_id: id, title: 'Grüße 👋' })).status).toBe(200);
        expect((await chat.call('threads.get_by_id', { thread_id: id })).body.title).toBe('Grüße 👋');
        const items = (await chat.call('items.list', { thread_id: id })).body.data;
        expect(JSON.stringify(items)).toContain('hello 👋');
      } finally {
        await close();
      }
    });
  });
}

/**
 * Reading and erasing across users (AdminStore), for a site owner's tools: the same on
 * every store. The user-scoped methods above stay exactly as scoped.
 */
export function adminContract(name: string, open: () => Promise<ChatKitStore & AdminStore>): void {
  describe(`${name} across users (AdminStore)`, () => {
    /** Alice's and Bob's threads, created in this order, the last newest. */
    async function seeded() {
      const store = await open();
      const days = ['2026-11-01', '2026-11-10', '2026-11-20', '2026-11-30'];
      const plan: Array<[StoreContext, string, string, string]> = [
        [alice, 't_a1', 'Shipping to Norway', 'Do you ship to Norway?'],
        [bob, 't_b1', 'Refunds', 'How do refunds work? 100% of them?'],
        [alice, 't_a2', 'Sizes', 'Is the jacket TRUE to size?'],
        [bob, 't_b2', 'Hello', 'just saying hi'],
      ];
      for (const [i, [context, id, title, text]] of plan.entries()) {
        await store.saveThread({ ...thread(id, title), created_at: `${days[i]}T12:00:00.000Z` }, context);
        await store.addThreadItem(
          id,
          {
            ...message(`m_${id}`, id, text),
            type: 'user_message',
            content: [{ type: 'input_text', text }],
            attachments: [],
            inference_options: {},
          } as ThreadItem,
          context,
        );
        await store.addThreadItem(id, message(`r_${id}`, id, `answer for ${id}`), context);
      }
      return store;
    }
    const ids = (page: { data: Array<{ thread: { id: string } }> }) => page.data.map((row) => row.thread.id);

    it("lists every user's threads, newest first, with their user, page by page", async () => {
      const store = await seeded();
      const first = await store.listAllThreads({ limit: 3 });
      expect(ids(first)).toEqual(['t_b2', 't_a2', 't_b1']);
      expect(first.data.map((row) => row.user)).toEqual(['bob', 'alice', 'bob']);
      expect(first.has_more).toBe(true);
      const second = await store.listAllThreads({ limit: 3, after: first.after });
      expect(ids(second)).toEqual(['t_a1']);
      expect(second.has_more).toBe(false);
    });

    it('searches titles and message texts in any case, with LIKE characters taken literally', async () => {
      const store = await seeded();
      expect(ids(await store.listAllThreads({ limit: 10, search: 'norway' }))).toEqual(['t_a1']);
      expect(ids(await store.listAllThreads({ limit: 10, search: 'true to SIZE' }))).toEqual(['t_a2']);
      expect(ids(await store.listAllThreads({ limit: 10, search: 'answer for t_b' }))).toEqual(['t_b2', 't_b1']);
      expect(ids(await store.listAllThreads({ limit: 10, search: '100%' }))).toEqual(['t_b1']);
      expect(ids(await store.listAllThreads({ limit: 10, search: '%' }))).toEqual(['t_b1']);
      expect(ids(await store.listAllThreads({ limit: 10, search: 'type' }))).toEqual([]);
    });

    it('filters by creation date', async () => {
      const store = await seeded();
      const page = await store.listAllThreads({ limit: 10, from: '2026-11-05T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' });
      expect(ids(page)).toEqual(['t_a2', 't_b1']);
    });

    it("erases one user's data and nobody else's", async () => {
      const store = await seeded();
      await store.saveAttachment({ id: 'atc_bob', type: 'file', name: 'a.txt', mime_type: 'text/plain' }, bob);
      expect(await store.deleteUserData('bob')).toBe(2);
      expect(ids(await store.listAllThreads({ limit: 10 }))).toEqual(['t_a2', 't_a1']);
      expect((await store.loadThreads(10, null, 'desc', bob)).data).toEqual([]);
      await expect(store.loadAttachment('atc_bob', bob)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.loadThreadItems('t_a1', null, 10, 'asc', alice)).data).toHaveLength(2);
    });

    it('deletes threads created before a date, with their items, for every user', async () => {
      const store = await seeded();
      expect(await store.deleteThreadsCreatedBefore('2026-11-15T00:00:00.000Z')).toBe(2);
      expect(ids(await store.listAllThreads({ limit: 10 }))).toEqual(['t_b2', 't_a2']);
      await expect(store.loadThread('t_a1', alice)).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.deleteThreadsCreatedBefore('2026-11-15T00:00:00.000Z')).toBe(0); // again: nothing left to do
    });
  });
}
