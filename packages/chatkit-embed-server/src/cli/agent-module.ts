/**
 * What `serve --agent <file>` accepts: a module (TypeScript or JavaScript, loaded as it
 * is) that exports, as `respond`, `agent` or its default export, one of
 * - a `respond` function, `(args) => AsyncIterable<ThreadStreamEvent>`, the ChatKit
 *   server's own responder (with chatkit-embed-server/chatkit's stream helpers);
 * - an OpenAI Agents SDK `Agent`, answered through `agentResponder`;
 * - an AI SDK setup, `{ model, system?, tools? }` (any provider), answered through
 *   `aiSdkResponder`;
 * - an object with `respond` (and optionally `action`, for widget buttons).
 */
import type { ActionArgs, RespondArgs } from '../protocol/chatkit-server.js';
import type { ThreadStreamEvent } from '../protocol/types.js';
import type { LogHook } from '../http/log.js';
import { importPeer } from '../runtime/peer.js';
import type { StoreContext } from '../stores/store.js';
import { importUserModule } from '../workflow/import-user-module.js';

export interface AgentModule {
  respond: (args: RespondArgs<StoreContext>) => AsyncIterable<ThreadStreamEvent>;
  action?: (args: ActionArgs<StoreContext>) => AsyncIterable<ThreadStreamEvent>;
}

/** An Agents SDK `Agent`, recognised by shape (the user's module may hold its own copy of the class). */
function isAgent(value: unknown): value is object {
  const candidate = value as { name?: unknown; clone?: unknown; asTool?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    typeof candidate.clone === 'function' &&
    typeof candidate.asTool === 'function'
  );
}

/** An AI SDK setup: `{ model, system?, tools? }`, the model an AI SDK language model (or its id). */
function isAiSdkSetup(value: unknown): value is object {
  const model = (value as { model?: unknown } | null)?.model;
  return (
    typeof value === 'object' &&
    value !== null &&
    (typeof model === 'string' || (typeof model === 'object' && model !== null && 'specificationVersion' in model)) &&
    typeof (value as { respond?: unknown }).respond !== 'function'
  );
}

export async function loadAgentModule(path: string, log?: LogHook): Promise<AgentModule> {
  const module = await importUserModule(path);
  for (const name of ['respond', 'agent', 'default'] as const) {
    const value = module[name];
    if (typeof value === 'function') return { respond: value as AgentModule['respond'] };
    if (isAgent(value)) {
      const { agentResponder } = await importPeer(
        '@openai/agents',
        `${path} exports an Agents SDK agent, so serving it`,
        () => import('../agents/agents.js'),
      );
      return { respond: agentResponder({ agent: value as Parameters<typeof agentResponder>[0]['agent'] }) };
    }
    if (isAiSdkSetup(value)) {
      const { aiSdkResponder } = await importPeer(
        'ai',
        `${path} exports an AI SDK model setup, so serving it`,
        () => import('../ai-sdk/ai-sdk.js'),
      );
      return { respond: aiSdkResponder({ ...(value as Parameters<typeof aiSdkResponder>[0]), ...(log && { log }) }) };
    }
    if (value && typeof value === 'object' && typeof (value as AgentModule).respond === 'function') {
      const { respond, action } = value as AgentModule;
      return { respond, ...(typeof action === 'function' && { action }) };
    }
  }
  throw new Error(
    `${path} exports no agent: export a respond function, an Agents SDK Agent or an AI SDK setup ({ model, system, tools }), as \`respond\`, \`agent\` or the default export.`,
  );
}
