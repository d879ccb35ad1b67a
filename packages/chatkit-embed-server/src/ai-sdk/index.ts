/**
 * `chatkit-embed-server/ai-sdk`: answers from any model the AI SDK reaches, streamed as
 * ChatKit events. Needs `ai`, an optional peer dependency.
 */
export {
  aiSdkResponder,
  streamAiSdkResponse,
  threadItemsToModelMessages,
  toReadableError,
  type AiSdkResponderOptions,
  type AiSdkStreamPart,
  type StreamAiSdkResponseOptions,
} from './ai-sdk.js';
