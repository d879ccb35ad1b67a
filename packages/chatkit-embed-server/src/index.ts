/**
 * chatkit-embed-server: the server side of `<chatkit-embed>` for Node and other Fetch API
 * runtimes. This entry re-exports every part that needs no optional peer, for
 * convenience, and so loads all of them (the OpenAI SDK among them). A server that uses
 * one part loads less through its own entry: `chatkit-embed-server/session`, `/tokens`,
 * `/http`, `/chatkit`, `/sqlite`, `/postgres`, `/standalone`. The Agents SDK adapter and
 * the Agent Builder loader need `@openai/agents`, an optional peer, so they are only in
 * `chatkit-embed-server/agents` and `/workflow`: importing this entry never requires it.
 */
export { createSessionHandler, upstreamError, type SessionHandlerOptions, type WorkflowOptions } from './session/index.js';
export {
  createTokenSigner,
  createTokenHandler,
  createTokenVerifier,
  TokenError,
  type TokenSigner,
  type TokenSignerOptions,
  type TokenHandlerOptions,
  type TokenVerifier,
  type TokenVerifierOptions,
  type TokenErrorCode,
  type VerifiedToken,
  type SessionResponse,
} from './tokens/index.js';
export {
  toNodeHandler,
  toFetchRequest,
  writeNodeResponse,
  route,
  createEndpoint,
  ServerError,
  MemoryRateLimitStore,
  setClientAddress,
  type FetchHandler,
  type NodeAdapterOptions,
  type EndpointOptions,
  type EndpointContext,
  type RateLimitOptions,
  type ServerErrorCode,
  type RateLimitStore,
  type RateLimitRule,
  type Lease,
  type UserCookieOptions,
  type LogEntry,
  type LogHook,
} from './http/index.js';
export * from './protocol/index.js';
export { SqliteStore } from './stores/sqlite.js';
export { PostgresStore, MissingPeerError, type PostgresStoreOptions } from './stores/postgres.js';
export * from './standalone/index.js';
