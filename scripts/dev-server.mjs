// `npm start`: serves the demo pages from the TypeScript sources, with a small dev
// session endpoint. The API key stays in this process; the browser only ever sees
// short-lived client secrets.
import { randomUUID } from 'node:crypto';
import { createServer } from 'vite';

const { OPENAI_API_KEY, CHATKIT_WORKFLOW_ID, CHATKIT_BACKEND_URL } = process.env;
const OPENAI_BASE_URL = process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
const PORT = Number(process.env.PORT ?? 5173);
const hostedReady = Boolean(OPENAI_API_KEY && CHATKIT_WORKFLOW_ID);

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A stable, anonymous id per browser, in an HttpOnly cookie: ChatKit's `user`. */
function userId(req) {
  const match = /(?:^|;\s*)chatkit_demo_user=([\w-]+)/.exec(req.headers.cookie ?? '');
  return match ? { id: match[1], cookie: undefined } : { id: randomUUID(), cookie: true };
}

async function createSession(req, res) {
  if (req.method !== 'POST') return send(res, 405, { error: 'Use POST.' }, { allow: 'POST' });
  if (!hostedReady) {
    // A long Retry-After tells the element not to retry: nothing changes until a restart.
    return send(
      res,
      503,
      { error: 'Hosted mode needs OPENAI_API_KEY and CHATKIT_WORKFLOW_ID in the environment of `npm start`.' },
      { 'retry-after': '86400' },
    );
  }
  const user = userId(req);
  const upstream = await fetch(`${OPENAI_BASE_URL}/chatkit/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${OPENAI_API_KEY}`,
      'content-type': 'application/json',
      'openai-beta': 'chatkit_beta=v1',
    },
    body: JSON.stringify({ user: user.id, workflow: { id: CHATKIT_WORKFLOW_ID } }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
  if (!upstream?.ok) {
    // The upstream body is not passed on: it is OpenAI's, not the page's business.
    console.error(`OpenAI sessions API answered ${upstream?.status ?? 'nothing (network error)'}.`);
    return send(res, 502, { error: 'Could not create a ChatKit session.' });
  }
  const { client_secret, expires_at } = await upstream.json();
  const cookie = user.cookie
    ? { 'set-cookie': `chatkit_demo_user=${user.id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000` }
    : {};
  send(res, 200, { client_secret, expires_at }, cookie);
}

async function proxyBackend(req, res) {
  if (!CHATKIT_BACKEND_URL) {
    return send(res, 501, {
      error: 'No ChatKit server: set CHATKIT_BACKEND_URL to one (for example a chatkit-python server).',
    });
  }
  const body = await new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
  });
  const upstream = await fetch(CHATKIT_BACKEND_URL, {
    method: req.method,
    headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
    body: req.method === 'GET' ? undefined : body,
  }).catch(() => undefined);
  if (!upstream) return send(res, 502, { error: `Could not reach ${CHATKIT_BACKEND_URL}.` });
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  for await (const chunk of upstream.body ?? []) res.write(chunk);
  res.end();
}

const demoApi = {
  name: 'chatkit-embed-demo-api',
  configureServer(server) {
    server.middlewares.use('/api/chatkit/session', (req, res) => void createSession(req, res));
    server.middlewares.use('/api/demo-status', (_req, res) =>
      send(res, 200, { hosted: hostedReady, selfHosted: Boolean(CHATKIT_BACKEND_URL) }),
    );
    server.middlewares.use('/chatkit', (req, res) => void proxyBackend(req, res));
    server.middlewares.use((req, res, next) => {
      if (req.url === '/' || req.url === '/index.html') {
        res.writeHead(302, { location: '/demo/' });
        return res.end();
      }
      next();
    });
  },
};

const server = await createServer({
  configFile: false,
  root: process.cwd(),
  server: { port: PORT, host: '127.0.0.1' },
  plugins: [demoApi],
});
await server.listen();
console.log(`chatkit-embed demo: http://localhost:${server.config.server.port}/demo/`);
console.log(
  hostedReady
    ? 'Hosted mode: sessions are created for workflow ' + CHATKIT_WORKFLOW_ID + '.'
    : 'Hosted mode is off: set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID to try it.',
);
console.log(
  CHATKIT_BACKEND_URL
    ? `Self-hosted mode: /chatkit is proxied to ${CHATKIT_BACKEND_URL}.`
    : 'Self-hosted mode is off: set CHATKIT_BACKEND_URL to a ChatKit server to try it.',
);
