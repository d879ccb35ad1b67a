import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_ARGS, findChrome } from '../../../scripts/find-chrome.mjs';
import { buildInbox } from '../scripts/build-inbox.mjs';
import { INBOX_CSP } from '../src/admin/index.js';
import { PostgresStore } from '../src/stores/postgres-store.js';
import { SqliteStore } from '../src/stores/sqlite-store.js';
import type { AdminStore, ChatKitStore, FeedbackStore } from '../src/stores/store.js';
import type { ThreadItem } from '../src/protocol/types.js';
import { startServerProcess } from './cli-process.js';
import { BULK, CREDENTIAL, HOSTILE, seed, startInboxServer, type Seeded } from './inbox-fixture.js';
import { NO_POSTGRES, postgresAvailable, startPostgres, type Postgres } from './postgres.js';

// The site owner's inbox page in Chromium, against the real standalone server (as
// `serve --admin` runs it) over seeded SQLite and PostgreSQL stores.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const chrome = findChrome();
if (!chrome) throw new Error('No Chrome or Chromium: node scripts/find-chrome.mjs says how to get one.');

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'inbox-page-'));
beforeAll(async () => {
  await buildInbox();
  browser = await puppeteer.launch({ executablePath: chrome, args: CHROME_ARGS });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Store = ChatKitStore & AdminStore & FeedbackStore & { close?(): Promise<void> };
type Server = Awaited<ReturnType<typeof startInboxServer>>;
type Chat = Awaited<ReturnType<Server['visitorSays']>>;

/** Chats through the protocol, oldest first. */
const CHATS = ['Is the coat waterproof?', 'Thanks, that helped', 'Can I pay by invoice?'];

interface Watched {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
}

/** A fresh tab that records its requests and any CSP violation (an injection attempt). */
async function open(server: Server, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.evaluateOnNewDocument(() => {
    (window as any).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as any).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${server.url}/admin/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(INBOX_CSP);
  await page.waitForSelector('#credential');
  return { page, requests };
}

async function signIn(page: Page, credential = CREDENTIAL) {
  await page.type('#credential', credential);
  await page.keyboard.press('Enter');
}

const rowCount = (page: Page) => page.$$eval('button.thread', (rows) => rows.length);
const titles = (page: Page) => page.$$eval('button.thread .title', (rows) => rows.map((row) => row.textContent));

async function waitForStatus(page: Page, pattern: RegExp) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('[role="status"]')?.textContent ?? ''),
    {},
    pattern.source,
  );
}

/**
 * Marks each answer body the page reads (JSON or blob), so a test can wait until the page
 * has had an answer it holds back, rather than for a while.
 */
async function markReads(page: Page) {
  await page.evaluate(() => {
    (window as any).read = [];
    for (const method of ['json', 'blob'] as const) {
      const read = Response.prototype[method] as (this: Response) => Promise<unknown>;
      (Response.prototype as any)[method] = function (this: Response) {
        const body = read.call(this);
        const done = () => (window as any).read.push(this.url);
        body.then(done, done);
        return body;
      };
    }
  });
}

/** Waits until the page has read the body of an answer whose URL holds `part`, and rendered. */
async function bodyRead(page: Page, part: string) {
  await page.waitForFunction((text) => (window as any).read.some((url: string) => url.includes(text)), {}, part);
  await page.$eval('inbox-app', (app) => (app as any).updateComplete);
}

/**
 * Holds back the first request of the page whose URL holds `part` (others go on):
 * resolves, once it is made, with a release that lets it go (or gives it `answer`
 * instead of the server's) and stops intercepting.
 */
async function holdRequest(page: Page, part: string, answer?: { status: number; body: unknown }) {
  await page.setRequestInterception(true);
  return new Promise<() => Promise<void>>((resolve) => {
    let held = false;
    const listener = (request: HTTPRequest) => {
      if (held || !request.url().includes(part)) return void request.continue();
      held = true;
      resolve(async () => {
        await (answer
          ? request.respond({ status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body) })
          : request.continue());
        page.off('request', listener);
        await page.setRequestInterception(false);
      });
    };
    page.on('request', listener);
  });
}

async function axe(page: Page, state: string) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe in the ${state} state`).toEqual([]);
}

/** The downloads of this browser, to a folder; answers each file's name and content. */
async function downloads(folder: string) {
  const session: CDPSession = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: folder, eventsEnabled: true });
  const names = new Map<string, string>();
  session.on('Browser.downloadWillBegin', (event) => names.set(event.guid, event.suggestedFilename));
  return () =>
    new Promise<{ name: string; content: string }>((resolve) => {
      const done = (event: { guid: string; state: string }) => {
        if (event.state !== 'completed') return;
        session.off('Browser.downloadProgress', done);
        resolve({ name: names.get(event.guid)!, content: readFileSync(join(folder, event.guid), 'utf8') });
      };
      session.on('Browser.downloadProgress', done);
    });
}

/** What every test ends with: nothing ran, nothing left the origin. */
async function assertClean({ page, requests }: Watched, server: Server) {
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(await page.title()).toBe('Conversations');
  // data: URLs are Chromium's own (the date picker's icon), not requests to anyone.
  const origin = new URL(server.url).origin;
  expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
  await page.close();
}

const STORES: Array<[string, () => Promise<Store>, () => Promise<void>]> = [];
{
  STORES.push(['SQLite', async () => SqliteStore.open(join(dir, 'inbox.sqlite')), async () => undefined]);
  const pg: { postgres?: Postgres } = {};
  if (postgresAvailable())
    STORES.push([
      'PostgreSQL',
      async () => {
        pg.postgres = await startPostgres();
        return PostgresStore.open(pg.postgres.url, { schema: `inbox_${process.pid}` });
      },
      async () => pg.postgres?.stop(),
    ]);
  else describe.skip(NO_POSTGRES, () => it('needs PostgreSQL', () => undefined));
}

describe.each(STORES)('the inbox page on %s', (_name, openStore, stopStore) => {
  let store: Store;
  let server: Server;
  let seeded: Seeded;
  let chats: Chat[];

  beforeAll(async () => {
    store = await openStore();
    seeded = await seed(store);
    server = await startInboxServer(store);
    // Threads as a visitor's widget makes them, through the ChatKit protocol.
    chats = [];
    for (const text of CHATS) chats.push(await server.visitorSays(text));
  });
  afterAll(async () => {
    await server?.close();
    await store?.close?.();
    await stopStore();
  });

  it('shows a readable error for a wrong credential, then signs in and lists threads newest first with paging', async () => {
    const watched = await open(server);
    const { page } = watched;
    await signIn(page, 'not-the-credential-but-long-enough');
    await page.waitForFunction(() => /not accepted/.test(document.querySelector('[role="alert"]')?.textContent ?? ''));
    expect(await page.$eval('#credential', (input) => input.getAttribute('aria-invalid'))).toBe('true');

    await page.$eval('#credential', (input) => ((input as HTMLInputElement).value = ''));
    await signIn(page);
    await page.waitForSelector('button.thread');
    const total = BULK + 5 + CHATS.length;
    expect(await rowCount(page)).toBe(50);
    // Newest first: the visitors' chats, then the seeded threads in reverse order.
    expect(await page.$$eval('button.thread', (rows, n) => rows.slice(0, n).map((row) => row.dataset.thread), CHATS.length)).toEqual(
      chats.map((chat) => chat.thread).reverse(),
    );
    expect((await titles(page)).slice(CHATS.length, CHATS.length + 3)).toEqual(['Shipping abroad', HOSTILE.title, 'Every kind of item']);
    await page.click('button.more');
    await page.waitForFunction((n) => document.querySelectorAll('button.thread').length === n, {}, total);
    expect(await page.$('button.more')).toBeNull();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    expect(page.url()).not.toContain(CREDENTIAL);
    // A reload keeps the tab signed in; signing out forgets the credential.
    await page.reload();
    await page.waitForSelector('button.thread');
    await page.click('xpath/.//button[contains(., "Sign out")]');
    await page.waitForFunction(() => document.activeElement?.id === 'credential');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.$('button.thread')).toBeNull();
    await assertClean(watched, server);
  });

  it('searches, filters by date, opens a transcript and exports both formats', async () => {
    const watched = await open(server);
    const { page } = watched;
    const nextDownload = await downloads(mkdtempSync(join(dir, 'downloads-')));
    await signIn(page);
    await page.waitForSelector('button.thread');

    await page.type('#search', 'NORWAY');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 1);
    expect(await titles(page)).toEqual(['Shipping abroad']);

    await page.click('button.thread');
    await page.waitForSelector('#transcript-heading');
    expect(await page.$eval('#transcript-heading', (node) => node.textContent)).toBe('Shipping abroad');
    expect(await page.$$eval('.transcript .entry .text', (nodes) => nodes.map((node) => node.textContent))).toEqual([
      'Do you ship to Norway?',
      'Yes, in five days.',
    ]);

    let download = nextDownload();
    const jsonl = page.waitForResponse((response) => response.url().includes('/admin/api/export.jsonl'));
    await page.click('xpath/.//button[contains(., "Export JSON Lines")]');
    expect((await jsonl).url()).toContain('search=NORWAY');
    const saved = await download;
    expect(saved.name).toBe('threads.jsonl');
    const rows = saved.content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.user, row.thread.title, row.items.length])).toEqual([[seeded.norway.user, 'Shipping abroad', 2]]);

    // Dates: the bulk threads are in January 2026; the 20th to the 21st holds four.
    await page.$eval('#search', (input) => ((input as HTMLInputElement).value = ''));
    await page.$eval('#from', (input) => ((input as HTMLInputElement).value = '2026-01-20'));
    await page.$eval('#to', (input) => ((input as HTMLInputElement).value = '2026-01-21'));
    await page.click('xpath/.//button[contains(., "Apply")]');
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length !== 1);
    const expected = (await (await server.admin(`/threads?limit=100&${await page.evaluate(filterQuery)}`)).json()) as { data: unknown[] };
    expect(expected.data.length).toBeGreaterThan(0);
    expect(await rowCount(page)).toBe(expected.data.length);
    expect((await titles(page)).every((title) => title?.startsWith('Order question'))).toBe(true);

    download = nextDownload();
    await page.click('xpath/.//button[contains(., "Export CSV")]');
    const csv = await download;
    expect(csv.name).toBe('threads.csv');
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toMatch(/^thread_id,user,created_at,title,first_message/);
    expect(lines).toHaveLength(expected.data.length + 1);
    await waitForStatus(page, /Exported threads\.csv/);
    await assertClean(watched, server);
  });

  it('filters by feedback, counts it per thread, marks it on the message and exports it', async () => {
    const [coat, thanks] = chats as [Chat, Chat];
    await coat.rate('negative');
    await thanks.rate('positive');
    const watched = await open(server);
    const { page } = watched;
    await signIn(page);
    await page.waitForSelector('#feedback');
    await page.select('#feedback', 'negative');
    await page.click('xpath/.//button[contains(., "Apply")]');
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 1);
    expect(await page.$eval('button.thread', (row) => row.dataset.thread)).toBe(coat.thread);
    expect(await page.$eval('button.thread .feedback-counts', (node) => node.textContent)).toBe('Feedback: 0 positive, 1 negative');

    await page.click('button.thread');
    await page.waitForSelector('#transcript-heading');
    expect(
      await page.$$eval('.transcript [data-feedback]', (marks) =>
        marks.map((mark) => [mark.closest('.entry')!.getAttribute('data-item'), mark.textContent]),
      ),
    ).toEqual([[coat.answer, 'Rated unhelpful']]);

    const nextDownload = await downloads(mkdtempSync(join(dir, 'downloads-')));
    const download = nextDownload();
    const jsonl = page.waitForResponse((response) => response.url().includes('/admin/api/export.jsonl'));
    await page.click('xpath/.//button[contains(., "Export JSON Lines")]');
    expect(new URL((await jsonl).url()).searchParams.get('feedback')).toBe('negative');
    const rows = (await download).content
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.thread.id, row.feedback])).toEqual([[coat.thread, { [coat.answer]: 'negative' }]]);

    await page.select('#feedback', 'positive');
    await page.click('xpath/.//button[contains(., "Apply")]');
    await page.waitForFunction((id) => document.querySelector('button.thread')?.getAttribute('data-thread') === id, {}, thanks.thread);
    expect(await rowCount(page)).toBe(1);
    await assertClean(watched, server);
  });

  it('erases a thread and a visitor only after confirming, and cancelling deletes nothing', async () => {
    const watched = await open(server);
    const { page } = watched;
    await signIn(page);
    await page.waitForSelector('button.thread');
    await page.type('#search', 'gift cards');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 1);
    await page.click('button.thread');
    await page.waitForSelector('#transcript-heading');

    // Cancel: the dialog closes, the thread stays.
    await page.click('xpath/.//button[contains(., "Delete this thread")]');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog button[value="cancel"]');
    await page.waitForSelector('dialog:not([open])');
    await waitForStatus(page, /Nothing was deleted/);
    expect((await (await server.admin(`/threads?search=gift`)).json()).data).toHaveLength(1);

    // Erase the visitor: both of Alice's threads go.
    await page.click('xpath/.//button[contains(., "Delete everything of this visitor")]');
    await page.waitForSelector('dialog[open]');
    expect(await page.$eval('#confirm-message', (node) => node.textContent)).toContain(seeded.alice.user);
    await page.click('dialog button[value="confirm"]');
    await waitForStatus(page, /Deleted 2 threads/);
    expect(await page.$('#transcript-heading')).toBeNull();
    const after = (await (await server.admin('/threads?limit=100')).json()) as { data: Array<{ user: string }> };
    expect(after.data.filter((row) => row.user === seeded.alice.user)).toEqual([]);

    // Erase one thread.
    await page.$eval('#search', (input) => ((input as HTMLInputElement).value = 'every kind'));
    await page.click('xpath/.//button[contains(., "Apply")]');
    await page.waitForFunction(() => document.querySelector('button.thread .title')?.textContent === 'Every kind of item');
    await page.click('button.thread');
    await page.waitForSelector('#transcript-heading');
    await page.click('xpath/.//button[contains(., "Delete this thread")]');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog button[value="confirm"]');
    await waitForStatus(page, /Deleted 1 thread\./);
    expect(await rowCount(page)).toBe(0);
    expect((await server.admin(`/threads/${seeded.rich.user}/${seeded.rich.thread}/items`)).status).toBe(404);
    await assertClean(watched, server);
  });
});

describe('the inbox page after an erase', () => {
  let store: Store;
  let server: Server;

  beforeAll(async () => {
    store = await SqliteStore.open(join(dir, 'inbox-erase.sqlite'));
    await seed(store);
    server = await startInboxServer(store);
  });
  afterAll(async () => {
    await server?.close();
    await store?.close?.();
  });

  /** The ids of every thread the API still has, newest first. */
  const remaining = async () =>
    ((await (await server.admin('/threads?limit=100')).json()) as { data: Array<{ thread: { id: string } }> }).data.map(
      (row) => row.thread.id,
    );
  const shownIds = (page: Page) => page.$$eval('button.thread', (rows) => rows.map((row) => row.dataset.thread));

  /** Opens the last loaded row (the one the next page starts after), then erases it or its visitor. */
  async function eraseLastRow(page: Page, button: string) {
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 50);
    const last = (await shownIds(page)).at(-1)!;
    await page.click(`button.thread[data-thread="${last}"]`);
    await page.waitForSelector('#transcript-heading');
    await page.click(`xpath/.//button[contains(., "${button}")]`);
    await page.waitForSelector('dialog[open]');
    await page.click('dialog button[value="confirm"]');
    await waitForStatus(page, /Deleted \d+ threads?\./);
  }

  it('still loads the rest with Load more after erasing the last loaded thread, then its visitor', async () => {
    const watched = await open(server);
    const { page } = watched;
    await signIn(page);
    await eraseLastRow(page, 'Delete this thread');
    await page.click('button.more');
    const afterThread = await remaining();
    expect(afterThread).toHaveLength(BULK + 5 - 1);
    await page.waitForFunction((n) => document.querySelectorAll('button.thread').length === n, {}, afterThread.length);
    expect(await shownIds(page)).toEqual(afterThread);

    await page.reload();
    await eraseLastRow(page, 'Delete everything of this visitor');
    await page.click('button.more');
    const afterVisitor = await remaining();
    expect(afterVisitor.length).toBeLessThan(afterThread.length - 1);
    await page.waitForFunction((n) => document.querySelectorAll('button.thread').length === n, {}, afterVisitor.length);
    expect(await shownIds(page)).toEqual(afterVisitor);
    expect(await page.$('button.more')).toBeNull();
    await assertClean(watched, server);
  });
});

/** The page's current filters as the API's query (the same the page sends). */
function filterQuery(): string {
  const from = (document.querySelector('#from') as HTMLInputElement).value;
  const to = (document.querySelector('#to') as HTMLInputElement).value;
  const day = (value: string, plus: number) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d + plus).toISOString();
  };
  return new URLSearchParams({ from: day(from, 0), to: day(to, 1) }).toString();
}

/** The elements the transcript's templates write; any other one came out of a text. */
const TRANSCRIPT_TAGS = ['li', 'p', 'span', 'time', 'blockquote', 'ul', 'a', 'pre', 'dl', 'dt', 'dd'];
/** Likewise for the whole page. */
const PAGE_TAGS = new Set([
  ...TRANSCRIPT_TAGS,
  ...['header', 'h1', 'h2', 'button', 'main', 'section', 'div', 'form', 'label', 'input', 'select', 'option', 'ol', 'dialog'],
  ...['inbox-filters', 'inbox-thread-list', 'inbox-transcript', 'inbox-confirm'],
]);

describe('the inbox page: safety, accessibility, keyboard and phone', () => {
  let store: Store;
  let server: Server;
  let seeded: Seeded;

  beforeAll(async () => {
    store = await SqliteStore.open(join(dir, 'inbox-a11y.sqlite'));
    seeded = await seed(store);
    // A reader's thumbs up, so the transcript's axe check sees a feedback mark.
    await store.saveFeedback(seeded.rich.thread, ['msg_rich_2'], 'positive', { user: seeded.rich.user });
    server = await startInboxServer(store);
  });
  afterAll(async () => {
    await server?.close();
    await store?.close?.();
  });

  it('serves the page with a strict CSP, no-store and nosniff, and nothing without the admin API', async () => {
    for (const path of ['/admin/', '/admin/inbox.js', '/admin/inbox.css']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(INBOX_CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await fetch(`${server.url}/admin`, { redirect: 'manual' })).headers.get('location')).toBe('/admin/');
    // The page's files hold no data; the data stays behind the credential.
    expect((await fetch(`${server.url}/admin/api/threads`)).status).toBe(401);
  });

  it('shows every hostile text (titles, messages, names, widgets, tool output, tasks, answers, labels) as text', async () => {
    const watched = await open(server);
    const { page } = watched;
    await signIn(page);
    await page.waitForSelector('button.thread');
    await page.click(`button.thread[data-thread="${seeded.hostile.thread}"]`);
    await page.waitForSelector('#transcript-heading');
    const shown = await page.$eval('inbox-app', (app) => app.textContent ?? '');
    // Every text a visitor, a tool or a model can write, shown as the text it is (the URL is tested as a link below).
    for (const [name, text] of Object.entries(HOSTILE).filter(([name]) => name !== 'url')) expect(shown, name).toContain(text);
    // No element came out of the texts: every tag in the page is one the page itself writes.
    const tags = await page.$$eval('inbox-app *', (nodes) => [...new Set(nodes.map((node) => node.localName))]);
    expect(tags.filter((tag) => !PAGE_TAGS.has(tag))).toEqual([]);
    const transcriptTags = await page.$$eval('.transcript *', (nodes) => [...new Set(nodes.map((node) => node.localName))]);
    expect(transcriptTags.filter((tag) => !TRANSCRIPT_TAGS.includes(tag))).toEqual([]);
    expect(await page.title()).toBe('Conversations');
    const hrefs = await page.$$eval('inbox-app a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^https?:/.test(href))).toEqual([]);
    await assertClean(watched, server);
  });

  it('reads every kind of item: attachments as links, sources, tool calls, workflow tasks, widgets', async () => {
    const watched = await open(server);
    const { page } = watched;
    await signIn(page);
    await page.waitForSelector('button.thread');
    await page.click(`button.thread[data-thread="${seeded.rich.thread}"]`);
    await page.waitForSelector('#transcript-heading');
    const links = await page.$$eval('.transcript a', (nodes) =>
      nodes.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]),
    );
    expect(links).toEqual([
      ['receipt.png', 'https://files.example.com/receipt.png', 'noopener noreferrer'],
      ['Refund policy', 'https://shop.example.com/refunds', 'noopener noreferrer'],
    ]);
    const text = await page.$eval('.transcript', (node) => node.textContent!.replace(/\s+/g, ' '));
    for (const expected of [
      'invoice.pdf',
      'Tool call: lookup_order (completed)',
      '"order": 1042',
      '"shipped": true',
      'Workflow: Checked the order',
      'Found the order',
      'Order 1042, two items',
      'Searched: parcel 1042 status',
      'Task: Thinking',
      'The parcel left the warehouse.',
      'Card widget',
      'Refund of 42 EUR',
      'Track parcel',
    ])
      expect(text).toContain(expected);
    await assertClean(watched, server);
  });

  it('asks about the thread shown, by visitor, id and date, even when another finishes loading meanwhile', async () => {
    const watched = await open(server);
    const { page } = watched;
    await markReads(page);
    await signIn(page);
    await page.waitForSelector('button.thread');
    await page.click(`button.thread[data-thread="${seeded.norway.thread}"]`);
    await page.waitForFunction(() => document.querySelector('#transcript-heading')?.textContent === 'Shipping abroad');
    const started = await page.$eval('.thread-facts time', (node) => node.textContent!);

    // Another thread is chosen, its answer held back until the question is up.
    const held = holdRequest(page, `/${seeded.rich.thread}/items`);
    await page.click(`button.thread[data-thread="${seeded.rich.thread}"]`);
    const release = await held;
    await page.click('xpath/.//button[contains(., "Delete this thread")]');
    await page.waitForSelector('dialog[open]');
    await release();
    await bodyRead(page, seeded.rich.thread);
    expect(await page.$eval('#transcript-heading', (node) => node.textContent)).toBe('Shipping abroad');
    const asked = await page.$eval('#confirm-message', (node) => node.textContent!);
    for (const fact of [seeded.norway.user, seeded.norway.thread, started]) expect(asked).toContain(fact);
    await page.click('dialog button[value="cancel"]');
    await waitForStatus(page, /Nothing was deleted/);

    await page.click('xpath/.//button[contains(., "Delete everything of this visitor")]');
    await page.waitForSelector('dialog[open]');
    const visitor = await page.$eval('#confirm-message', (node) => node.textContent!);
    for (const fact of [seeded.norway.user, seeded.norway.thread, started]) expect(visitor).toContain(fact);
    await page.keyboard.press('Escape');
    await waitForStatus(page, /Nothing was deleted/);
    expect((await server.admin(`/threads/${seeded.norway.user}/${seeded.norway.thread}/items`)).status).toBe(200);
    expect((await server.admin(`/threads/${seeded.rich.user}/${seeded.rich.thread}/items`)).status).toBe(200);
    await assertClean(watched, server);
  });

  it('reads a thread of malformed items (an old store, a custom responder) without breaking the page', async () => {
    const odd = { user: 'visitor-odd' };
    const id = 'thr_malformed';
    await store.saveThread(
      { id, title: 'Malformed items', created_at: new Date().toISOString(), status: { type: 'active' }, metadata: {} },
      odd,
    );
    const lit = { _$litType$: 1, strings: ['<img src=x>'], values: [] };
    const malformed = [
      {
        id: 'odd_1',
        type: 'assistant_message',
        content: [{ type: 'output_text', text: 'Answer without sources', annotations: [{ type: 'annotation' }] }],
      },
      { id: 'odd_2', type: 'widget' },
      { id: 'odd_3', type: 'workflow' },
      { id: 'odd_4', type: 'client_tool_call', name: 'lookup', status: 'completed', output: lit },
      { id: 'odd_5', type: 'user_message', content: [{ type: 'input_text', text: lit }] },
    ];
    for (const item of malformed)
      await store.addThreadItem(id, { ...item, thread_id: id, created_at: new Date().toISOString() } as unknown as ThreadItem, odd);
    const watched = await open(server);
    const { page } = watched;
    await signIn(page);
    await page.waitForSelector(`button.thread[data-thread="${id}"]`);
    await page.click(`button.thread[data-thread="${id}"]`);
    await page.waitForFunction(() => document.querySelector('#transcript-heading')?.textContent === 'Malformed items');
    const text = await page.$eval('.transcript', (node) => node.textContent!.replace(/\s+/g, ' '));
    for (const expected of [
      'Answer without sources',
      'Unknown widget',
      'Workflow: Workflow',
      'Tool call: lookup (completed)',
      '_$litType$',
    ])
      expect(text).toContain(expected);
    expect(await page.$$eval('.transcript img', (nodes) => nodes.length)).toBe(0);
    // The page still works: another thread opens.
    await page.click(`button.thread[data-thread="${seeded.norway.thread}"]`);
    await page.waitForFunction(() => document.querySelector('#transcript-heading')?.textContent === 'Shipping abroad');
    await assertClean(watched, server);
  });

  it('keeps the filters of the rows shown when Apply fails: Load more and Export do not take the new ones', async () => {
    const watched = await open(server);
    const { page } = watched;
    const nextDownload = await downloads(mkdtempSync(join(dir, 'downloads-')));
    await signIn(page);
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 50);
    const all = ((await (await server.admin('/threads?limit=100')).json()) as { data: unknown[] }).data.length;
    const failing = holdRequest(page, 'search=zzz', {
      status: 503,
      body: { error: { code: 'store_unavailable', message: 'The chat store is not answering; try again shortly.' } },
    });
    await page.type('#search', 'zzz');
    await page.keyboard.press('Enter');
    await (
      await failing
    )();
    await waitForStatus(page, /not answering/);
    expect(await rowCount(page)).toBe(50);

    const more = page.waitForRequest((request) => request.url().includes('/admin/api/threads?'));
    await page.click('button.more');
    expect(new URL((await more).url()).searchParams.has('search')).toBe(false);
    await page.waitForFunction((n) => document.querySelectorAll('button.thread').length === n, {}, all);

    const download = nextDownload();
    const exported = page.waitForRequest((request) => request.url().includes('/admin/api/export.jsonl'));
    await page.click('xpath/.//button[contains(., "Export JSON Lines")]');
    expect(new URL((await exported).url()).searchParams.has('search')).toBe(false);
    expect((await download).content.trim().split('\n')).toHaveLength(all);
    await assertClean(watched, server);
  });

  it('drops what is still loading on sign-out: a thread opening, an export', async () => {
    const watched = await open(server);
    const { page } = watched;
    const nextDownload = await downloads(mkdtempSync(join(dir, 'downloads-')));
    await markReads(page);
    const signOut = async () => {
      await page.click('xpath/.//button[contains(., "Sign out")]');
      await page.waitForFunction(() => document.activeElement?.id === 'credential');
    };

    await signIn(page);
    await page.waitForSelector('button.thread');
    const opening = holdRequest(page, `/${seeded.norway.thread}/items`);
    await page.click(`button.thread[data-thread="${seeded.norway.thread}"]`);
    const releaseOpening = await opening;
    await signOut();
    await releaseOpening();
    await bodyRead(page, seeded.norway.thread);
    expect(await page.$eval('[role="status"]', (node) => node.textContent)).toBe('Signed out.');
    await signIn(page);
    await page.waitForSelector('button.thread');
    expect(await page.$('#transcript-heading')).toBeNull();

    const exporting = holdRequest(page, '/export.jsonl');
    await page.click('xpath/.//button[contains(., "Export JSON Lines")]');
    const releaseExport = await exporting;
    await signOut();
    await releaseExport();
    await bodyRead(page, '/export.jsonl');
    expect(await page.$eval('[role="status"]', (node) => node.textContent)).toBe('Signed out.');
    // The only download of this browser from now on is the next one asked for: none came of the dropped export.
    const download = nextDownload();
    await signIn(page);
    await page.waitForSelector('button.thread');
    await page.type('#search', 'norway');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 1);
    await page.click('xpath/.//button[contains(., "Export JSON Lines")]');
    expect((await download).content.trim().split('\n')).toHaveLength(1);
    await assertClean(watched, server);
  });

  it('forgets the saved credential on a 401 only, not when the server is down, and offers no autofill', async () => {
    const watched = await open(server);
    const { page } = watched;
    expect(await page.$eval('#credential', (input) => input.getAttribute('autocomplete'))).toBe('off');
    await signIn(page);
    await page.waitForSelector('button.thread');

    // The server answers 503 to the reload's sign-in: the credential stays for the next one.
    const down = holdRequest(page, '/admin/api/threads', {
      status: 503,
      body: { error: { code: 'store_unavailable', message: 'The chat store is not answering; try again shortly.' } },
    });
    await page.reload();
    await (
      await down
    )();
    await page.waitForFunction(() => /not answering/.test(document.querySelector('[role="alert"]')?.textContent ?? ''));
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    await page.reload();
    await page.waitForSelector('button.thread');

    // A credential the server refuses is forgotten.
    await page.evaluate(() => sessionStorage.setItem(sessionStorage.key(0)!, 'not-the-credential-but-long-enough'));
    await page.reload();
    await page.waitForFunction(() => /not accepted/.test(document.querySelector('[role="alert"]')?.textContent ?? ''));
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await assertClean(watched, server);
  });

  it('has no axe violations signed out, listing, reading and confirming', async () => {
    const watched = await open(server);
    const { page } = watched;
    await axe(page, 'signed-out');
    await signIn(page, 'wrong-credential-wrong-credential');
    await page.waitForFunction(() => /not accepted/.test(document.querySelector('[role="alert"]')?.textContent ?? ''));
    await axe(page, 'login error');
    await page.$eval('#credential', (input) => ((input as HTMLInputElement).value = ''));
    await signIn(page);
    await page.waitForSelector('button.thread');
    await axe(page, 'list');
    await page.click(`button.thread[data-thread="${seeded.rich.thread}"]`);
    await page.waitForSelector('#transcript-heading');
    await page.waitForSelector('.mark.positive');
    await axe(page, 'transcript');
    await page.click('xpath/.//button[contains(., "Delete this thread")]');
    await page.waitForSelector('dialog[open]');
    await axe(page, 'dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog:not([open])');
    await assertClean(watched, server);
  });

  it('works with the keyboard: search, open a thread, open and cancel the dialog with focus returned', async () => {
    const watched = await open(server);
    const { page } = watched;
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');
    const tabTo = async (test: string, back = false) => {
      for (let i = 0; i < 40; i++) {
        if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, test)) return;
        if (back) await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        if (back) await page.keyboard.up('Shift');
      }
      throw new Error(`Tab never reached ${test}; focus is on ${await focused()}`);
    };
    await page.keyboard.press('Tab');
    await tabTo('#credential');
    await page.keyboard.type(CREDENTIAL);
    await page.keyboard.press('Enter');
    await page.waitForSelector('button.thread');
    // Signed in, focus is on the list's heading; the search is before it.
    await tabTo('#search', true);
    await page.keyboard.type('norway');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('button.thread').length === 1);
    await tabTo('button.thread');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'transcript-heading');
    await tabTo('button.danger');
    expect(await focused()).toBe('Delete this thread');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog:not([open])');
    expect(await focused()).toBe('Delete this thread');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    await page.keyboard.press('Enter'); // Cancel has focus: Enter cancels.
    await page.waitForSelector('dialog:not([open])');
    await waitForStatus(page, /Nothing was deleted/);
    expect((await server.admin(`/threads/${seeded.norway.user}/${seeded.norway.thread}/items`)).status).toBe(200);
    await assertClean(watched, server);
  });

  it('fits a phone: at 375 px the page never scrolls sideways', async () => {
    const watched = await open(server, { width: 375, height: 740 });
    const { page } = watched;
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await signIn(page);
    await page.waitForSelector('button.thread');
    expect(await fits()).toBe(true);
    await page.click(`button.thread[data-thread="${seeded.hostile.thread}"]`);
    await page.waitForSelector('#transcript-heading');
    expect(await fits()).toBe(true);
    // On a phone the list gives way to the thread, with a way back to the same row.
    expect(await page.$eval('.list-pane', (pane) => getComputedStyle(pane).display)).toBe('none');
    await page.click('button.back');
    await page.waitForFunction((id) => (document.activeElement as HTMLElement | null)?.dataset.thread === id, {}, seeded.hostile.thread);
    await page.click(`button.thread[data-thread="${seeded.rich.thread}"]`);
    await page.waitForSelector('#transcript-heading');
    expect(await fits()).toBe(true);
    await assertClean(watched, server);
  });
});

describe('serve --admin', () => {
  const serve = (args: string[], env: Record<string, string> = {}) =>
    startServerProcess(
      ['dist/cli/bin.js', 'serve', '--port', '0', '--offline', '--data', 'memory:', ...args],
      { OPENAI_API_KEY: '', CHATKIT_WORKFLOW_ID: '', CHATKIT_ADMIN_TOKEN: '', ...env },
      /on (http:\/\/[\d.]+:\d+)/,
      'GET  /health',
    );

  it('serves the page with --admin and the credential from the environment, and nothing without', async () => {
    const off = await serve([]);
    try {
      expect((await fetch(`${off.base}/admin/`)).status).toBe(404);
      expect((await fetch(`${off.base}/admin/inbox.js`)).status).toBe(404);
    } finally {
      off.child.kill();
    }
    const on = await serve(['--admin'], { CHATKIT_ADMIN_TOKEN: CREDENTIAL });
    try {
      const page = await fetch(`${on.base}/admin/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(INBOX_CSP);
      expect(await page.text()).toContain('<inbox-app>');
      expect((await fetch(`${on.base}/admin/api/threads`)).status).toBe(401);
      expect((await fetch(`${on.base}/admin/api/threads`, { headers: { authorization: `Bearer ${CREDENTIAL}` } })).status).toBe(200);
    } finally {
      on.child.kill();
    }
  });
});
