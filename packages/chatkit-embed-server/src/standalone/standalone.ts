/**
 * The server behind `npx chatkit-embed-server serve`, for sites with no backend of their own:
 * one Fetch API handler with
 *   POST /chatkit               a ChatKit-protocol backend (when given `respond`), whose
 *                               requests carry tokens from /api/chatkit/token
 *   POST /api/chatkit/session   hosted client secrets (with an API key and a workflow id)
 *   POST /api/chatkit/token     bearer tokens for the self-hosted backend
 *   GET  /.well-known/jwks.json the token signing key's public half
 *   GET  /health                200 { ok: true }, or 503 when the ChatKit store does not answer
 */
import type { EndpointOptions } from '../http/endpoint.js';
import { jsonResponse } from '../http/errors.js';
import { hostAllowed, type AllowedHosts } from '../http/host-check.js';
import { safeLogger } from '../http/log.js';
import type { WorkflowOptions } from '../session/hosted-sessions.js';
import type { FetchHandler } from '../http/node-adapter.js';
import { route } from '../http/router.js';
import { createTokenHandler, createTokenSigner, createTokenVerifier, type TokenSigner, type TokenSignerOptions } from '../tokens/tokens.js';
import { createChatKitServer, type ChatKitServerOptions } from '../protocol/chatkit-server.js';
import type { StoreContext } from '../stores/store.js';

export interface StandaloneConfig extends EndpointOptions {
  apiKey?: string;
  baseURL?: string;
  /** Hosted sessions are served only with a workflow (and an API key). */
  workflow?: WorkflowOptions;
  tokens?: TokenSignerOptions;
  /** A signer made beforehand (e.g. to verify its tokens elsewhere too); else one from `tokens`. */
  signer?: TokenSigner;
  /**
   * Serve a ChatKit backend at /chatkit: its store, responder and optional handlers.
   * Authentication is by the tokens of /api/chatkit/token; origins and logging are this config's.
   */
  chatkit?: Omit<ChatKitServerOptions<StoreContext>, 'authenticate' | 'allowedOrigins' | 'log'>;
  /**
   * Host names this server answers to besides localhost names and IP addresses, such as
   * its public name behind a proxy (`chat.example.com`); `'*'` answers any. Requests for
   * other names get 421 `host_not_allowed`, which stops DNS rebinding.
   * @default []
   */
  allowedHosts?: AllowedHosts;
}

export interface StandaloneServer {
  handler: (request: Request) => Promise<Response>;
  /** `METHOD path` of each route, for the start-up banner. */
  routes: string[];
  signer: TokenSigner;
}

export async function createStandaloneServer(config: StandaloneConfig): Promise<StandaloneServer> {
  const routes: Record<string, FetchHandler> = {};
  const listed: string[] = [];
  if (config.apiKey && config.workflow?.id) {
    // Loaded only when hosted sessions are on: the OpenAI SDK is the heaviest import here.
    const { createSessionHandler } = await import('../session/hosted-sessions.js');
    routes['/api/chatkit/session'] = createSessionHandler({ ...config, workflow: config.workflow });
    listed.push('POST /api/chatkit/session');
  }
  const signer = config.signer ?? (await createTokenSigner(config.tokens));
  routes['/api/chatkit/token'] = createTokenHandler({ ...config, signer });
  listed.push('POST /api/chatkit/token');
  if ((await signer.jwks()).keys.length) {
    routes['/.well-known/jwks.json'] = signer.jwksHandler();
    listed.push('GET  /.well-known/jwks.json');
  }
  if (config.chatkit) {
    const limits = config.chatkit.limits;
    routes['/chatkit'] = createChatKitServer({
      ...config.chatkit,
      // Counted where the session limits are (shared on PostgreSQL), unless given elsewhere.
      limits: limits === false ? false : { ...(config.rateLimit?.store && { store: config.rateLimit.store }), ...limits },
      authenticate: createTokenVerifier({
        jwks: await signer.jwks(),
        ...(config.tokens?.secret !== undefined && { secret: config.tokens.secret }),
      }),
      ...(config.allowedOrigins && { allowedOrigins: config.allowedOrigins }),
      ...(config.log && { log: config.log }),
    });
    listed.unshift('POST /chatkit');
  }
  // Ready only when the store answers: a load balancer stops sending chats to an
  // instance whose database is gone, instead of seeing 200 while every chat fails.
  const store = config.chatkit?.store;
  routes['/health'] = async () => {
    if (!store?.ping) return jsonResponse(200, { ok: true });
    const reachable = await withTimeout(store.ping(), 3_000).then(
      () => true,
      () => false,
    );
    return reachable
      ? jsonResponse(200, { ok: true, store: 'ok' })
      : jsonResponse(503, { ok: false, store: 'unavailable' }, { 'retry-after': '5' });
  };
  listed.push('GET  /health');
  const routed = route(routes);
  const log = safeLogger(config.log);
  const handler = async (request: Request) => {
    if (!hostAllowed(request, config.allowedHosts)) {
      const host = new URL(request.url).host;
      log({ level: 'warn', event: 'request.rejected', code: 'host_not_allowed', status: 421 });
      return jsonResponse(421, {
        error: {
          code: 'host_not_allowed',
          message: `This server does not answer to ${host}; list it in allowedHosts (serve: --allowed-host).`,
        },
      });
    }
    return routed(request);
  };
  return { handler, routes: listed, signer };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
