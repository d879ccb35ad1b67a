/**
 * What `serve --agent <file>` accepts: a module (TypeScript or JavaScript, loaded as it
 * is) that exports, as `respond`, `agent` or its default export, one of
 * - a `respond` function, `(args) => AsyncIterable<ThreadStreamEvent>`, the ChatKit
 *   server's own responder (with chatkit-embed-server/chatkit's stream helpers);
 * - an OpenAI Agents SDK `Agent`, answered through `agentResponder`;
 * - an object with `respond` (and optionally `action`, for widget buttons).
 */
import type { ActionArgs, RespondArgs } from '../protocol/chatkit-server.js';
import type { ThreadStreamEvent } from '../protocol/types.js';
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

export async function loadAgentModule(path: string): Promise<AgentModule> {
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
    if (value && typeof value === 'object' && typeof (value as AgentModule).respond === 'function') {
      const { respond, action } = value as AgentModule;
      return { respond, ...(typeof action === 'function' && { action }) };
    }
  }
  throw new Error(
    `${path} exports no agent: export a respond function or an Agents SDK Agent, as \`respond\`, \`agent\` or the default export.`,
  );
}
