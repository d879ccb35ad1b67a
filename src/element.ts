/**
 * The element class without registering it, for sites that define the tag themselves
 * (a scoped registry, another name). No side effects.
 */
export { ChatKitEmbed, type ChatKitEmbedState } from './chatkit-embed.js';
export { ChatKitEmbedError, type ChatKitEmbedErrorCode } from './errors.js';
export {
  ChatKitEmbedErrorEvent,
  ChatKitEmbedReadyEvent,
  ChatKitEmbedScriptLoadEvent,
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
