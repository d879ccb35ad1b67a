import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore, createStandaloneServer, offlineResponder } from '../src/index.js';
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
    return { token, say };
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
    expect(csv.split('\r\n')[0]).toBe('thread_id,user,created_at,title,first_message');
    // A visitor's text never starts a formula in a spreadsheet.
    expect(csv).not.toMatch(/(^|,)"=/m);

    const bobRow = list.data.find((row) => row.user !== user)!;
    expect(await (await admin(`/users/${encodeURIComponent(bobRow.user)}`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect(await (await admin(`/threads/${encodeURIComponent(user)}/${thread.id}`, { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect(((await (await admin('/threads')).json()) as { data: unknown[] }).data).toEqual([]);
  });
});
