/**
 * chatkit-embed/server: the server side of `<chatkit-embed>` for Node and other
 * Fetch API runtimes. No DOM code; no browser module imports it.
 */
export { createSessionHandler, upstreamError, type SessionHandlerOptions, type WorkflowOptions } from './session/hosted-sessions.js';
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
} from './tokens/tokens.js';
export { createEndpoint, type EndpointOptions, type EndpointContext, type RateLimitOptions } from './http/endpoint.js';
export { ServerError, type ServerErrorCode } from './http/errors.js';
export { MemoryRateLimitStore, type RateLimitStore, type RateLimitRule } from './http/rate-limiter.js';
export type { UserCookieOptions } from './http/user-cookie.js';
export type { LogEntry, LogHook } from './http/log.js';
export { setClientAddress } from './http/client-address.js';
export { toNodeHandler, toFetchRequest, writeNodeResponse, type FetchHandler, type NodeAdapterOptions } from './http/node-adapter.js';
export { route } from './http/router.js';
export { createStandaloneServer, type StandaloneConfig } from './standalone/standalone.js';
export type { SessionResponse } from './shared/session-response.js';
export {
  createChatKitServer,
  wire,
  DEFAULT_PAGE_SIZE,
  type ChatKitServerOptions,
  type RespondArgs,
  type ActionArgs,
  type AttachmentHandler,
} from './protocol/chatkit-server.js';
export { MemoryStore, NotFoundError, generateId, type ChatKitStore, type StoreContext, type StoreItemType, type SortOrder } from './stores/store.js';
export { SqliteStore } from './stores/sqlite-store.js';
export { offlineResponder, offlineReply, textOf, type OfflineResponderOptions } from './protocol/offline-responder.js';
export { ChatKitStreamError, streamAssistantMessage, streamWidget, progress, clientEffect, notice, errorEvent } from './protocol/events.js';
export { parseChatKitRequest, isStreamingRequest, type ChatKitRequest, type ChatKitRequestType } from './protocol/requests.js';
export type * from './protocol/types.js';
export { offlineAction, DEMO_WIDGET } from './protocol/offline-responder.js';
export { createAttachments, MemoryFileStorage, AttachmentError, type FileStorage, type StoredFile, type AttachmentsOptions } from './protocol/attachments.js';
export { diffWidget } from './protocol/widget-diff.js';
export { toAuthenticator } from './protocol/chatkit-server.js';
export {
  AgentContext,
  streamAgentResponse,
  threadItemsToAgentInput,
  loadAgentInput,
  agentResponder,
  toStreamError,
  isGuardrailTripwire,
  defaultThreadItemConverter,
  defaultResponseStreamConverter,
  type ClientToolCall,
  type StreamAgentResponseOptions,
  type ResponseStreamConverter,
  type ThreadItemConverter,
  type AgentResponderOptions,
} from './agents/agents.js';
export { loadWorkflow, workflowResponder, type RunWorkflow, type WorkflowResponderOptions } from './workflow/workflow-responder.js';
export { inspectWorkflowSource, formatWorkflowReport, type WorkflowReport } from './workflow/inspect-workflow.js';
export { PostgresStore, openStore, type PostgresStoreOptions } from './stores/postgres-store.js';
