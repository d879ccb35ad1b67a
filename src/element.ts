/**
 * The element class without registering it, for sites that define the tag themselves
 * (a scoped registry, another name). No side effects.
 */
export { ChatKitEmbed, type ChatKitEmbedState, type ChatKitEmbedMode } from './chatkit-embed.js';
export type { LoadingPolicy } from './controllers/loading-policy-controller.js';
export { ChatKitEmbedError, type ChatKitEmbedErrorCode } from './errors.js';
export type { ChatKitEmbedDiagnostic, DiagnosticCode, DiagnosticLevel } from './diagnostics.js';
export type { ChatKitEmbedLogEntry } from './chatkit-embed.js';
export {
  ChatKitEmbedErrorEvent,
  ChatKitEmbedReadyEvent,
  ChatKitEmbedScriptLoadEvent,
  ChatKitEmbedOpenEvent,
  ChatKitEmbedCloseEvent,
  ChatKitEmbedDiagnosticEvent,
  type ChatKitEmbedErrorDetail,
  type ChatKitEmbedScriptLoadDetail,
} from './events.js';
export type {
  ChatKitDeeplinkDetail,
  ChatKitEffectDetail,
  ChatKitErrorDetail,
  ChatKitLogDetail,
  ChatKitThreadChangeDetail,
  ChatKitThreadLoadDetail,
  ChatKitToolChangeDetail,
} from './chatkit-events.js';
