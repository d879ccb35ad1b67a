// `npm start`: serves the demo pages from the TypeScript sources, with session
// endpoints from chatkit-embed/server. The API key stays in this process; the browser
// only ever sees short-lived client secrets.
import { createServer } from 'vite';
import { createSessionHandler, toNodeHandler } from '../dist/server/index.js';

const { OPENAI_API_KEY, CHATKIT_WORKFLOW_ID, CHATKIT_BACKEND_URL } = process.env;
const PORT = Number(process.env.PORT ?? 5173);
const hostedReady = Boolean(OPENAI_API_KEY && CHATKIT_WORKFLOW_ID);
const log = (entry) => console.log(`[session] ${JSON.stringify(entry)}`);

const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const session = hostedReady
  ? createSessionHandler({ workflow: { id: CHATKIT_WORKFLOW_ID }, log })
  : // A long Retry-After tells the element not to retry: nothing changes until a restart.
    async () =>
      json(503, { error: { code: 'not_configured', message: 'Set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID for `npm start`.' } }, { 'retry-after': '86400' });

async function proxyBackend(request) {
  if (!CHATKIT_BACKEND_URL) {
    return json(501, { error: { code: 'not_configured', message: 'Set CHATKIT_BACKEND_URL to a ChatKit server.' } });
  }
  const upstream = await fetch(CHATKIT_BACKEND_URL, {
    method: request.method,
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/json' },
    body: request.method === 'GET' ? undefined : await request.arrayBuffer(),
  }).catch(() => undefined);
  return upstream ?? json(502, { error: { code: 'backend_unreachable', message: `Could not reach ${CHATKIT_BACKEND_URL}.` } });
}

const demoApi = {
  name: 'chatkit-embed-demo-api',
  configureServer(server) {
    server.middlewares.use('/api/chatkit/session', toNodeHandler(session));
    server.middlewares.use('/api/demo-status', toNodeHandler(async () => json(200, { hosted: hostedReady, selfHosted: Boolean(CHATKIT_BACKEND_URL) })));
    server.middlewares.use('/chatkit', toNodeHandler(proxyBackend));
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
    ? `Hosted mode: sessions are created for workflow ${CHATKIT_WORKFLOW_ID}.`
    : 'Hosted mode is off: set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID to try it.',
);
console.log(
  CHATKIT_BACKEND_URL
    ? `Self-hosted mode: /chatkit is proxied to ${CHATKIT_BACKEND_URL}.`
    : 'Self-hosted mode is off: set CHATKIT_BACKEND_URL to a ChatKit server to try it.',
);
