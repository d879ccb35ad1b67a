/**
 * `chatkit-embed-server/http`: what every endpoint shares: the Node adapter for Fetch API
 * handlers, a path router, the endpoint wrapper (origins, body limits, rate limits, the
 * anonymous user cookie), errors and logging.
 */
export { toNodeHandler, toFetchRequest, writeNodeResponse, type FetchHandler, type NodeAdapterOptions } from './node-adapter.js';
export { route } from './router.js';
export { createEndpoint, type EndpointOptions, type EndpointContext, type RateLimitOptions } from './endpoint.js';
export { ServerError, type ServerErrorCode } from './errors.js';
export { MemoryRateLimitStore, type RateLimitStore, type RateLimitRule, type Lease } from './rate-limiter.js';
export type { UserCookieOptions } from './user-cookie.js';
export type { LogEntry, LogHook } from './log.js';
export { setClientAddress } from './client-address.js';
