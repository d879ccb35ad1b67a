// `npm start`: serves the demo pages from the TypeScript sources, with the backends
// from chatkit-embed-server:
//   /chatkit               a ChatKit server (SQLite in .data/, offline responder): no API key needed
//   /api/chatkit/token     bearer tokens for it (an anonymous user per browser, by cookie)
//   /api/chatkit/session   hosted-mode client secrets, with OPENAI_API_KEY and CHATKIT_WORKFLOW_ID
// The API key stays in this process; the browser only ever sees short-lived secrets.
import { createServer } from 'vite';
import { createAttachments, MemoryFileStorage, offlineAction, offlineResponder, openStore } from 'chatkit-embed-server/chatkit';
import { toNodeHandler } from 'chatkit-embed-server/http';
import { createStandaloneServer } from 'chatkit-embed-server/standalone';
import { createTokenSigner, createTokenVerifier } from 'chatkit-embed-server/tokens';

const { OPENAI_API_KEY, CHATKIT_WORKFLOW_ID, CHATKIT_BACKEND_URL } = process.env;
const PORT = Number(process.env.PORT ?? 5173);
// A SQLite file by default; DATABASE_URL may name PostgreSQL (postgres://…) or memory:.
const DATA_FILE = process.env.DATABASE_URL ?? process.env.CHATKIT_DATA_FILE ?? '.data/chatkit.sqlite';
const hostedReady = Boolean(OPENAI_API_KEY && CHATKIT_WORKFLOW_ID);
const log = (entry) => console.log(`[server] ${JSON.stringify(entry)}`);

const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

// The same server as `npx chatkit-embed-server serve`, with the demo's extras: attachments
// (two-phase, kept in memory until a restart) and the offline responder's widget action.
const signer = await createTokenSigner();
const store = await openStore(DATA_FILE);
const files = createAttachments({
  store,
  storage: new MemoryFileStorage(),
  authenticate: createTokenVerifier({ jwks: await signer.jwks() }),
  filesUrl: '/chatkit-files',
});
const backend = await createStandaloneServer({
  signer,
  ...(hostedReady && { apiKey: OPENAI_API_KEY, workflow: { id: CHATKIT_WORKFLOW_ID } }),
  chatkit: {
    store,
    // With an API key, a real agent through the Agents SDK; without one, the offline responder.
    respond: OPENAI_API_KEY
      ? (await import('chatkit-embed-server/agents')).agentResponder({
          agent: new (await import('@openai/agents')).Agent({
            name: 'Assistant',
            instructions: 'You are a helpful assistant on a demo page of chatkit-embed. Answer briefly.',
            model: process.env.OPENAI_MODEL ?? 'gpt-4.1-mini',
          }),
          log,
        })
      : offlineResponder(),
    action: offlineAction(),
    attachments: files.handler,
  },
  log,
});

// Without credentials the hosted endpoint says what to set, with a long Retry-After so
// that the element does not retry: nothing changes until a restart.
const session = hostedReady
  ? backend.handler
  : async () =>
      json(
        503,
        { error: { code: 'not_configured', message: 'Set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID for `npm start`.' } },
        { 'retry-after': '86400' },
      );
const chatkit = CHATKIT_BACKEND_URL ? proxyTo(CHATKIT_BACKEND_URL) : backend.handler;

function proxyTo(url) {
  return async (request) => {
    const upstream = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : await request.arrayBuffer(),
    }).catch(() => undefined);
    return upstream ?? json(502, { error: { code: 'backend_unreachable', message: `Could not reach ${url}.` } });
  };
}

const demoApi = {
  name: 'chatkit-embed-demo-api',
  configureServer(server) {
    server.middlewares.use('/api/chatkit/session', toNodeHandler(session));
    server.middlewares.use('/api/chatkit/token', toNodeHandler(backend.handler));
    server.middlewares.use(
      '/api/demo-status',
      toNodeHandler(async () => json(200, { hosted: hostedReady, selfHosted: true })),
    );
    server.middlewares.use('/chatkit-files', toNodeHandler(files.files));
    server.middlewares.use('/chatkit', toNodeHandler(chatkit));
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
const port = server.httpServer.address().port;
console.log(`chatkit-embed demo: http://localhost:${port}/demo/`);
console.log(
  CHATKIT_BACKEND_URL
    ? `Self-hosted: /chatkit is proxied to ${CHATKIT_BACKEND_URL}.`
    : `Self-hosted: /chatkit runs the built-in ChatKit server (${OPENAI_API_KEY ? 'an Agents SDK agent' : 'offline responder'}, data in ${DATA_FILE}).`,
);
console.log(
  hostedReady
    ? `Hosted: sessions are created for workflow ${CHATKIT_WORKFLOW_ID}.`
    : 'Hosted: off (set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID to try it).',
);
const stop = async () => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
