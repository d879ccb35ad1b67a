/**
 * A deployed setup on loopback for the doctor and threads tests: a page server on one
 * origin and a standalone server (token endpoint and ChatKit backend with the offline
 * responder) on another, allowed to serve that page. Each piece can be broken on demand.
 */
import { createStandaloneServer, MemoryStore, offlineResponder } from '../src/index.js';
import { serve } from './openai-stand-in.js';
import { parseSse, userText } from './chatkit-client.js';

export interface Page {
  html: string;
  headers: Record<string, string>;
  status: number;
}

export interface Setup {
  pageUrl: string;
  pageOrigin: string;
  /** The standalone server's base URL. */
  base: string;
  sessionUrl: string;
  apiUrl: string;
  /** What the page server answers; tests change it. */
  page: Page;
  close(): Promise<void>;
}

export const healthyHtml = (bundle = '/chatkit-embed.js', nonce?: string) =>
  `<!doctype html><title>Shop</title><script type="module" src="${bundle}"${nonce ? ` nonce="${nonce}"` : ''}></script>` +
  '<chatkit-embed api-url="…" domain-key="domain_pk_localhost_dev"></chatkit-embed>';

export const healthyCsp = (backend: string) =>
  `default-src 'self'; script-src 'self' https://cdn.platform.openai.com; frame-src https://cdn.platform.openai.com; connect-src 'self' ${backend}`;

export async function startSetup(): Promise<Setup> {
  const page: Page = { html: healthyHtml(), headers: {}, status: 200 };
  const pageServer = await serve(
    async () => new Response(page.html, { status: page.status, headers: { 'content-type': 'text/html; charset=utf-8', ...page.headers } }),
  );
  const pageOrigin = new URL(pageServer.url).origin;
  const standalone = await createStandaloneServer({
    allowedOrigins: [pageOrigin],
    chatkit: { store: new MemoryStore(), respond: offlineResponder({ delayMs: 0 }) },
  });
  const backend = await serve(standalone.handler);
  page.headers['content-security-policy'] = healthyCsp(backend.url);
  return {
    pageUrl: `${pageServer.url}/shop`,
    pageOrigin,
    base: backend.url,
    sessionUrl: `${backend.url}/api/chatkit/token`,
    apiUrl: `${backend.url}/chatkit`,
    page,
    async close() {
      await Promise.all([pageServer.close(), backend.close()]);
    },
  };
}

/** A token from the setup's token endpoint, for one new user. */
export async function mintUserToken(setup: Setup): Promise<string> {
  const response = await fetch(setup.sessionUrl, { method: 'POST' });
  return ((await response.json()) as { client_secret: string }).client_secret;
}

/** Starts a thread with `text` as that user, through the ChatKit protocol; returns its id. */
export async function startThread(setup: Setup, token: string, text: string): Promise<string> {
  const response = await fetch(setup.apiUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'threads.create', params: { input: userText(text) } }),
  });
  const events = parseSse(await response.text());
  const created = events.find((event) => event.type === 'thread.created');
  if (created?.type !== 'thread.created') throw new Error(`no thread.created in ${JSON.stringify(events)}`);
  return created.thread.id;
}
