import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSessionHandler, type LogEntry, type SessionHandlerOptions } from '../src/index.js';
import { serve, startOpenAIStandIn, TEST_API_KEY, type StandIn } from './openai-stand-in.js';

let openai: StandIn;
let logs: LogEntry[] = [];
/** Every response body and header the endpoint sent in this file, for the key check. */
const everything: string[] = [];
const servers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  openai = await startOpenAIStandIn();
});
afterAll(async () => {
  // No response and no log line, in any test of this file, carried the API key.
  expect(everything.join('\n')).not.toContain(TEST_API_KEY);
  expect(everything.join('\n')).not.toMatch(/sk-proj-/);
  await openai.close();
});
afterEach(async () => {
  everything.push(...logs.map((entry) => JSON.stringify(entry)));
  logs = [];
  openai.seen.length = 0;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function endpoint(options: Partial<SessionHandlerOptions> = {}) {
  const handler = createSessionHandler({
    apiKey: TEST_API_KEY,
    baseURL: openai.baseURL,
    workflow: { id: 'wf_123' },
    log: (entry) => logs.push(entry),
    ...options,
  });
  const server = await serve(handler);
  servers.push(server);
  return async (init: RequestInit & { path?: string } = {}) => {
    const response = await fetch(`${server.url}${init.path ?? '/api/chatkit/session'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
      ...init,
    });
    const text = await response.text();
    everything.push(text, JSON.stringify([...response.headers]));
    return { response, body: text ? JSON.parse(text) : undefined };
  };
}

describe('hosted sessions', () => {
  it('creates a session as documented and answers client_secret and expires_at only', async () => {
    const call = await endpoint();
    const { response, body } = await call({ body: '{}' });
    expect(response.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['client_secret', 'expires_at']);
    expect(body.client_secret).toMatch(/^ek_test_/);
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(openai.seen).toHaveLength(1);
    expect(openai.seen[0]!.problems).toEqual([]);
    expect(openai.seen[0]!.body.workflow).toEqual({ id: 'wf_123' });
  });

  it('passes workflow version, state variables, tracing, configuration, expiry and rate limits', async () => {
    const call = await endpoint({
      workflow: { id: 'wf_9', version: '3', stateVariables: { plan: 'pro', seats: 4 }, tracing: { enabled: false } },
      chatkitConfiguration: { history: { enabled: true, recent_threads: 5 }, file_upload: { enabled: true } },
      expiresAfterSeconds: 300,
      maxRequestsPerMinute: 20,
    });
    await call();
    expect(openai.seen[0]!.problems).toEqual([]);
    expect(openai.seen[0]!.body).toMatchObject({
      workflow: { id: 'wf_9', version: '3', state_variables: { plan: 'pro', seats: 4 }, tracing: { enabled: false } },
      chatkit_configuration: { history: { enabled: true, recent_threads: 5 }, file_upload: { enabled: true } },
      expires_after: { anchor: 'created_at', seconds: 300 },
      rate_limits: { max_requests_per_1_minute: 20 },
    });
  });
});

describe('who the user is', () => {
  it('without getUser: a random secret in an HttpOnly, SameSite=Lax cookie, and a user id derived from it, stable across requests', async () => {
    const call = await endpoint();
    const first = await call();
    const cookie = first.response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^chatkit_uid=v2\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const secret = /chatkit_uid=([^;]+)/.exec(cookie)![1]!;
    const user = openai.seen[0]!.body.user as string;
    expect(user).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // OpenAI (and every log) gets the derived id, never the cookie's secret.
    expect(user).not.toBe(secret);
    expect(JSON.stringify(openai.seen)).not.toContain(secret.slice(3));
    const second = await call({ headers: { cookie: `other=1; chatkit_uid=${secret}` } });
    expect(second.response.headers.get('set-cookie')).toBeNull();
    expect(openai.seen[1]!.body.user).toBe(user);
  });

  it('marks the cookie Secure outside localhost', async () => {
    const handler = createSessionHandler({ apiKey: TEST_API_KEY, baseURL: openai.baseURL, workflow: { id: 'wf_1' } });
    const response = await handler(new Request('https://shop.example/api/chatkit/session', { method: 'POST' }));
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('with getUser: uses the site user, and answers 401 when there is none', async () => {
    const call = await endpoint({ getUser: (request) => request.headers.get('x-user') });
    expect((await call({ headers: { 'x-user': 'alice' } })).response.status).toBe(200);
    expect(openai.seen[0]!.body.user).toBe('alice');
    const { response, body } = await call();
    expect(response.status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
    expect(openai.seen).toHaveLength(1);
  });
});

describe('protection', () => {
  it('CORS: an allowed origin gets credentials CORS headers and a preflight', async () => {
    const call = await endpoint({ allowedOrigins: ['https://shop.example'] });
    const preflight = await call({
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.response.status).toBe(204);
    expect(preflight.response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(preflight.response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.response.headers.get('access-control-allow-methods')).toContain('POST');
    const { response } = await call({ headers: { origin: 'https://shop.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('CORS: another origin gets 403 and OpenAI is not called', async () => {
    const call = await endpoint({ allowedOrigins: ['https://shop.example'] });
    const { response, body } = await call({ headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(body.error.code).toBe('origin_not_allowed');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(openai.seen).toHaveLength(0);
  });

  it('rate-limits per user, answering 429 with Retry-After', async () => {
    const call = await endpoint({ rateLimit: { perUser: { limit: 2, windowMs: 60_000 } } });
    const first = await call();
    const cookie = first.response.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call({ headers: { cookie } })).response.status).toBe(200);
    const limited = await call({ headers: { cookie } });
    expect(limited.response.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(openai.seen).toHaveLength(2);
  });

  it('rate-limits per IP across new anonymous users', async () => {
    const call = await endpoint({ rateLimit: { perIp: { limit: 3, windowMs: 60_000 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call()).response.status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it.each([
    ['an oversized body', { body: JSON.stringify({ pad: 'x'.repeat(20_000) }) }, 413, 'body_too_large'],
    ['bad JSON', { body: '{"a": ' }, 400, 'invalid_json'],
    ['a JSON array', { body: '[1]' }, 400, 'invalid_json'],
    [
      'a non-JSON content type',
      { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'unsupported_media_type',
    ],
    ['GET', { method: 'GET' }, 405, 'method_not_allowed'],
  ] as const)('refuses %s with %i %s, without calling OpenAI', async (_, init, status, code) => {
    const call = await endpoint();
    const { response, body } = await call(init as RequestInit);
    expect(response.status).toBe(status);
    expect(body.error.code).toBe(code);
    expect(openai.seen).toHaveLength(0);
  });

  it('refuses a body that streams past the limit without a Content-Length', async () => {
    const handler = createSessionHandler({ apiKey: TEST_API_KEY, baseURL: openai.baseURL, workflow: { id: 'wf' }, maxBodyBytes: 1024 });
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(512)));
      },
    });
    const request = new Request('http://localhost/s', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(413);
  });
});

describe('upstream failures', () => {
  it.each([
    [401, 502, 'openai_key_rejected'],
    [403, 502, 'openai_key_rejected'],
    [404, 502, 'workflow_not_found'],
    [400, 502, 'openai_rejected_request'],
    [500, 502, 'openai_unavailable'],
    [503, 502, 'openai_unavailable'],
  ])('OpenAI %i → %i %s, with no upstream text passed on', async (upstream, status, code) => {
    openai.answer({ kind: 'error', status: upstream });
    const call = await endpoint();
    const { response, body } = await call();
    expect(response.status).toBe(status);
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/Incorrect API key/);
    expect(logs.at(-1)).toMatchObject({ level: 'error', event: 'session.failed', code, upstreamStatus: upstream });
  });

  it('OpenAI 429 → 503 openai_rate_limited with its Retry-After', async () => {
    openai.answer({ kind: 'error', status: 429, headers: { 'retry-after': '7' } });
    const call = await endpoint();
    const { response, body } = await call();
    expect(response.status).toBe(503);
    expect(body.error.code).toBe('openai_rate_limited');
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('an OpenAI that never answers → 504 openai_timeout within the upstream timeout', async () => {
    openai.answer({ kind: 'hang' });
    const call = await endpoint({ upstreamTimeoutMs: 300 });
    // The stand-in never answers, so only the upstream timeout can end this request.
    const { response, body } = await call();
    expect(response.status).toBe(504);
    expect(body.error.code).toBe('openai_timeout');
  });

  it('an unreachable OpenAI → 502 openai_unavailable', async () => {
    const call = await endpoint({ baseURL: 'http://127.0.0.1:9/v1' });
    const { response, body } = await call();
    expect(response.status).toBe(502);
    expect(body.error.code).toBe('openai_unavailable');
  });

  it('a log hook that throws does not break the endpoint', async () => {
    const call = await endpoint({
      log: () => {
        throw new Error('log system down');
      },
    });
    expect((await call()).response.status).toBe(200);
  });
});

describe('configuration', () => {
  it('refuses to start without an API key or a workflow, naming what is missing', () => {
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      expect(() => createSessionHandler({ workflow: { id: 'wf' } })).toThrow(/OPENAI_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
    expect(() => createSessionHandler({ apiKey: TEST_API_KEY, workflow: { id: '' } })).toThrow(/workflow\.id/);
  });
});
