// Browser measurements in Chromium (DevTools protocol through puppeteer-core): host page
// impact of the script-tag bundle, time to a ready chat against the official binding's
// sequential pattern, and memory over mount/unmount cycles. ChatKit's own script cannot
// load here, so a stand-in (the test double) is served with a fixed latency.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';

const LATENCY_MS = 300;
const RUNS = 5;
const CYCLES = 500;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const fake = (
  await build({ entryPoints: ['packages/chatkit-embed/test/fixtures/fake-chatkit.ts'], bundle: true, format: 'iife', write: false })
).outputFiles[0].text;
const bundle = readFileSync('packages/chatkit-embed/dist/cdn/chatkit-embed.js', 'utf8');
const core = readFileSync('packages/chatkit-embed/dist/cdn/chatkit-embed-core.js', 'utf8');

const html = (body, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body>${body}</body></html>`;

const pages = {
  // Host page impact: the bundle and one inline chat, against the same page without them.
  '/empty': () => html('<main><h1>A page</h1><p>Some text.</p></main>'),
  '/inline': () =>
    html(
      '<main><h1>A page</h1><p>Some text.</p><chatkit-embed script-src="/fake.js" session-url="/session"></chatkit-embed></main>',
      '<script src="/chatkit-embed.js"></script>',
    ),
  // The one-tag install: a launcher that loads nothing until the reader shows intent.
  '/launcher': () =>
    html(
      '<main><h1>A page</h1><p>Some text.</p></main><script src="/chatkit-embed.js" async data-script-src="/fake.js" data-session-url="/session"></script>',
    ),
  // Time to a ready chat from intent (pointing at the button), connector included.
  '/launcher-ready': () =>
    html(
      `<script src="/chatkit-embed.js"></script>
       <chatkit-embed mode="launcher" script-src="/fake.js?delay=${LATENCY_MS}" session-url="/session?delay=${LATENCY_MS}"></chatkit-embed>
       <script>
         const el = document.querySelector('chatkit-embed');
         el.addEventListener('pointerover', () => (window.t0 ??= performance.now()));
         el.addEventListener('chatkit.ready', () => (window.readyMs = performance.now() - window.t0));
       </script>`,
    ),
  '/launcher-memory': () =>
    html(
      '<chatkit-embed mode="launcher" script-src="/fake.js" session-url="/session"></chatkit-embed>',
      '<script src="/chatkit-embed.js"></script><script src="/fake.js"></script>',
    ),
  // Time to a ready chat, timed from before our own script loads: ours starts ChatKit's
  // script and the session together. ?script=&session= set the two latencies.
  '/ours': () =>
    html(
      `<script>window.t0 = performance.now();</script>
      <script src="/chatkit-embed.js"></script><script>
        const q = new URLSearchParams(location.search);
        const el = document.createElement('chatkit-embed');
        el.setAttribute('script-src', '/fake.js?delay=' + q.get('script'));
        el.setAttribute('session-url', '/session?delay=' + q.get('session'));
        el.addEventListener('chatkit.ready', () => (window.readyMs = performance.now() - window.t0));
        document.body.append(el);
      </script>`,
    ),
  // The official React binding's pattern: the script first, then options, then the secret.
  '/sequential': () =>
    html(
      `<script>
        const t0 = performance.now();
        const q = new URLSearchParams(location.search);
        const script = document.createElement('script');
        script.src = '/fake.js?delay=' + q.get('script');
        document.head.append(script);
        customElements.whenDefined('openai-chatkit').then(() => {
          const chat = document.createElement('openai-chatkit');
          chat.style.cssText = 'display:block;height:600px';
          chat.addEventListener('chatkit.ready', () => (window.readyMs = performance.now() - t0));
          document.body.append(chat);
          chat.setOptions({ api: { getClientSecret: async () => (await (await fetch('/session?delay=' + q.get('session'), { method: 'POST' })).json()).client_secret } });
        });
      </script>`,
    ),
  '/memory': () => html('<div id="slot"></div>', '<script src="/chatkit-embed.js"></script><script src="/fake.js"></script>'),
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay) await wait(delay);
  if (url.pathname === '/chatkit-embed.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  if (url.pathname === '/chatkit-embed-core.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(core);
  if (url.pathname === '/fake.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(fake);
  if (url.pathname === '/session') {
    req.resume();
    return res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ client_secret: 'ek_bench', expires_at: Math.floor(Date.now() / 1000) + 600 }));
  }
  const page = pages[url.pathname];
  if (page) return res.writeHead(200, { 'content-type': 'text/html' }).end(page());
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

async function pageImpact(browser, path) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    window.__shift = 0;
    window.__longTasks = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shift += e.hadRecentInput ? 0 : e.value))).observe({
      type: 'layout-shift',
      buffered: true,
    });
    new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
  });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await wait(300);
  const { metrics } = await client.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const result = {
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    longTasks: await page.evaluate(() => window.__longTasks),
    layoutShift: await page.evaluate(() => window.__shift),
    requests: requests.length,
    // Requests beyond the page itself and our own script-tag bundle.
    others: requests.filter((p) => p !== path && p !== '/chatkit-embed.js'),
  };
  await page.close();
  return result;
}

async function timeToReady(browser, path) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => window.readyMs !== undefined, { timeout: 10_000 });
    times.push(await page.evaluate(() => window.readyMs));
    await page.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** Median time from pointing at the launcher button to chatkit.ready. */
async function timeToReadyFromIntent(browser) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.goto(`${origin}/launcher-ready`);
    const button = await page.waitForSelector('chatkit-embed >>> [part~="launcher-button"]');
    await button.hover();
    await page.waitForFunction(() => window.readyMs !== undefined, { timeout: 10_000 });
    times.push(await page.evaluate(() => window.readyMs));
    await page.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** Heap after GC, and listeners on window and document. */
async function sampler(page) {
  const client = await page.createCDPSession();
  return async () => {
    await client.send('HeapProfiler.collectGarbage');
    await wait(100);
    await client.send('HeapProfiler.collectGarbage');
    const heap = await client.send('Runtime.getHeapUsage');
    const listeners = async (expression) => {
      const { result } = await client.send('Runtime.evaluate', { expression });
      return (await client.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
    };
    return { heapKb: heap.usedSize / 1024, listeners: (await listeners('window')) + (await listeners('document')) };
  };
}

/** Open/close cycles of one launcher, after its chat is ready. */
async function launcherMemory(browser) {
  const page = await browser.newPage();
  await page.goto(`${origin}/launcher-memory`);
  await page.waitForFunction(() => customElements.get('openai-chatkit') && customElements.get('chatkit-embed'));
  const sample = await sampler(page);
  const cycle = (n) =>
    page.evaluate(async (count) => {
      const el = document.querySelector('chatkit-embed');
      for (let i = 0; i < count; i++) {
        el.open();
        if (el.state !== 'ready') await new Promise((resolve) => el.addEventListener('chatkit-embed-ready', resolve, { once: true }));
        await el.updateComplete;
        el.close();
        await el.updateComplete;
        // The stand-in records every method call (opening focuses the composer); that log
        // is the test double's memory, not the element's.
        el.shadowRoot.querySelector('openai-chatkit').methodCalls.length = 0;
      }
    }, n);
  return measureCycles(page, sample, cycle);
}

async function memory(browser) {
  const page = await browser.newPage();
  await page.goto(`${origin}/memory`);
  await page.waitForFunction(() => customElements.get('openai-chatkit') && customElements.get('chatkit-embed'));
  const sample = await sampler(page);
  const cycle = (n) =>
    page.evaluate(async (count) => {
      const slot = document.getElementById('slot');
      for (let i = 0; i < count; i++) {
        const el = document.createElement('chatkit-embed');
        el.setAttribute('session-url', '/session');
        el.setAttribute('script-src', '/fake.js');
        const ready = new Promise((resolve) => el.addEventListener('chatkit-embed-ready', resolve, { once: true }));
        slot.append(el);
        await ready;
        el.remove();
      }
    }, n);
  return measureCycles(page, sample, cycle);
}

/** Heap and listeners after a warm-up, after CYCLES cycles, and after as many again. */
async function measureCycles(page, sample, cycle) {
  await cycle(50); // warm up
  const before = await sample();
  await cycle(CYCLES);
  const after = await sample();
  // A second batch tells one-time growth (compiled code, caches) from a leak.
  await cycle(CYCLES);
  const again = await sample();
  await page.close();
  return { cycles: CYCLES, before, after, again };
}

export async function browserBench() {
  const executablePath = findChrome();
  if (!executablePath) return { skipped: 'no Chrome or Chromium found (see npm test)' };
  const browser = await puppeteer.launch({ executablePath, args: CHROME_ARGS });
  try {
    const empty = await pageImpact(browser, '/empty');
    const inline = await pageImpact(browser, '/inline');
    const launcher = await pageImpact(browser, '/launcher');
    // Equal latencies are the best case for loading in parallel; a slow script or a slow
    // secret shows what overlapping one with the other is worth when they differ.
    const latencies = [
      { script: LATENCY_MS, session: LATENCY_MS },
      { script: 2 * LATENCY_MS, session: LATENCY_MS / 3 },
      { script: LATENCY_MS / 3, session: 2 * LATENCY_MS },
    ];
    const readiness = [];
    for (const { script, session } of latencies) {
      const query = `?script=${script}&session=${session}`;
      readiness.push({
        script,
        session,
        ours: await timeToReady(browser, `/ours${query}`),
        sequential: await timeToReady(browser, `/sequential${query}`),
      });
    }
    const launcherReady = await timeToReadyFromIntent(browser);
    const mem = await memory(browser);
    const launcherMem = await launcherMemory(browser);
    return {
      empty,
      inline,
      launcher,
      ready: { latencyMs: LATENCY_MS, readiness, launcher: launcherReady },
      memory: mem,
      launcherMemory: launcherMem,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
