import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadStreamEvent } from '../src/index.js';
import { parseSse, userText } from './chatkit-client.js';
import { startServerProcess } from './cli-process.js';

// `chatkit-embed-server serve --offline --admin` in one process, readers' thumbs up and
// down sent to it as ChatKit's client sends them, and `threads` in another process
// reading them back: with the admin credential through the admin API, where feedback is
// known, and with a visitor's token through the protocol, as before.
const CREDENTIAL = 'the-site-owners-credential-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'chatkit-threads-admin-'));
let server: ChildProcess;
let base: string;

/** Runs the built CLI as users do; resolves with its exit code and output. */
function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/cli/bin.js', ...args], { env: { ...process.env, CHATKIT_ADMIN_TOKEN: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
const admin = (...args: string[]) => cli({ CHATKIT_ADMIN_TOKEN: CREDENTIAL }, 'threads', '--admin', ...args);

/** A new visitor of the running server: its token, and a way to chat and to rate answers. */
async function visitor() {
  const { client_secret: token } = (await (await fetch(`${base}/api/chatkit/token`, { method: 'POST' })).json()) as {
    client_secret: string;
  };
  const post = (type: string, params: unknown) =>
    fetch(`${base}/chatkit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type, params }),
    });
  return {
    token,
    /** Starts a thread; answers its id, the question's and the answer's item ids. */
    async ask(text: string) {
      const events: ThreadStreamEvent[] = parseSse(await (await post('threads.create', { input: userText(text) })).text());
      const done = events.flatMap((event) => (event.type === 'thread.item.done' ? [event.item] : []));
      return {
        id: (events[0] as { thread: { id: string } }).thread.id,
        question: done.find((item) => item.type === 'user_message')!.id,
        answer: done.find((item) => item.type === 'assistant_message')!.id,
      };
    },
    async rate(threadId: string, itemId: string, kind: 'positive' | 'negative') {
      expect((await post('items.feedback', { thread_id: threadId, item_ids: [itemId], kind })).status).toBe(200);
    },
  };
}

let shipping: Awaited<ReturnType<Awaited<ReturnType<typeof visitor>>['ask']>>;
let sizes: typeof shipping;
let refunds: typeof shipping;
let aliceToken: string;

beforeAll(async () => {
  expect(existsSync('dist/cli/bin.js'), 'run `npm run build` first').toBe(true);
  // The default store (a SQLite file), no option about feedback: serve keeps it anyway.
  const started = await startServerProcess(
    ['dist/cli/bin.js', 'serve', '--port', '0', '--offline', '--admin', '--data', join(dir, 'chat.sqlite')],
    { CHATKIT_ADMIN_TOKEN: CREDENTIAL, OPENAI_API_KEY: '', CHATKIT_WORKFLOW_ID: '' },
    /on (http:\/\/[\d.]+:\d+)/,
    'token key generated',
  );
  ({ base, child: server } = started);
  const alice = await visitor();
  const bob = await visitor();
  aliceToken = alice.token;
  shipping = await alice.ask('Do you ship to Norway?');
  sizes = await alice.ask('Is the jacket true to size?');
  refunds = await bob.ask('How do refunds work?');
  await alice.rate(shipping.id, shipping.answer, 'positive');
  await alice.rate(shipping.id, shipping.answer, 'negative'); // changed to a thumbs down
  await alice.rate(sizes.id, sizes.answer, 'positive');
  await bob.rate(refunds.id, refunds.answer, 'negative');
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('npx chatkit-embed-server threads --admin', () => {
  it("lists every visitor's threads with their feedback counts, and filters by kind", async () => {
    const all = await admin('--api-url', `${base}/chatkit`);
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const line = (id: string) => lines.find((l) => l.startsWith(`${id} `));
    expect(line(shipping.id)).toMatch(/\sactive\s+\S+\s+\+0 -1\s+Do you ship to Norway\?$/);
    expect(line(sizes.id)).toMatch(/\s\+1 -0\s+Is the jacket true to size\?$/);
    expect(line(refunds.id)).toMatch(/\s\+0 -1\s+How do refunds work\?$/);

    const negative = await admin('--api-url', `${base}/chatkit`, '--feedback', 'negative');
    expect(negative.code, negative.stderr).toBe(0);
    expect(
      negative.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual([refunds.id, shipping.id]);
    const limited = await admin('--admin-url', `${base}/admin/api`, '--feedback', 'negative', '--limit', '1');
    expect(limited.stdout).toMatch(new RegExp(`^${refunds.id}\\s.*\\n… more threads: raise --limit`));

    const json = await admin('--api-url', `${base}/chatkit`, '--feedback', 'positive', '--json');
    const rows = JSON.parse(json.stdout) as Array<{ user: string; thread: { id: string }; feedback: unknown }>;
    expect(rows.map((row) => [row.thread.id, row.feedback])).toEqual([[sizes.id, { positive: 1, negative: 0 }]]);
  });

  it('marks each item of a thread with the feedback it got', async () => {
    // --user=<id>: a visitor id may start with "-", which would read as an option.
    const json = await admin('--api-url', `${base}/chatkit`, '--json');
    const user = (JSON.parse(json.stdout) as Array<{ user: string; thread: { id: string } }>).find(
      (row) => row.thread.id === shipping.id,
    )!.user;
    const items = await admin('--api-url', `${base}/chatkit`, '--thread', shipping.id, `--user=${user}`);
    expect(items.code, items.stderr).toBe(0);
    expect(items.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${shipping.question}\\s.*\\suser_message\\s+-\\s+Do you ship to Norway\\?$`)),
      expect.stringMatching(new RegExp(`^${shipping.answer}\\s.*\\sassistant_message\\s+negative\\s+You said`)),
    ]);
    const asJson = JSON.parse((await admin('--api-url', `${base}/chatkit`, '--thread', shipping.id, `--user=${user}`, '--json')).stdout);
    expect(asJson.feedback).toEqual({ [shipping.answer]: 'negative' });
    expect(asJson.items.map((item: { id: string }) => item.id)).toEqual([shipping.question, shipping.answer]);
  });

  it('keeps the visitor view as it was: one visitor, no feedback column', async () => {
    const mine = await cli({}, 'threads', '--api-url', `${base}/chatkit`, '--token', aliceToken);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${sizes.id}\\s+\\S+\\s+active\\s+Is the jacket true to size\\?$`)),
      expect.stringMatching(new RegExp(`^${shipping.id}\\s+\\S+\\s+active\\s+Do you ship to Norway\\?$`)),
    ]);
  });

  it('a wrong credential exits 1 naming the status, never the credential; usage mistakes exit 2', async () => {
    const wrong = 'a-wrong-credential-of-enough-length-42';
    const refused = await cli({ CHATKIT_ADMIN_TOKEN: wrong }, 'threads', '--admin', '--api-url', `${base}/chatkit`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/HTTP 401/);
    expect(refused.stderr + refused.stdout).not.toContain(wrong);

    const usage = await Promise.all([
      cli({}, 'threads', '--admin', '--api-url', `${base}/chatkit`), // no CHATKIT_ADMIN_TOKEN
      admin(), // neither --api-url nor --admin-url
      admin('--api-url', `${base}/chatkit`, '--token', aliceToken),
      admin('--api-url', `${base}/chatkit`, '--feedback', 'meh'),
      admin('--api-url', `${base}/chatkit`, '--thread', shipping.id), // whose? --user
      cli({}, 'threads', '--api-url', `${base}/chatkit`, '--token', aliceToken, '--feedback', 'negative'),
    ]);
    expect(usage.map((result) => result.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(usage[0]!.stderr).toContain('CHATKIT_ADMIN_TOKEN');
    expect(usage[3]!.stderr).toContain('--feedback');
    expect(usage[4]!.stderr).toContain('--user');
    for (const result of usage) expect(result.stderr).not.toContain(CREDENTIAL);
  });

  it('--help says how feedback is seen', async () => {
    const help = await cli({}, 'threads', '--help');
    expect(help.code).toBe(0);
    for (const text of ['--admin', 'CHATKIT_ADMIN_TOKEN', '--feedback', '--user', '--admin-url', 'carries no\n         feedback'])
      expect(help.stdout).toContain(text);
  });
});
