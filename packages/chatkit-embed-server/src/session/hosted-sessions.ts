/**
 * Hosted mode: mints ChatKit client secrets with OpenAI's sessions API, through the
 * official SDK (`client.beta.chatkit.sessions.create`), with the key kept here.
 */
import OpenAI from 'openai';
import type { SessionCreateParams } from 'openai/resources/beta/chatkit/sessions';
import type { SessionResponse } from '../shared/session-response.js';
import { createEndpoint, type EndpointContext, type EndpointOptions } from '../http/endpoint.js';
import { ServerError } from '../http/errors.js';

export interface WorkflowOptions {
  id: string;
  version?: string;
  stateVariables?: Record<string, string | boolean | number>;
  tracing?: { enabled?: boolean };
}

export interface SessionHandlerOptions extends EndpointOptions {
  /** Defaults to `process.env.OPENAI_API_KEY`. Never sent anywhere but OpenAI. */
  apiKey?: string;
  /** Defaults to `process.env.OPENAI_BASE_URL`, else OpenAI's. */
  baseURL?: string;
  workflow: WorkflowOptions;
  chatkitConfiguration?: SessionCreateParams['chatkit_configuration'];
  /** Session lifetime, at most 600 s (OpenAI's limit). */
  expiresAfterSeconds?: number;
  /** ChatKit's own per-session limit (`rate_limits.max_requests_per_1_minute`). */
  maxRequestsPerMinute?: number;
  /**
   * Per-request changes to the session, e.g. state variables derived from the signed-in
   * user or from `body` (which the page sends and must therefore be checked here).
   */
  customize?: (
    context: EndpointContext,
  ) =>
    | Partial<Pick<SessionCreateParams, 'workflow' | 'chatkit_configuration'>>
    | Promise<Partial<Pick<SessionCreateParams, 'workflow' | 'chatkit_configuration'>>>;
  /** Milliseconds for OpenAI to answer. @default 8000 */
  upstreamTimeoutMs?: number;
  /** An SDK client of your own (tests, proxies); `apiKey` and `baseURL` are then unused. */
  client?: Pick<OpenAI, 'beta'>;
}

/** A Fetch API handler: `POST` → `{ client_secret, expires_at }`. */
export function createSessionHandler(options: SessionHandlerOptions): (request: Request) => Promise<Response> {
  const env = typeof process === 'undefined' ? {} : process.env;
  const apiKey = options.apiKey ?? env.OPENAI_API_KEY;
  if (!options.client && !apiKey) {
    throw new Error('createSessionHandler needs an OpenAI API key: pass apiKey or set OPENAI_API_KEY.');
  }
  if (!options.workflow?.id) throw new Error('createSessionHandler needs workflow.id (a wf_... id).');
  const client =
    options.client ??
    new OpenAI({
      apiKey,
      baseURL: options.baseURL ?? env.OPENAI_BASE_URL ?? undefined,
      timeout: options.upstreamTimeoutMs ?? 8_000,
      // The browser element retries with backoff already; retrying here too multiplies load.
      maxRetries: 0,
    });
  const { workflow } = options;

  return createEndpoint(
    'session',
    options,
    async (context): Promise<SessionResponse> => {
      const custom = (await options.customize?.(context)) ?? {};
      const params: SessionCreateParams = {
        user: context.user,
        workflow: {
          id: workflow.id,
          ...(workflow.version && { version: workflow.version }),
          ...(workflow.stateVariables && { state_variables: workflow.stateVariables }),
          ...(workflow.tracing && { tracing: workflow.tracing }),
          ...custom.workflow,
        },
        ...((options.chatkitConfiguration ?? custom.chatkit_configuration) && {
          chatkit_configuration: { ...options.chatkitConfiguration, ...custom.chatkit_configuration },
        }),
        ...(options.expiresAfterSeconds && {
          expires_after: { anchor: 'created_at', seconds: Math.min(600, options.expiresAfterSeconds) },
        }),
        ...(options.maxRequestsPerMinute && {
          rate_limits: { max_requests_per_1_minute: options.maxRequestsPerMinute },
        }),
      };
      try {
        const session = await client.beta.chatkit.sessions.create(params);
        return { client_secret: session.client_secret, expires_at: session.expires_at };
      } catch (error) {
        throw upstreamError(error);
      }
    },
    [apiKey],
  );
}

/** Maps what the SDK throws to a stable code; the upstream message is never passed on. */
export function upstreamError(error: unknown): ServerError {
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ServerError(504, 'openai_timeout', 'OpenAI did not answer in time.');
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ServerError(502, 'openai_unavailable', 'Could not reach OpenAI.');
  }
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) {
    return new ServerError(500, 'internal_error', 'Creating the ChatKit session failed unexpectedly.');
  }
  const status = error.status;
  const mapped =
    status === 401 || status === 403
      ? new ServerError(502, 'openai_key_rejected', `OpenAI rejected the server's API key (${status}); check OPENAI_API_KEY.`)
      : status === 404
        ? new ServerError(502, 'workflow_not_found', 'OpenAI does not know this workflow; check the workflow id and version.')
        : status === 429
          ? new ServerError(503, 'openai_rate_limited', 'OpenAI is rate-limiting this server; try again shortly.', {
              'retry-after': error.headers?.get('retry-after') ?? '10',
            })
          : status >= 500
            ? new ServerError(502, 'openai_unavailable', `OpenAI answered ${status}; try again shortly.`)
            : new ServerError(502, 'openai_rejected_request', `OpenAI refused the session request (${status}); check the session options.`);
  return Object.assign(mapped, { upstreamStatus: status });
}
