/**
 * The element class without registering it, for sites that define the tag themselves
 * (a scoped registry, another name). No side effects.
 */
export { ChatKitEmbed, type ChatKitEmbedState, type ChatKitEmbedMode } from './element/chatkit-embed.js';
export type { LoadingPolicy } from './element/loading-policy-controller.js';
export { ChatKitEmbedError, type ChatKitEmbedErrorCode } from './element/errors.js';
export type { ChatKitEmbedDiagnostic, DiagnosticCode, DiagnosticLevel } from './diagnostics/diagnostics.js';
export type { ChatKitEmbedLogEntry } from './element/chatkit-embed.js';
export {
  ChatKitEmbedErrorEvent,
  ChatKitEmbedReadyEvent,
  ChatKitEmbedScriptLoadEvent,
  ChatKitEmbedOpenEvent,
  ChatKitEmbedCloseEvent,
  ChatKitEmbedDiagnosticEvent,
  type ChatKitEmbedErrorDetail,
  type ChatKitEmbedScriptLoadDetail,
} from './element/events.js';
export type {
  ChatKitDeeplinkDetail,
  ChatKitEffectDetail,
  ChatKitErrorDetail,
  ChatKitLogDetail,
  ChatKitThreadChangeDetail,
  ChatKitThreadLoadDetail,
  ChatKitToolChangeDetail,
} from './connector/chatkit-events.js';
