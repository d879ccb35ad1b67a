// The site owner's inbox page in Chromium on 10,000 threads, in each store: from an
// action to the page showing its result (sign in to the first 50 threads, Load more to
// 100, a search to its 10 threads, a click to a transcript). Median of several runs.
// The page's own weight (its three files, gzip) is measured too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { PostgresStore, SqliteStore, createStandaloneServer, offlineResponder } from 'chatkit-embed-server';
import { toNodeHandler } from 'chatkit-embed-server/http';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';
import { listenOnLoopback } from '../scripts/loopback.mjs';
import { postgresInstalled, startPostgres } from '../scripts/throwaway-postgres.mjs';
import { seed } from './admin.mjs';

const RUNS = 5;
const CREDENTIAL = 'bench-admin-credential-0123456789abcdef';
const PAGE = 'packages/chatkit-embed-server/dist/inbox-page';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** gzip bytes of the page's files. */
export function inboxPageBytes() {
  return ['index.html', 'inbox.js', 'inbox.css'].reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(PAGE, name)), { level: 9 }).length,
    0,
  );
}

async function measure(browser, url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const rows = (n) => page.waitForFunction((count) => document.querySelectorAll('button.thread').length === count, {}, n);
  const timed = async (act, done) => {
    const started = performance.now();
    await act();
    await done();
    return performance.now() - started;
  };
  await page.goto(`${url}/admin/`);
  await page.waitForSelector('#credential');
  await page.type('#credential', CREDENTIAL);
  const signIn = await timed(
    () => page.keyboard.press('Enter'),
    () => rows(50),
  );
  const more = await timed(
    () => page.click('button.more'),
    () => rows(100),
  );
  await page.type('#search', 'norway');
  const search = await timed(
    () => page.keyboard.press('Enter'),
    () => rows(10),
  );
  const open = await timed(
    () => page.click('button.thread'),
    () => page.waitForSelector('#transcript-heading'),
  );
  await page.close();
  return { signIn, more, search, open };
}

export async function inboxBench() {
  const chrome = findChrome();
  if (!chrome) return { skipped: 'no Chrome or Chromium', rows: [] };
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-inbox-bench-'));
  const postgres = postgresInstalled() ? await startPostgres() : undefined;
  const stores = [
    ['SQLite', () => SqliteStore.open(join(dir, 'inbox.sqlite'))],
    ...(postgres ? [['PostgreSQL', () => PostgresStore.open(postgres.url, { schema: `inbox_bench_${process.pid}` })]] : []),
  ];
  const browser = await puppeteer.launch({ executablePath: chrome, args: CHROME_ARGS });
  const rows = [];
  try {
    for (const [name, open] of stores) {
      const store = await open();
      await seed(store);
      const backend = await createStandaloneServer({ chatkit: { store, respond: offlineResponder() }, admin: { credential: CREDENTIAL } });
      const server = await listenOnLoopback(createServer(toNodeHandler(backend.handler)));
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url));
      rows.push({
        store: name,
        ...Object.fromEntries(['signIn', 'more', 'search', 'open'].map((key) => [key, median(runs.map((run) => run[key]))])),
      });
      await server.close();
      await store.close?.();
    }
  } finally {
    await browser.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, bytes: inboxPageBytes() };
}

// `node bench/inbox.mjs`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) console.log(await inboxBench());
