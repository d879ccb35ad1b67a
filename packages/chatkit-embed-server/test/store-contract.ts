/**
 * The behaviour every ChatKitStore must have, as one suite run against each
 * implementation (in-memory, SQLite, and any later one).
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidCursorError,
  NotFoundError,
  createChatKitServer,
  streamAssistantMessage,
  type AdminStore,
  type ChatKitStore,
  type FeedbackStore,
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

    it("pages on past a cursor whose thread was erased, or whose thread's user was", async () => {
      const store = await seeded();
      const first = await store.listAllThreads({ limit: 2 });
      expect(ids(first)).toEqual(['t_b2', 't_a2']);
      await store.deleteThread('t_a2', alice);
      const next = await store.listAllThreads({ limit: 2, after: first.after });
      expect(ids(next)).toEqual(['t_b1', 't_a1']);
      expect(next.has_more).toBe(false);

      const again = await seeded();
      const page = await again.listAllThreads({ limit: 2 });
      expect(ids(page)).toEqual(['t_b2', 't_a2']);
      expect(await again.deleteUserData('alice')).toBe(2);
      const rest = await again.listAllThreads({ limit: 2, after: page.after });
      expect(ids(rest)).toEqual(['t_b1']);
      expect(rest.has_more).toBe(false);
    });

    it('refuses a cursor it did not give, a thread id included, with InvalidCursorError', async () => {
      const store = await seeded();
      for (const after of ['t_a2', 'p', 'p-1', 'p1e3', 'p12345678901234567890']) {
        await expect(store.listAllThreads({ limit: 2, after })).rejects.toBeInstanceOf(InvalidCursorError);
      }
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
      await store.saveAttachment(
        { id: 'atc_bob2', type: 'image', name: 'b.png', mime_type: 'image/png', preview_url: 'https://files.example/b.png' },
        bob,
      );
      await store.saveAttachment({ id: 'atc_alice', type: 'file', name: 'c.txt', mime_type: 'text/plain' }, alice);
      // What an erasure must also delete from the file storage, and only that.
      expect((await store.listUserAttachmentIds('bob')).sort()).toEqual(['atc_bob', 'atc_bob2']);
      expect(await store.listUserAttachmentIds('nobody')).toEqual([]);
      expect(await store.deleteUserData('bob')).toBe(2);
      expect(await store.listUserAttachmentIds('bob')).toEqual([]);
      expect(await store.listUserAttachmentIds('alice')).toEqual(['atc_alice']);
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

    it('names the attachments sent in the threads retention will delete, then deletes their records with them', async () => {
      const store = await seeded();
      // As the ChatKit server keeps them: the record names the thread it was last sent in.
      const file = (id: string, threadId?: string) => ({
        type: 'file' as const,
        id,
        name: `${id}.txt`,
        mime_type: 'text/plain',
        ...(threadId && { thread_id: threadId }),
      });
      const plan: Array<[StoreContext, string, string | undefined]> = [
        [alice, 'atc_old_1', 't_a1'], // t_a1 was created 2026-11-01
        [alice, 'atc_old_2', 't_a1'], // its message since deleted: still found through its record
        [bob, 'atc_old_bob', 't_b1'], // 2026-11-10
        [alice, 'atc_resent', 't_a2'], // sent in t_a1, then again in the newer t_a2 (2026-11-20)
        [bob, 'atc_old_1', 't_b2'], // alice's id, bob's own record in his newer thread
        [alice, 'atc_unsent', undefined],
      ];
      for (const [context, id, threadId] of plan) await store.saveAttachment(file(id, threadId), context);

      const before = '2026-11-15T00:00:00.000Z';
      expect(await store.listAttachmentsOfThreadsCreatedBefore(before)).toEqual([
        { user: 'alice', id: 'atc_old_1' },
        { user: 'alice', id: 'atc_old_2' },
        { user: 'bob', id: 'atc_old_bob' },
      ]);
      expect(await store.deleteThreadsCreatedBefore(before)).toBe(2);
      expect(await store.listAttachmentsOfThreadsCreatedBefore(before)).toEqual([]);
      await expect(store.loadAttachment('atc_old_1', alice)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.loadAttachment('atc_old_bob', bob)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.listUserAttachmentIds('alice')).sort()).toEqual(['atc_resent', 'atc_unsent']);
      expect(await store.listUserAttachmentIds('bob')).toEqual(['atc_old_1']);
    });
  });
}

/**
 * Feedback (FeedbackStore): a reader's thumbs up or down per item, the latest kind kept,
 * seen in the admin listing (counts, filter) and gone wherever its item goes.
 * `feedbackRows`, where the store has tables, counts what is really left in them.
 */
export function feedbackContract(
  name: string,
  open: () => Promise<ChatKitStore & AdminStore & FeedbackStore>,
  feedbackRows?: (store: ChatKitStore) => Promise<number>,
): void {
  describe(`${name}: feedback (FeedbackStore)`, () => {
    /** A thread of `user` with the items `itemIds`, created on `day` (2026-11-dd). */
    async function seed(store: ChatKitStore, context: StoreContext, id: string, itemIds: string[], day = '25') {
      await store.saveThread({ ...thread(id, id), created_at: `2026-11-${day}T12:00:00.000Z` }, context);
      for (const itemId of itemIds) await store.addThreadItem(id, message(itemId, id), context);
    }
    const counts = async (store: AdminStore, search?: string) =>
      Object.fromEntries(
        (await store.listAllThreads({ limit: 100, ...(search && { search }) })).data.map((row) => [
          `${row.user}/${row.thread.id}`,
          row.feedback,
        ]),
      );

    it('keeps the latest kind per item, and counts them per thread in the listing', async () => {
      const store = await open();
      await seed(store, alice, 't', ['i1', 'i2', 'i3']);
      await seed(store, bob, 'u', ['j1']);
      expect(await store.loadFeedback('t', alice)).toEqual({});
      await store.saveFeedback('t', ['i1', 'i2'], 'positive', alice);
      await store.saveFeedback('t', ['i2'], 'negative', alice); // changed his mind: one negative, not both
      await store.saveFeedback('t', ['i3', 'i3'], 'negative', alice); // an id twice counts once
      expect(await store.loadFeedback('t', alice)).toEqual({ i1: 'positive', i2: 'negative', i3: 'negative' });
      expect(await counts(store)).toEqual({ 'alice/t': { positive: 1, negative: 2 }, 'bob/u': { positive: 0, negative: 0 } });
      await store.saveFeedback('t', ['i2', 'i3'], 'positive', alice);
      expect(await counts(store)).toEqual({ 'alice/t': { positive: 3, negative: 0 }, 'bob/u': { positive: 0, negative: 0 } });
      await store.close?.();
    });

    // Refused rather than ignored: feedback on an item the thread does not hold could
    // never be shown against an answer, and a silent success would hide a client (or a
    // caller probing ids) sending the wrong ids. All or nothing: a refused call records
    // nothing, not even for the ids that were right.
    it('refuses item ids that are not in the thread, and records nothing of that call', async () => {
      const store = await open();
      await seed(store, alice, 't', ['i1', 'i2']);
      await seed(store, alice, 'other', ['o1']);
      await store.saveFeedback('t', ['i1'], 'positive', alice);
      await expect(store.saveFeedback('t', ['i2', 'nope'], 'negative', alice)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.saveFeedback('t', ['i1', 'o1'], 'negative', alice)).rejects.toBeInstanceOf(NotFoundError); // another thread's item
      await expect(store.saveFeedback('gone', ['i1'], 'negative', alice)).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.loadFeedback('t', alice)).toEqual({ i1: 'positive' });
      expect(await store.loadFeedback('other', alice)).toEqual({});
      await store.close?.();
    });

    it("is scoped to the user: another user's thread is not found, and the same ids are another thread", async () => {
      const store = await open();
      await seed(store, alice, 't', ['i1']);
      await expect(store.saveFeedback('t', ['i1'], 'negative', bob)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.loadFeedback('t', bob)).rejects.toBeInstanceOf(NotFoundError);
      await seed(store, bob, 't', ['i1']);
      await store.saveFeedback('t', ['i1'], 'negative', bob);
      expect(await store.loadFeedback('t', alice)).toEqual({});
      expect(await store.loadFeedback('t', bob)).toEqual({ i1: 'negative' });
      await store.close?.();
    });

    it('goes with its item, its thread, its user and retention: nothing is left, nothing comes back', async () => {
      const store = await open();
      await seed(store, alice, 'old', ['a1', 'a2'], '01');
      await seed(store, alice, 'kept', ['k1', 'k2'], '20');
      await seed(store, bob, 'b', ['b1'], '20');
      await seed(store, bob, 'b_old', ['c1'], '01');
      await store.saveFeedback('old', ['a1', 'a2'], 'negative', alice);
      await store.saveFeedback('kept', ['k1', 'k2'], 'negative', alice);
      await store.saveFeedback('b', ['b1'], 'positive', bob);
      await store.saveFeedback('b_old', ['c1'], 'positive', bob);
      if (feedbackRows) expect(await feedbackRows(store)).toBe(6);

      await store.deleteThreadItem('kept', 'k2', alice);
      expect(await store.loadFeedback('kept', alice)).toEqual({ k1: 'negative' });
      expect((await counts(store, 'kept'))['alice/kept']).toEqual({ positive: 0, negative: 1 });
      await store.deleteThread('kept', alice);
      expect(await store.deleteThreadsCreatedBefore('2026-11-10T00:00:00.000Z')).toBe(2); // old, b_old
      expect(await store.deleteUserData('bob')).toBe(1);
      if (feedbackRows) expect(await feedbackRows(store)).toBe(0);

      // The same threads and items made again start with no feedback at all.
      await seed(store, alice, 'old', ['a1', 'a2'], '01');
      await seed(store, alice, 'kept', ['k1', 'k2'], '20');
      await seed(store, bob, 'b', ['b1'], '20');
      await seed(store, bob, 'b_old', ['c1'], '01');
      for (const [context, id] of [
        [alice, 'old'],
        [alice, 'kept'],
        [bob, 'b'],
        [bob, 'b_old'],
      ] as const)
        expect(await store.loadFeedback(id, context)).toEqual({});
      expect(Object.values(await counts(store))).toEqual(Array(4).fill({ positive: 0, negative: 0 }));
      expect(await store.listAllThreads({ limit: 10, feedback: 'negative' })).toMatchObject({ data: [], has_more: false });
      await store.close?.();
    });

    it('filters the listing to threads with feedback of a kind, page by page, newest first', async () => {
      const store = await open();
      // t0 … t9, t9 newest; negatives on t1, t2, t4, t7, t8 (t2 also positive), positive only on t5.
      for (let n = 0; n < 10; n++) await seed(store, n % 2 ? bob : alice, `t${n}`, [`m${n}`, `r${n}`]);
      for (const n of [1, 2, 4, 7, 8]) await store.saveFeedback(`t${n}`, [`r${n}`], 'negative', n % 2 ? bob : alice);
      await store.saveFeedback('t2', ['m2'], 'positive', alice);
      await store.saveFeedback('t5', ['r5', 'm5'], 'positive', bob);
      const seen: string[] = [];
      let after: string | null | undefined = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<AdminStore['listAllThreads']>> = await store.listAllThreads({
          limit: 2,
          after,
          feedback: 'negative',
        });
        expect(page.data.length).toBeLessThanOrEqual(2);
        for (const row of page.data) expect(row.feedback.negative).toBeGreaterThan(0);
        seen.push(...page.data.map((row) => row.thread.id));
        after = page.has_more ? page.after : null;
        pages++;
      } while (after);
      expect(seen).toEqual(['t8', 't7', 't4', 't2', 't1']);
      expect(pages).toBe(3);
      const positive = await store.listAllThreads({ limit: 10, feedback: 'positive' });
      expect(positive.data.map((row) => [row.thread.id, row.feedback])).toEqual([
        ['t5', { positive: 2, negative: 0 }],
        ['t2', { positive: 1, negative: 1 }],
      ]);
      // A page's last thread whose feedback changes before the next page is asked for
      // still marks the place: the next page goes on after it.
      const first = await store.listAllThreads({ limit: 2, feedback: 'negative' });
      expect(first.data.map((row) => row.thread.id)).toEqual(['t8', 't7']);
      await store.saveFeedback('t7', ['r7'], 'positive', bob);
      expect((await store.listAllThreads({ limit: 2, after: first.after, feedback: 'negative' })).data.map((row) => row.thread.id)).toEqual(
        ['t4', 't2'],
      );
      await store.saveFeedback('t7', ['r7'], 'negative', bob);
      // With the other filters: search and dates narrow it further.
      expect((await store.listAllThreads({ limit: 10, feedback: 'negative', search: 'r7' })).data.map((row) => row.thread.id)).toEqual([
        't7',
      ]);
      await store.close?.();
    });
  });
}
