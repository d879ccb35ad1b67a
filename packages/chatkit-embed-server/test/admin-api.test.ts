import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore, createStandaloneServer, offlineResponder } from '../src/index.js';
import { createAdminApi } from '../src/admin/index.js';
import { StoreUnavailableError } from '../src/stores/store.js';
import { MemoryFileStorage } from '../src/protocol/attachments.js';
import { parseSse, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';

// The site owner's API over every visitor's conversations, as served by the standalone
// server: behind its credential, and nothing for a visitor's token.
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const CREDENTIAL = 'an-admin-credential-of-32-characters!';
const HOSTILE = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")';

async function start() {
  const store = new MemoryStore();
  const backend = await createStandaloneServer({
    chatkit: { store, respond: offlineResponder({ delayMs: 0 }) },
    admin: { credential: CREDENTIAL },
    rateLimit: { perUser: false, perIp: false },
  });
  const server = await serve(backend.handler);
  servers.push(server);
  /** A visitor: a token from the token endpoint, and a way to start a thread. */
  const visitor = async () => {
    const minted = (await (await fetch(`${server.url}/api/chatkit/token`, { method: 'POST' })).json()) as { client_secret: string };
    const token = minted.client_secret;
    const say = async (text: string) =>
      parseSse(
        await (
          await fetch(`${server.url}/chatkit`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'threads.create', params: { input: userText(text) } }),
          })
        ).text(),
      );
    /** Thumbs up or down on items of a thread, as ChatKit's client sends it. */
    const rate = (threadId: string, itemIds: string[], kind: string) =>
      fetch(`${server.url}/chatkit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'items.feedback', params: { thread_id: threadId, item_ids: itemIds, kind } }),
      });
    return { token, say, rate };
  };
  const admin = (path: string, init: RequestInit = {}, credential = CREDENTIAL) =>
    fetch(`${server.url}/admin/api${path}`, { ...init, headers: { authorization: `Bearer ${credential}`, ...init.headers } });
  return { url: server.url, visitor, admin };
}

const PATHS: Array<[string, string]> = [
  ['GET', '/threads'],
  ['GET', '/threads/u/t/items'],
  ['DELETE', '/threads/u/t'],
  ['DELETE', '/users/u'],
  ['GET', '/export.jsonl'],
  ['GET', '/export.csv'],
];

describe('the admin API', () => {
  it('answers 401 on every path without the credential', async () => {
    const { url } = await start();
    for (const [method, path] of PATHS) expect((await fetch(`${url}/admin/api${path}`, { method })).status, `${method} ${path}`).toBe(401);
  });

  it("answers 401 on every path to a visitor's token", async () => {
    const { url, visitor } = await start();
    const { token } = await visitor();
    for (const [method, path] of PATHS) {
      const response = await fetch(`${url}/admin/api${path}`, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it('slows down guessing: repeated wrong credentials get 429', async () => {
    const { admin } = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await admin('/threads', {}, `wrong-${i}-${'x'.repeat(30)}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("lists and searches every visitor's threads, reads one, exports and erases", async () => {
    const { admin, visitor } = await start();
    const alice = await visitor();
    const bob = await visitor();
    await alice.say('Do you ship to Norway?');
    await bob.say(HOSTILE);
    const list = (await (await admin('/threads')).json()) as { data: Array<{ user: string; thread: { id: string } }> };
    expect(list.data).toHaveLength(2);
    expect(new Set(list.data.map((row) => row.user)).size).toBe(2);
    const found = (await (await admin('/threads?search=norway')).json()) as { data: Array<{ user: string; thread: { id: string } }> };
    expect(found.data).toHaveLength(1);
    const { user, thread } = found.data[0]!;
    const read = await admin(`/threads/${encodeURIComponent(user)}/${thread.id}/items`);
    expect(read.headers.get('content-security-policy')).toContain("default-src 'none'");
    const items = ((await read.json()) as { items: Array<{ type: string }> }).items;
    expect(items.map((item) => item.type)).toEqual(['user_message', 'assistant_message']);

    const jsonl = await (await admin('/export.jsonl')).text();
    const rows = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).toContain('onerror=alert(1)'); // data, as it was typed
    const csv = await (await admin('/export.csv')).text();
    expect(csv.split('\r\n')[0]).toBe('thread_id,user,created_at,title,first_message,positive,negative');
    // A visitor's text never starts a formula in a spreadsheet.
    expect(csv).not.toMatch(/(^|,)"=/m);

    const bobRow = list.data.find((row) => row.user !== user)!;
    expect(await (await admin(`/users/${encodeURIComponent(bobRow.user)}`, { method: 'DELETE' })).json()).toEqual({ deleted: 1, files: 0 });
    expect(await (await admin(`/threads/${encodeURIComponent(user)}/${thread.id}`, { method: 'DELETE' })).json()).toEqual({
      deleted: 1,
      files: 0,
    });
    expect(((await (await admin('/threads')).json()) as { data: unknown[] }).data).toEqual([]);
  });

  it('shows the feedback readers gave: counts per thread, a filter, the kind per item, in both exports', async () => {
    const { admin, visitor } = await start();
    const alice = await visitor();
    const bob = await visitor();
    const threadOf = (events: Awaited<ReturnType<typeof alice.say>>) => {
      const created = events.find((event) => event.type === 'thread.created');
      const items = events.flatMap((event) => (event.type === 'thread.item.done' ? [event.item.id] : []));
      return { id: created?.type === 'thread.created' ? created.thread.id : '', question: items[0]!, answer: items[1]! };
    };
    const shipping = threadOf(await alice.say('Do you ship to Norway?'));
    const sizes = threadOf(await alice.say('Is the jacket true to size?'));
    const refunds = threadOf(await bob.say('How do refunds work?'));
    // Alice: thumbs up, then down, on one answer; up on the other. Bob: up.
    for (const [who, thread, kind] of [
      [alice, shipping, 'positive'],
      [alice, shipping, 'negative'],
      [alice, sizes, 'positive'],
      [bob, refunds, 'positive'],
    ] as const)
      expect((await who.rate(thread.id, [thread.answer], kind)).status).toBe(200);
    // Not Alice's thread for Bob, and not an item of that thread: refused, nothing kept.
    expect((await bob.rate(shipping.id, [shipping.answer], 'positive')).status).toBe(404);
    expect((await alice.rate(sizes.id, [shipping.answer], 'negative')).status).toBe(404);

    type Row = { user: string; thread: { id: string }; feedback: { positive: number; negative: number } };
    const list = async (query = '') => ((await (await admin(`/threads${query}`)).json()) as { data: Row[] }).data;
    const counts = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.thread.id, row.feedback]));
    expect(counts(await list())).toEqual({
      [shipping.id]: { positive: 0, negative: 1 },
      [sizes.id]: { positive: 1, negative: 0 },
      [refunds.id]: { positive: 1, negative: 0 },
    });
    expect(await list('?feedback=')).toHaveLength(3); // empty: no filter, as for the other parameters
    const negative = await list('?feedback=negative');
    expect(negative.map((row) => row.thread.id)).toEqual([shipping.id]);
    expect((await list('?feedback=positive&limit=1')).map((row) => row.thread.id)).toEqual([refunds.id]);
    expect((await list('?feedback=positive&search=jacket')).map((row) => row.thread.id)).toEqual([sizes.id]);
    for (const path of [
      '/threads?feedback=bad',
      '/threads?feedback=NEGATIVE',
      '/export.jsonl?feedback=1',
      '/export.csv?feedback=neutral',
    ]) {
      const refused = await admin(path);
      expect(refused.status, path).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message, path).toMatch(/\bfeedback\b/);
    }

    const { user } = negative[0]!;
    const read = (await (await admin(`/threads/${encodeURIComponent(user)}/${shipping.id}/items`)).json()) as {
      user: string;
      items: Array<{ id: string }>;
      feedback: Record<string, string>;
    };
    expect(read.user).toBe(user);
    expect(read.items.map((item) => item.id)).toEqual([shipping.question, shipping.answer]);
    expect(read.feedback).toEqual({ [shipping.answer]: 'negative' });

    const lines = (await (await admin('/export.jsonl?feedback=negative')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { thread: { id: string }; feedback: Record<string, string> });
    expect(lines.map((line) => [line.thread.id, line.feedback])).toEqual([[shipping.id, { [shipping.answer]: 'negative' }]]);
    const everything = (await (await admin('/export.jsonl')).text()).trim().split('\n');
    expect(everything.map((line) => JSON.parse(line).feedback)).toEqual([
      { [refunds.answer]: 'positive' },
      { [sizes.answer]: 'positive' },
      { [shipping.answer]: 'negative' },
    ]);

    const csv = (await (await admin('/export.csv')).text()).trimEnd().split('\r\n');
    expect(csv[0]).toBe('thread_id,user,created_at,title,first_message,positive,negative');
    const csvCounts = Object.fromEntries(
      csv.slice(1).map((line) => [JSON.parse(line.split(',')[0]!), line.split(',').slice(-2).join(',')]),
    );
    expect(csvCounts).toEqual({ [shipping.id]: '0,1', [sizes.id]: '1,0', [refunds.id]: '1,0' });
    expect((await (await admin('/export.csv?feedback=negative')).text()).trimEnd().split('\r\n')).toHaveLength(2);

    // Erasing a visitor erases their feedback: the listing no longer finds it.
    await admin(`/users/${encodeURIComponent(user)}`, { method: 'DELETE' });
    expect(await list('?feedback=negative')).toEqual([]);
  });
});

describe('the admin API when the store is down', () => {
  it('pages with an opaque cursor, and refuses an after it did not give, exports included', async () => {
    const { admin, visitor } = await start();
    const alice = await visitor();
    for (const text of ['first', 'second', 'third']) await alice.say(text);
    type Listing = { data: Array<{ thread: { id: string } }>; has_more: boolean; after: string | null };
    const first = (await (await admin('/threads?limit=2')).json()) as Listing;
    expect(first).toMatchObject({ has_more: true, after: expect.any(String) });
    expect(first.data.map((row) => row.thread.id)).not.toContain(first.after);
    const second = (await (await admin(`/threads?limit=2&after=${encodeURIComponent(first.after!)}`)).json()) as Listing;
    expect(second.data).toHaveLength(1);
    expect(second.has_more).toBe(false);
    for (const path of ['/threads?after=t_not_a_cursor', '/threads?after=p1x', '/export.jsonl?after=abc', '/export.csv?after=p']) {
      const refused = await admin(path);
      expect(refused.status, path).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message, path).toMatch(/\bafter\b/);
    }
  });

  it("passes a store's own cursors through as they are, exports included", async () => {
    const store = new MemoryStore();
    const asked: Array<string | null | undefined> = [];
    store.listAllThreads = async (query) => {
      asked.push(query.after);
      return { data: [], has_more: false, after: null };
    };
    const api = createAdminApi({ store, credential: CREDENTIAL });
    for (const path of ['/threads?after=my-own%3A42', '/export.jsonl?after=my-own%3A43', '/export.csv?after=my-own%3A44']) {
      const response = await api(new Request(`http://admin.test/admin/api${path}`, { headers: { authorization: `Bearer ${CREDENTIAL}` } }));
      expect(response.status, path).toBe(200);
      await response.text();
    }
    expect(asked).toEqual(['my-own:42', 'my-own:43', 'my-own:44']);
  });

  it('answers 503 store_unavailable with Retry-After, as the ChatKit endpoint does, and logs no credential', async () => {
    const store = new MemoryStore();
    store.listAllThreads = async () => {
      throw new StoreUnavailableError('the database did not answer within 10 s');
    };
    const lines: string[] = [];
    const api = createAdminApi({ store, credential: CREDENTIAL, log: (entry) => lines.push(JSON.stringify(entry)) });
    const response = await api(new Request('http://admin.test/admin/api/threads', { headers: { authorization: `Bearer ${CREDENTIAL}` } }));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');
    expect(lines.join('\n')).toContain('admin.failed');
    expect(lines.join('\n')).not.toContain(CREDENTIAL);
  });
});

describe('erasure takes the uploaded files too', () => {
  it('erasing a thread deletes its files, erasing a visitor deletes the rest, and nobody else’s', async () => {
    const storage = new MemoryFileStorage();
    const backend = await createStandaloneServer({
      chatkit: { store: new MemoryStore(), respond: offlineResponder({ delayMs: 0 }) },
      files: { storage },
      admin: { credential: CREDENTIAL },
      rateLimit: { perUser: false, perIp: false },
    });
    const server = await serve(backend.handler);
    servers.push(server);
    const visitor = async () => {
      const { client_secret: token } = (await (await fetch(`${server.url}/api/chatkit/token`, { method: 'POST' })).json()) as {
        client_secret: string;
      };
      const call = async (type: string, params: unknown) =>
        fetch(`${server.url}/chatkit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type, params }),
        });
      /** Uploads a file (two-phase, as ChatKit does) and starts a thread that carries it. */
      const threadWithFile = async (name: string) => {
        const attachment = (await (await call('attachments.create', { name, size: 5, mime_type: 'text/plain' })).json()) as {
          id: string;
          upload_descriptor: { url: string };
        };
        const form = new FormData();
        form.append('file', new File(['hello'], name, { type: 'text/plain' }));
        expect((await fetch(attachment.upload_descriptor.url, { method: 'POST', body: form })).status).toBe(200);
        const events = parseSse(
          await (await call('threads.create', { input: { ...userText(name), attachments: [attachment.id] } })).text(),
        );
        return { attachmentId: attachment.id, threadId: (events[0] as { thread: { id: string } }).thread.id };
      };
      return { threadWithFile };
    };
    const admin = (method: string, path: string) =>
      fetch(`${server.url}/admin/api${path}`, { method, headers: { authorization: `Bearer ${CREDENTIAL}` } });
    const stored = async (id: string) => (await storage.get(id)) !== undefined;

    const ann = await visitor();
    const first = await ann.threadWithFile('first.txt');
    const second = await ann.threadWithFile('second.txt');
    const other = await (await visitor()).threadWithFile('other.txt');
    expect([await stored(first.attachmentId), await stored(second.attachmentId), await stored(other.attachmentId)]).toEqual([
      true,
      true,
      true,
    ]);
    const listed = (await (await admin('GET', '/threads')).json()) as { data: Array<{ user: string; thread: { id: string } }> };
    const annUser = listed.data.find((row) => row.thread.id === first.threadId)!.user;

    const thread = await admin('DELETE', `/threads/${encodeURIComponent(annUser)}/${first.threadId}`);
    expect(await thread.json()).toEqual({ deleted: 1, files: 1 });
    expect([await stored(first.attachmentId), await stored(second.attachmentId)]).toEqual([false, true]);

    const user = await admin('DELETE', `/users/${encodeURIComponent(annUser)}`);
    expect(await user.json()).toEqual({ deleted: 1, files: 1 });
    expect(await stored(second.attachmentId)).toBe(false);
    expect(await stored(other.attachmentId), 'another visitor’s file stays').toBe(true);
  });

  it('a file storage that fails erases nothing, says so, and the erasure can be asked again', async () => {
    const store = new MemoryStore();
    const storage = new MemoryFileStorage();
    const context = { user: 'visitor-1' };
    await store.saveThread(
      { id: 'thr_1', created_at: new Date().toISOString(), status: { type: 'active' }, metadata: {} } as never,
      context,
    );
    await store.saveAttachment({ id: 'atc_1', type: 'file', name: 'a.txt', mime_type: 'text/plain' }, context);
    await storage.put('atc_1', { bytes: new TextEncoder().encode('secret'), mimeType: 'text/plain' });
    let broken = true;
    const flaky: typeof storage = Object.assign(Object.create(storage) as typeof storage, {
      delete: async (key: string) => {
        if (broken) throw new Error('disk unavailable');
        return storage.delete(key);
      },
    });
    const api = createAdminApi({ store, credential: CREDENTIAL, files: flaky, log: () => {} });
    const erase = () =>
      api(
        new Request('http://admin.test/admin/api/users/visitor-1', {
          method: 'DELETE',
          headers: { authorization: `Bearer ${CREDENTIAL}` },
        }),
      );

    const failed = await erase();
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('files_not_deleted');
    expect(await store.listUserAttachmentIds('visitor-1'), 'the records are kept to try again').toEqual(['atc_1']);
    expect((await store.loadThreads(10, null, 'desc', context)).data).toHaveLength(1);

    broken = false;
    const done = await erase();
    expect(await done.json()).toEqual({ deleted: 1, files: 1 });
    expect(await storage.get('atc_1')).toBeUndefined();
  });
});
