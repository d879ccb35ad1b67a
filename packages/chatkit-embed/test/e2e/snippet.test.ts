// The one-tag install as a site owner gets it: the built script-tag files on a plain
// static file server (no module resolution, no transforms), a page holding only the
// snippet, and Chromium driven over the DevTools protocol with real input.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_ARGS, HOW_TO_GET_CHROME, findChrome } from '../../../../scripts/find-chrome.mjs';
import { listenOnLoopback } from '../../../../scripts/loopback.mjs';
import { strings as german } from '../../src/i18n/locales/de.js';

const NONCE = 'sn1ppetN0nce';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

let root: string;
let site: { url: string; close(): Promise<void> };
let browser: Browser;
/** Session requests, in arrival order. */
const sessions: string[] = [];
/** Every path the site served, in arrival order. */
const served: string[] = [];

beforeAll(async () => {
  const chrome = findChrome();
  if (!chrome) throw new Error(HOW_TO_GET_CHROME);
  root = mkdtempSync(join(tmpdir(), 'chatkit-embed-site-'));
  for (const file of ['chatkit-embed.js', 'chatkit-embed-core.js']) copyFileSync(join('dist/cdn', file), join(root, file));
  cpSync('dist/cdn/locales', join(root, 'locales'), { recursive: true });
  // The same bundle with its translations missing, as a careless copy would leave it.
  mkdirSync(join(root, 'bare'));
  for (const file of ['chatkit-embed.js', 'chatkit-embed-core.js']) copyFileSync(join('dist/cdn', file), join(root, 'bare', file));
  const fake = await build({ entryPoints: ['test/fixtures/fake-chatkit.ts'], bundle: true, format: 'iife', write: false });
  writeFileSync(join(root, 'fake-chatkit.js'), fake.outputFiles[0]!.text);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://site');
    served.push(url.pathname);
    if (url.pathname === '/api/session' && req.method === 'POST') {
      for await (const _ of req); // drain the body
      sessions.push(url.search);
      const expiresAt = Math.floor(Date.now() / 1000) + 600;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ client_secret: `ek_${sessions.length}@${expiresAt}`, expires_at: expiresAt }));
    }
    // Only for the queue test: the bundle arrives late, after the page's own script ran.
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    let body: Buffer;
    try {
      body = readFileSync(join(root, url.pathname.replace(/^\/+/, '') || 'index.html'));
    } catch {
      res.writeHead(404);
      return res.end();
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(url.pathname)] ?? 'application/octet-stream' };
    if (url.pathname.startsWith('/csp-')) {
      headers['content-security-policy'] =
        `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'`;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  site = await listenOnLoopback(server);
  browser = await puppeteer.launch({ executablePath: chrome, args: CHROME_ARGS });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The snippet a site owner pastes: the bundle's tag and its data-* attributes. */
function snippet(attributes = '', src = '/chatkit-embed.js'): string {
  return `<script src="${src}" ${attributes} data-session-url="/api/session" data-script-src="/fake-chatkit.js" data-label="Ask us"></script>`;
}

/** Writes a static page; `head` and `body` are raw HTML. */
function sitePage(name: string, { head = '', body = '', lang = 'en' }: { head?: string; body?: string; lang?: string }): string {
  writeFileSync(
    join(root, name),
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body><main><h1>A static page</h1></main>${body}</body></html>`,
  );
  return `${site.url}/${name}`;
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const count = (page: Page) => page.evaluate(() => document.querySelectorAll('chatkit-embed').length);
const stateOf = (page: Page) => page.evaluate(() => document.querySelector('chatkit-embed')?.state);

/** Points at and clicks the launcher button with the real mouse, then waits for a ready chat. */
async function useLauncher(page: Page): Promise<void> {
  const button = await page.waitForFunction(() =>
    document.querySelector('chatkit-embed')?.shadowRoot?.querySelector('[part~="launcher-button"]'),
  );
  await (button as unknown as { click(): Promise<void> }).click();
  await page.waitForFunction(() => document.querySelector('chatkit-embed')?.state === 'ready');
}

describe('the snippet on a static page', () => {
  for (const [variant, where, attributes] of [
    ['async, in <head>', 'head', 'async'],
    ['defer, in <head>', 'head', 'defer'],
    ['plain, at the end of <body>', 'body', ''],
    ['async, at the end of <body>', 'body', 'async'],
  ] as const) {
    it(`mounts one working launcher (${variant})`, async () => {
      const before = sessions.length;
      const url = sitePage(`snippet-${where}-${attributes || 'plain'}.html`, { [where]: snippet(attributes) });
      const page = await open(url);
      await page.waitForFunction(() => document.querySelector('chatkit-embed')?.shadowRoot?.querySelector('button'));
      expect(await count(page)).toBe(1);
      const mounted = await page.evaluate(() => {
        const el = document.querySelector('chatkit-embed')!;
        return { parent: el.parentElement!.tagName, mode: el.mode, label: el.label, state: el.state };
      });
      expect(mounted).toEqual({ parent: 'BODY', mode: 'launcher', label: 'Ask us', state: 'idle' });
      expect(sessions.length, 'no session before intent').toBe(before);
      await useLauncher(page);
      expect(sessions.length).toBe(before + 1);
      expect(await page.evaluate(() => document.querySelector('chatkit-embed')!.opened)).toBe(true);
      await page.close();
    });
  }

  it('works when added after the page loaded, as tag managers do', async () => {
    const page = await open(sitePage('injected.html', {}));
    await page.evaluate(() => {
      const tag = document.createElement('script');
      tag.src = '/chatkit-embed.js';
      tag.dataset.sessionUrl = '/api/session';
      tag.dataset.scriptSrc = '/fake-chatkit.js';
      document.body.append(tag);
    });
    await useLauncher(page);
    expect(await count(page)).toBe(1);
    await page.close();
  });

  it('included twice, gives one launcher', async () => {
    const page = await open(sitePage('twice.html', { head: snippet('async'), body: snippet('defer') + snippet('') }));
    await page.waitForFunction(() => document.querySelector('chatkit-embed')?.shadowRoot?.querySelector('button'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count(page)).toBe(1);
    await useLauncher(page);
    expect(await count(page)).toBe(1);
    await page.close();
  });

  it('takes options from a JSON config block, and reports a broken one without failing', async () => {
    const config = '<script type="application/json" data-chatkit-embed-config>{"composer":{"placeholder":"From JSON"}}</script>';
    const page = await open(sitePage('json.html', { body: config + snippet('async') }));
    await useLauncher(page);
    const placeholder = await page.evaluate(
      () =>
        (
          document.querySelector('chatkit-embed')!.shadowRoot!.querySelector('openai-chatkit') as unknown as {
            options: { composer?: { placeholder?: string } };
          }
        ).options.composer?.placeholder,
    );
    expect(placeholder).toBe('From JSON');
    await page.close();

    const broken = '<script type="application/json" data-chatkit-embed-config>{"composer":</script>';
    const listen = `<script>window.seen=[];window.chatkitEmbed=[['on','chatkit-embed-error',function(e){seen.push(e.detail.code+' '+e.detail.attribute)}]]</script>`;
    const page2 = await open(sitePage('json-broken.html', { body: listen + broken + snippet('async') }));
    await page2.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length > 0);
    expect(await page2.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
      'config-invalid data-chatkit-embed-config',
    ]);
    await useLauncher(page2);
    await page2.close();
  });

  it('runs calls queued before the bundle loaded, in order, once it has', async () => {
    const queue = `<script>
      window.chatkitEmbed = window.chatkitEmbed || [];
      window.log = [];
      chatkitEmbed.push(['on', 'chatkit-embed-ready', function () { log.push('ready') }]);
      chatkitEmbed.push(['open'], ['sendUserMessage', { text: 'one' }]);
      chatkitEmbed.push(['sendUserMessage', { text: 'two' }], ['setThreadId', 'thr_queued']);
      log.push('queued while the bundle is ' + (customElements.get('chatkit-embed') ? 'here' : 'missing'));
    </script>`;
    const page = await open(sitePage('queue.html', { head: queue + snippet('async', '/chatkit-embed.js?delay=300') }));
    await page.waitForFunction(() => document.querySelector('chatkit-embed')?.state === 'ready');
    await page.waitForFunction(
      () =>
        (
          document.querySelector('chatkit-embed')!.shadowRoot!.querySelector('openai-chatkit') as unknown as {
            methodCalls: Array<{ method: string }>;
          }
        ).methodCalls.filter((call) => call.method !== 'focusComposer').length === 3,
    );
    const result = await page.evaluate(() => ({
      log: (window as unknown as { log: string[] }).log,
      opened: document.querySelector('chatkit-embed')!.opened,
      calls: (
        document.querySelector('chatkit-embed')!.shadowRoot!.querySelector('openai-chatkit') as unknown as {
          methodCalls: Array<{ method: string; args: unknown[] }>;
        }
      ).methodCalls
        // Opening also focuses the composer once ready; that call is the element's own.
        .filter((call) => call.method !== 'focusComposer')
        .map((call) => `${call.method} ${JSON.stringify(call.args[0])}`),
      api: typeof (window as unknown as { chatkitEmbed: { toggle?: unknown } }).chatkitEmbed.toggle,
    }));
    expect(result).toEqual({
      log: ['queued while the bundle is missing', 'ready'],
      opened: true,
      calls: ['sendUserMessage {"text":"one"}', 'sendUserMessage {"text":"two"}', 'setThreadId "thr_queued"'],
      api: 'function',
    });
    await page.close();
  });

  it('holds commands for a chat the page renders later, then runs them in order', async () => {
    const page = await open(
      sitePage('late-element.html', {
        head: `<script>window.chatkitEmbed = [['set', 'greeting', 'Queued hello'], ['open']];</script><script src="/chatkit-embed.js"></script>`,
        body: `<script>setTimeout(() => {
          const el = document.createElement('chatkit-embed');
          el.setAttribute('mode', 'launcher');
          el.setAttribute('session-url', '/api/session');
          el.setAttribute('script-src', '/fake-chatkit.js');
          document.querySelector('main').append(el);
        }, 300);</script>`,
      }),
    );
    await page.waitForFunction(() => document.querySelector('chatkit-embed')?.state === 'ready');
    expect(
      await page.evaluate(() => [document.querySelector('chatkit-embed')!.greeting, document.querySelector('chatkit-embed')!.opened]),
    ).toEqual(['Queued hello', true]);
    await page.close();
  });

  it('keeps one element and one conversation across pushState navigation that swaps <body>', async () => {
    const page = await open(sitePage('spa.html', { body: snippet('async') }));
    await useLauncher(page);
    // Away from the button, so nothing but the element itself can restart the chat.
    await page.mouse.move(5, 5);
    await page.evaluate(async () => {
      const el = document.querySelector('chatkit-embed')!;
      (window as unknown as { first: Element }).first = el;
      await el.setThreadId('thr_spa');
      // What Turbo-style navigation does: a new URL, a new <body>, the page's scripts again.
      history.pushState({}, '', '/next-page');
      const body = document.createElement('body');
      body.innerHTML = '<main><h1>Another page</h1></main>';
      document.body.replaceWith(body);
      const again = document.createElement('script');
      again.src = '/chatkit-embed.js';
      again.dataset.sessionUrl = '/api/session';
      again.dataset.scriptSrc = '/fake-chatkit.js';
      document.body.append(again);
      await new Promise((resolve) => again.addEventListener('load', resolve));
    });
    await page.waitForFunction(() => document.querySelector('chatkit-embed')?.state === 'ready');
    const after = await page.evaluate(() => {
      const el = document.querySelector('chatkit-embed')!;
      const chatkit = el.shadowRoot!.querySelector('openai-chatkit') as unknown as { options: { initialThread?: string } };
      return {
        count: document.querySelectorAll('chatkit-embed').length,
        same: el === (window as unknown as { first: Element }).first,
        opened: el.opened,
        thread: chatkit.options.initialThread,
        path: location.pathname,
      };
    });
    expect(after).toEqual({ count: 1, same: true, opened: true, thread: 'thr_spa', path: '/next-page' });
    await page.close();
  });

  it('stays out once the page removes it itself (no new <body>)', async () => {
    const page = await open(sitePage('removed.html', { body: snippet('async') }));
    await page.waitForFunction(() => document.querySelector('chatkit-embed')?.shadowRoot?.querySelector('button'));
    await page.evaluate(() => document.querySelector('chatkit-embed')!.remove());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count(page)).toBe(0);
    await page.close();
  });

  it('speaks the page’s language from a small script of its own, under a strict CSP, with data-strings', async () => {
    const tag = snippet(`async nonce="${NONCE}" data-strings='{"close": "Zu"}'`);
    const page = await open(sitePage('csp-german.html', { head: tag, lang: 'de' }));
    await useLauncher(page);
    const words = await page.evaluate(() => {
      const root = document.querySelector('chatkit-embed')!.shadowRoot!;
      return {
        close: root.querySelector('[part~="close-button"]')!.getAttribute('aria-label'),
        unread: root.querySelector('[part~="unread-indicator"]')!.textContent,
        lang: root.querySelector('[part~="unread-indicator"] span')!.getAttribute('lang'),
      };
    });
    expect(words).toEqual({ close: 'Zu', unread: german.newReply, lang: 'de' });
    expect(german.newReply).not.toBe('New reply');
    expect(served.filter((path) => path.startsWith('/locales/'))).toEqual(['/locales/de.js']);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.close();
  });

  it('a translation that does not load leaves the chat in English, working', async () => {
    const page = await open(sitePage('bare-french.html', { head: snippet('async', '/bare/chatkit-embed.js'), lang: 'fr' }));
    await useLauncher(page);
    // The French texts were asked for and failed (the loader removes a script that failed),
    // so what follows is what the reader keeps, not what shows while they load.
    await expect.poll(() => served.includes('/bare/locales/fr.js')).toBe(true);
    await page.waitForFunction(() => !document.querySelector('script[src$="/bare/locales/fr.js"]'));
    expect(await stateOf(page)).toBe('ready');
    const close = await page.evaluate(() =>
      document.querySelector('chatkit-embed')!.shadowRoot!.querySelector('[part~="close-button"]')!.getAttribute('aria-label'),
    );
    expect(close).toBe('Close chat');
    await page.close();
  });

  it('works under a strict nonce-based CSP with no violations', async () => {
    const tag = snippet(`async nonce="${NONCE}"`);
    const page = await open(sitePage('csp-strict.html', { head: tag }));
    await useLauncher(page);
    expect(await stateOf(page)).toBe('ready');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.close();

    // The policy is really enforced: the same tag without the nonce is blocked and reported.
    const blocked = await open(sitePage('csp-no-nonce.html', { head: snippet('async') }));
    await blocked.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
    expect(await count(blocked)).toBe(0);
    await blocked.close();
  });
});
