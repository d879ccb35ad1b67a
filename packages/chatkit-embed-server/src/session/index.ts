/**
 * `chatkit-embed-server/session`: hosted-mode session endpoints, which create ChatKit
 * sessions with OpenAI's API for an Agent Builder workflow.
 */
export { createSessionHandler, upstreamError, type SessionHandlerOptions, type WorkflowOptions } from './hosted-sessions.js';
export type { SessionResponse } from '../shared/session-response.js';
export type { EndpointOptions, EndpointContext, RateLimitOptions } from '../http/endpoint.js';
export { ServerError, type ServerErrorCode } from '../http/errors.js';
