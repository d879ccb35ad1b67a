/**
 * chatkit-embed/server: the server side of `<chatkit-embed>` for Node and other
 * Fetch API runtimes. No DOM code; no browser module imports it.
 */
export { createSessionHandler, upstreamError, type SessionHandlerOptions, type WorkflowOptions } from './hosted-sessions.js';
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
} from './tokens.js';
export { createEndpoint, type EndpointOptions, type EndpointContext, type RateLimitOptions } from './endpoint.js';
export { ServerError, type ServerErrorCode } from './errors.js';
export { MemoryRateLimitStore, type RateLimitStore, type RateLimitRule } from './rate-limiter.js';
export type { UserCookieOptions } from './user-cookie.js';
export type { LogEntry, LogHook } from './log.js';
export { setClientAddress } from './client-address.js';
export { toNodeHandler, toFetchRequest, writeNodeResponse, type FetchHandler, type NodeAdapterOptions } from './node-adapter.js';
export { route } from './router.js';
export { createStandaloneServer, type StandaloneConfig } from './standalone.js';
export type { SessionResponse } from '../shared/session-response.js';
export {
  createChatKitServer,
  wire,
  DEFAULT_PAGE_SIZE,
  type ChatKitServerOptions,
  type RespondArgs,
  type ActionArgs,
  type AttachmentHandler,
} from './chatkit/chatkit-server.js';
export { MemoryStore, NotFoundError, generateId, type ChatKitStore, type StoreContext, type StoreItemType, type SortOrder } from './chatkit/store.js';
export { SqliteStore } from './chatkit/sqlite-store.js';
export { offlineResponder, offlineReply, textOf, type OfflineResponderOptions } from './chatkit/offline-responder.js';
export { ChatKitStreamError, streamAssistantMessage, streamWidget, progress, clientEffect, notice, errorEvent } from './chatkit/events.js';
export { parseChatKitRequest, isStreamingRequest, type ChatKitRequest, type ChatKitRequestType } from './chatkit/requests.js';
export type * from './chatkit/types.js';
export { offlineAction, DEMO_WIDGET } from './chatkit/offline-responder.js';
export { createAttachments, MemoryFileStorage, AttachmentError, type FileStorage, type StoredFile, type AttachmentsOptions } from './chatkit/attachments.js';
export { diffWidget } from './chatkit/widget-diff.js';
export { toAuthenticator } from './chatkit/chatkit-server.js';
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
} from './chatkit/agents.js';
export { loadWorkflow, workflowResponder, type RunWorkflow, type WorkflowResponderOptions } from './workflow/workflow-responder.js';
export { inspectWorkflowSource, formatWorkflowReport, type WorkflowReport } from './workflow/inspect-workflow.js';
export { PostgresStore, openStore, type PostgresStoreOptions } from './chatkit/postgres-store.js';
