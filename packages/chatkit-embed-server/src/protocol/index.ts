/**
 * `chatkit-embed-server/chatkit`: a ChatKit-protocol server (the wire format of OpenAI's
 * Python server), the memory store, stream helpers, attachments and the offline
 * responder. SQLite and PostgreSQL stores are their own entries; `openStore` loads the
 * one a URL names.
 */
export {
  createChatKitServer,
  toAuthenticator,
  wire,
  DEFAULT_PAGE_SIZE,
  type ChatKitServerOptions,
  type RespondArgs,
  type ActionArgs,
  type AttachmentHandler,
} from './chatkit-server.js';
export type * from './types.js';
export { parseChatKitRequest, isStreamingRequest, type ChatKitRequest, type ChatKitRequestType } from './requests.js';
export { ChatKitStreamError, streamAssistantMessage, streamWidget, progress, clientEffect, notice, errorEvent } from './events.js';
export { diffWidget } from './widget-diff.js';
export { DEFAULT_USAGE_LIMITS, type UsageLimits } from './usage-limits.js';
export { offlineResponder, offlineReply, offlineAction, textOf, DEMO_WIDGET, type OfflineResponderOptions } from './offline-responder.js';
export {
  createAttachments,
  MemoryFileStorage,
  AttachmentError,
  type FileStorage,
  type StoredFile,
  type AttachmentsOptions,
} from './attachments.js';
export {
  MemoryStore,
  NotFoundError,
  StoreUnavailableError,
  InvalidCursorError,
  adminCursor,
  adminCursorPosition,
  generateId,
  isFeedbackStore,
  type ChatKitStore,
  type StoreContext,
  type StoreItemType,
  type SortOrder,
  type AdminStore,
  type AdminThread,
  type AdminThreadQuery,
  type AttachmentOwner,
  type FeedbackStore,
  type FeedbackKind,
} from '../stores/store.js';
export { openStore } from '../stores/open-store.js';
export { DiskFileStorage } from '../stores/disk-file-storage.js';
