/**
 * `chatkit-embed-server/agents`: answers from an OpenAI Agents SDK agent, streamed as
 * ChatKit events. Needs `@openai/agents`, a peer dependency.
 */
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
} from './agents.js';
