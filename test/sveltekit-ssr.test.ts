import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryStore,
  createChatKitServer,
  createTokenHandler,
  createTokenSigner,
  createTokenVerifier,
  offlineResponder,
  route,
} from '../packages/chatkit-embed-server/src/index.js';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';
import { startServerProcess, type ServerProcess } from '../packages/chatkit-embed-server/test/cli-process.js';
import { serve } from '../packages/chatkit-embed-server/test/openai-stand-in.js';

// The SvelteKit example (demo/frameworks/sveltekit, built by `npm run build:examples`)
// renders <chatkit-embed> on the server with adapter-node, then hydrates in Chromium.
// Its chat talks to a real ChatKit server on another loopback port, over CORS.
const APP = 'demo/frameworks/sveltekit/build/index.js';
let app: ServerProcess;
let backend: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(APP), 'run `npm run build:examples` first').toBe(true);
  app = await startServerProcess([APP], { PORT: '0', HOST: '127.0.0.1' }, /Listening on (http:\/\/\S+)/, 'Listening on');
  const appOrigin = new URL(app.base).origin;
  const fake = (
    await build({ entryPoints: ['packages/chatkit-embed/test/fixtures/fake-chatkit.ts'], bundle: true, format: 'iife', write: false })
  ).outputFiles[0]!.text;
  const signer = await createTokenSigner();
  backend = await serve(
    route({
      '/fake.js': async () => new Response(fake, { headers: { 'content-type': 'text/javascript' } }),
      '/token': createTokenHandler({ signer, allowedOrigins: [appOrigin] }),
      '/chatkit': createChatKitServer({
        store: new MemoryStore(),
        authenticate: createTokenVerifier({ jwks: await signer.jwks() }),
        respond: offlineResponder({ delayMs: 0 }),
        allowedOrigins: [appOrigin],
      }),
    }),
  );
  browser = await puppeteer.launch({ executablePath: findChrome()!, args: CHROME_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  app?.child.kill();
});

describe('SvelteKit: server render and hydration', () => {
  it('renders <chatkit-embed> on the server without throwing, then hydrates into a working chat', async () => {
    const query = new URLSearchParams({
      'script-src': `${backend.url}/fake.js`,
      'api-url': `${backend.url}/chatkit`,
      'session-url': `${backend.url}/token`,
    });
    const url = `${app.base}/?${query}`;
    const html = await (await fetch(url)).text();
    expect(html).toContain('<chatkit-embed');
    expect(html).toContain('data-hydrated="false"');

    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('main[data-hydrated="true"]', { timeout: 10_000 });
    await page.click('button');
    await page.waitForFunction(() => document.querySelector('button')?.textContent === 'Clicked 1');
    await page.waitForFunction(() => (document.querySelector('chatkit-embed') as { state?: string } | null)?.state === 'ready', {
      timeout: 10_000,
    });
    expect(await page.$$eval('#log li', (items) => items.map((li) => li.textContent))).toContain('chatkit-embed-ready');
    await page.close();
  }, 90_000);
});
