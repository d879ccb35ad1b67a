/**
 * chatkit-embed: `<chatkit-embed>`, an OpenAI ChatKit chat as one tag.
 * Importing this module registers the element.
 */
import './define.js';

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
export {
  CHATKIT_EVENT_NAMES,
  type ChatKitEventName,
  type ChatKitDeeplinkDetail,
  type ChatKitEffectDetail,
  type ChatKitErrorDetail,
  type ChatKitLogDetail,
  type ChatKitThreadChangeDetail,
  type ChatKitThreadLoadDetail,
  type ChatKitToolChangeDetail,
} from './connector/chatkit-events.js';
export { CHATKIT_SCRIPT_URL } from './connector/chatkit-script.js';
export { TRUSTED_TYPES_POLICY } from './connector/trusted-types.js';
export type { ChatKitEmbedStrings } from './i18n/strings.js';
export type { SessionFailure } from './secrets/secret-source.js';
// ChatKit's own types, so users need no second package for them.
export type * from '@openai/chatkit';
