/**
 * chatkit-embed: `<chatkit-embed>`, an OpenAI ChatKit chat as one tag.
 * Importing this module registers the element.
 */
import './define.js';

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
} from './chatkit-events.js';
export { CHATKIT_SCRIPT_URL, TRUSTED_TYPES_POLICY } from './script-loader.js';
export type { SessionFailure } from './secret-source.js';
// ChatKit's own types, so users need no second package for them.
export type * from '@openai/chatkit';
