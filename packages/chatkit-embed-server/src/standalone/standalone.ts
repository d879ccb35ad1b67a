/**
 * The server behind `npx chatkit-embed-server serve`, for sites with no backend of their own:
 * one Fetch API handler with
 *   POST /chatkit               a ChatKit-protocol backend (when given `respond`), whose
 *                               requests carry tokens from /api/chatkit/token
 *   POST /api/chatkit/session   hosted client secrets (with an API key and a workflow id)
 *   POST /api/chatkit/token     bearer tokens for the self-hosted backend
 *   GET  /.well-known/jwks.json the token signing key's public half
 *   GET  /health                200 { ok: true }, or 503 when the ChatKit store does not answer
 *   GET  /admin/                the site owner's inbox page, with `admin` only
 *   *    /admin/api/…           the admin API behind its credential, with `admin` only
 */
import type { EndpointOptions } from '../http/endpoint.js';
import { jsonResponse } from '../http/errors.js';
import { hostAllowed, type AllowedHosts } from '../http/host-check.js';
import { safeLogger } from '../http/log.js';
import { MemoryRateLimitStore } from '../http/rate-limiter.js';
import type { WorkflowOptions } from '../session/hosted-sessions.js';
import type { FetchHandler } from '../http/node-adapter.js';
import { route } from '../http/router.js';
import { createTokenHandler, createTokenSigner, createTokenVerifier, type TokenSigner, type TokenSignerOptions } from '../tokens/tokens.js';
import { createChatKitServer, type AttachmentHandler, type ChatKitServerOptions } from '../protocol/chatkit-server.js';
import { isFeedbackStore, type AdminStore, type ChatKitStore, type FeedbackStore, type StoreContext } from '../stores/store.js';
import { createAttachments, type AttachmentsOptions } from '../protocol/attachments.js';

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
   * Attachments for the ChatKit backend: where files are kept (`DiskFileStorage` next to
   * the data, say) and their limits. Served at /chatkit-files (two-phase uploads and
   * previews) and /chatkit-upload (direct uploads).
   */
  files?: Omit<AttachmentsOptions<StoreContext>, 'store' | 'authenticate' | 'filesUrl' | 'limits'>;
  /**
   * The site owner's API over every visitor's conversations, at /admin/api, behind this
   * credential (`Authorization: Bearer …`), and the inbox page that uses it at /admin/.
   * Off without it. Needs a store that implements `AdminStore` and `FeedbackStore`
   * (memory, SQLite, PostgreSQL).
   */
  admin?: { credential: string };
  /**
   * Delete threads older than this many days, with their items and attachments (the
   * uploaded files too, with `files`), at start and every hour (stores that implement
   * `AdminStore`: memory, SQLite, PostgreSQL). Safe with several instances on
   * one database: each deletes what is still there.
   */
  retentionDays?: number;
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
  /** What deletes an attachment's file: the file storage's, or the page's own handler. */
  let attachments: AttachmentHandler<StoreContext> | undefined;
  if (config.chatkit) {
    const configured = config.chatkit.limits;
    // Counted where the session limits are (shared on PostgreSQL), unless given elsewhere.
    // One counter store for /chatkit and the uploads, so both upload strategies share a budget.
    const limits = configured === false ? false : { store: config.rateLimit?.store ?? new MemoryRateLimitStore(), ...configured };
    const authenticate = createTokenVerifier({
      jwks: await signer.jwks(),
      ...(config.tokens?.secret !== undefined && { secret: config.tokens.secret }),
    });
    attachments = config.chatkit.attachments;
    if (config.files) {
      // Files at /chatkit-files (two-phase uploads and previews) and /chatkit-upload (direct).
      const files = createAttachments({
        ...config.files,
        store: config.chatkit.store,
        authenticate,
        filesUrl: '/chatkit-files',
        limits:
          limits === false ? false : { store: limits.store, ...(limits.attachments !== undefined && { attachments: limits.attachments }) },
      });
      attachments = files.handler;
      routes['/chatkit-files/*'] = files.files;
      routes['/chatkit-upload'] = files.upload;
      listed.unshift('POST /chatkit-upload', 'GET  /chatkit-files/…');
    }
    routes['/chatkit'] = createChatKitServer({
      ...config.chatkit,
      ...(attachments && { attachments }),
      limits,
      authenticate,
      ...(config.allowedOrigins && { allowedOrigins: config.allowedOrigins }),
      ...(config.log && { log: config.log }),
    });
    listed.unshift('POST /chatkit');
  }
  // Ready only when the store answers: a load balancer stops sending chats to an
  // instance whose database is gone, instead of seeing 200 while every chat fails.
  const store = config.chatkit?.store as (ChatKitStore & Partial<AdminStore>) | undefined;
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
  const log = safeLogger(config.log);
  if (config.retentionDays !== undefined) {
    if (!(config.retentionDays > 0)) throw new Error(`retentionDays must be above 0, not ${config.retentionDays}.`);
    if (!store?.deleteThreadsCreatedBefore)
      throw new Error('retentionDays needs a ChatKit store that can delete across users (memory, SQLite, PostgreSQL).');
    const days = config.retentionDays;
    const files = attachments;
    if (files && !store.listAttachmentsOfThreadsCreatedBefore)
      throw new Error(
        'retentionDays with attachments needs a store that can list the attachments of old threads (memory, SQLite, PostgreSQL).',
      );
    const sweep = async () => {
      const before = new Date(Date.now() - days * 86_400_000).toISOString();
      // The uploaded files first, then the records that name them: if deleting a file
      // fails, everything is still there for the next sweep to delete.
      if (files) for (const { user, id } of await store.listAttachmentsOfThreadsCreatedBefore!(before)) await files.delete(id, { user });
      const deleted = await store.deleteThreadsCreatedBefore!(before);
      if (deleted) log({ level: 'info', event: 'retention.deleted', message: `${deleted} threads older than ${days} days` });
    };
    // A failure is logged, and the next sweep, an hour later, tries again: a file storage
    // or database that is briefly unreachable does not stop the server from starting.
    const sweepLogged = () =>
      sweep().catch((error: unknown) =>
        log({ level: 'error', event: 'retention.failed', message: String((error as Error)?.message ?? error) }),
      );
    await sweepLogged();
    const timer = setInterval(() => void sweepLogged(), 60 * 60 * 1000);
    (timer as { unref?: () => void }).unref?.();
  }
  if (config.admin) {
    if (!store?.listAllThreads || !isFeedbackStore(store)) {
      throw new Error('admin needs a ChatKit store that can read across users and keeps feedback (memory, SQLite, PostgreSQL).');
    }
    const { createAdminApi } = await import('../admin/admin-api.js');
    const { createInboxPage } = await import('../admin/inbox-page.js');
    routes['/admin/api/*'] = createAdminApi({
      store: store as ChatKitStore & AdminStore & FeedbackStore,
      credential: config.admin.credential,
      ...(config.rateLimit?.store && { rateLimitStore: config.rateLimit.store }),
      ...(config.trustProxy !== undefined && { trustProxy: config.trustProxy }),
      ...(config.log && { log: config.log }),
      // Erasing a visitor deletes their uploaded files too.
      ...(config.files && { files: config.files.storage }),
    });
    // The page's files by exact path, so nothing else under /admin/ reaches it.
    const page = createInboxPage({ basePath: '/admin', apiPath: '/admin/api' });
    for (const path of ['/admin', '/admin/', '/admin/inbox.js', '/admin/inbox.css']) routes[path] = page;
    listed.push('GET  /admin/ (inbox page)', 'GET  /admin/api/… (admin credential)');
  }
  const routed = route(routes);
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
