/**
 * A local stand-in for OpenAI's ChatKit sessions endpoint. It checks each request
 * against the documented wire format (path, method, bearer key, OpenAI-Beta header,
 * body shape) and answers from a script, failing in each documented way on demand.
 */
import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from '../../../scripts/loopback.mjs';
import { toNodeHandler } from '../src/http/node-adapter.js';

export { listenOnLoopback };

export const TEST_API_KEY = 'sk-proj-TESTKEY0123456789abcdefghijklmnop';

export type Answer =
  { kind: 'session'; ttlSeconds?: number } | { kind: 'error'; status: number; headers?: Record<string, string> } | { kind: 'hang' };

export interface SeenRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  /** Problems with the request's wire format; empty when it is as documented. */
  problems: string[];
}

export interface StandIn {
  baseURL: string;
  seen: SeenRequest[];
  answer(...answers: Answer[]): void;
  close(): Promise<void>;
}

export async function startOpenAIStandIn(): Promise<StandIn> {
  const seen: SeenRequest[] = [];
  const queue: Answer[] = [];
  let n = 0;
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    const problems: string[] = [];
    if (req.method !== 'POST') problems.push(`method ${req.method}`);
    if (req.url !== '/v1/chatkit/sessions') problems.push(`path ${req.url}`);
    if (req.headers['openai-beta'] !== 'chatkit_beta=v1') problems.push('missing OpenAI-Beta: chatkit_beta=v1');
    if (req.headers.authorization !== `Bearer ${TEST_API_KEY}`) problems.push('wrong bearer key');
    if (typeof body.user !== 'string' || !body.user) problems.push('body.user missing');
    const workflow = body.workflow as { id?: unknown } | undefined;
    if (typeof workflow?.id !== 'string') problems.push('body.workflow.id missing');
    const known = new Set(['user', 'workflow', 'chatkit_configuration', 'expires_after', 'rate_limits']);
    for (const key of Object.keys(body)) if (!known.has(key)) problems.push(`unknown body field ${key}`);
    seen.push({ path: req.url ?? '', headers: req.headers, body, problems });

    const answer = queue.shift() ?? { kind: 'session' };
    if (answer.kind === 'hang') return; // never answers
    if (answer.kind === 'error') {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      // Real OpenAI errors can quote part of the key; the endpoint must never pass it on.
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${TEST_API_KEY}`, type: 'invalid_request_error' } }));
      return;
    }
    const created = Math.floor(Date.now() / 1000);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `cksess_${++n}`,
        object: 'chatkit.session',
        client_secret: `ek_test_${n}`,
        expires_at: created + (answer.ttlSeconds ?? 600),
        status: 'active',
        user: body.user,
        workflow: { id: workflow?.id, version: null, state_variables: null, tracing: { enabled: true } },
        chatkit_configuration: {},
        rate_limits: { max_requests_per_1_minute: 10 },
        max_requests_per_1_minute: 10,
      }),
    );
  });
  const { url, close } = await listenOnLoopback(server);
  return { baseURL: `${url}/v1`, seen, answer: (...answers) => queue.push(...answers), close };
}

/** Serves a Fetch API handler on loopback through the Node adapter under test. */
export function serve(handler: (request: Request) => Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  return listenOnLoopback(createServer(toNodeHandler(handler)));
}
