import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackend, checkExpiry, checkPage, checkSecretEndpoint, formatChecks, runDoctor, type Check } from '../src/cli/doctor.js';
import { listenOnLoopback, serve } from './openai-stand-in.js';
import { healthyCsp, healthyHtml, startSetup, type Setup } from './doctor-setup.js';

const statusOf = (checks: Check[], name: string) => checks.find((check) => check.name === name)?.status;
const find = (checks: Check[], name: string) => checks.find((check) => check.name === name)!;

let setup: Setup;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  setup = await startSetup();
});
afterAll(async () => {
  await Promise.all([setup.close(), ...closers.map((close) => close())]);
});

/** A session endpoint answering POST with `answer` (and preflights with CORS for any origin unless told otherwise). */
async function endpoint(answer: (request: Request) => Response | Promise<Response>): Promise<string> {
  const server = await serve(async (request) => answer(request));
  closers.push(server.close);
  return `${server.url}/session`;
}

const cors = (request: Request) => ({
  'access-control-allow-origin': request.headers.get('origin') ?? '',
  'access-control-allow-headers': 'content-type, authorization',
});
const inAMinute = () => Math.floor(Date.now() / 1000) + 60;
const sessionJson = (body: unknown) => (request: Request) =>
  request.method === 'OPTIONS'
    ? new Response(null, { status: 204, headers: cors(request) })
    : Response.json(body, { headers: cors(request) });

describe('doctor against a healthy setup', () => {
  it('passes every check: session endpoint, page and backend, across origins', async () => {
    const checks = await runDoctor({ page: setup.pageUrl, sessionUrl: setup.sessionUrl, apiUrl: setup.apiUrl });
    expect(checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(checks.map((check) => check.name)).toEqual([
      'Session endpoint preflight',
      'Session endpoint',
      'Session endpoint CORS',
      'Session endpoint answer',
      'Session endpoint expiry',
      'Page',
      'Page CSP',
      'Page CSP script-src',
      'Page CSP frame-src',
      'Page CSP connect-src',
      'Page COEP',
      'Backend token',
      'Backend preflight',
      'Backend',
      'Backend CORS',
      'Backend answer',
    ]);
    expect(checks.every((check) => check.fix === undefined)).toBe(true);
  });

  it('skips CORS checks without an origin (same-origin or server-to-server)', async () => {
    const checks = await runDoctor({ sessionUrl: setup.sessionUrl });
    expect(checks.map((check) => [check.name, check.status])).toEqual([
      ['Session endpoint', 'pass'],
      ['Session endpoint answer', 'pass'],
      ['Session endpoint expiry', 'pass'],
    ]);
  });

  it('gets the backend token from --token-url when given', async () => {
    const checks = await checkBackend({ apiUrl: setup.apiUrl, tokenUrl: setup.sessionUrl, origin: setup.pageOrigin });
    expect(checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(checks.map((check) => check.name)).toContain('Token endpoint answer');
  });

  it('prints one line per check, with the fix on warnings and failures', () => {
    const text = formatChecks([
      { name: 'A', status: 'pass', detail: 'fine' },
      { name: 'B', status: 'fail', detail: 'broken', fix: 'mend it' },
    ]);
    expect(text.split('\n')).toEqual(['PASS  A: fine', 'FAIL  B: broken → mend it']);
  });
});

describe('doctor: the session endpoint', () => {
  /** Checks `url` as a page on the setup's page origin would call it, or with no Origin (`origin: null`). */
  const check = async (url: string, origin: string | null = setup.pageOrigin) =>
    (await checkSecretEndpoint({ url, origin: origin ?? undefined })).checks;

  it('fails on HTTP 500, quoting the status', async () => {
    const url = await endpoint((request) =>
      request.method === 'OPTIONS'
        ? new Response(null, { status: 204, headers: cors(request) })
        : Response.json({ error: { message: 'boom' } }, { status: 500, headers: cors(request) }),
    );
    const failed = find(await check(url), 'Session endpoint');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('500');
  });

  it('fails on 401 with a fix about the cookies and headers the page sends', async () => {
    const url = await endpoint((request) =>
      request.method === 'OPTIONS'
        ? new Response(null, { status: 204, headers: cors(request) })
        : new Response('{}', { status: 401, headers: cors(request) }),
    );
    const failed = find(await check(url), 'Session endpoint');
    expect(failed.status).toBe('fail');
    expect(failed.fix).toMatch(/cookies or headers/);
  });

  it('fails when the endpoint does not allow the origin (our server answers 403)', async () => {
    const checks = await check(setup.sessionUrl, 'https://elsewhere.example');
    expect(statusOf(checks, 'Session endpoint preflight')).toBe('fail');
    expect(find(checks, 'Session endpoint').detail).toContain('403');
  });

  it('fails on an answer that is not JSON', async () => {
    const url = await endpoint(
      (request) => new Response('<html>sign in</html>', { headers: { ...cors(request), 'content-type': 'text/html' } }),
    );
    expect(statusOf(await check(url), 'Session endpoint answer')).toBe('fail');
  });

  it('fails on JSON without a client_secret', async () => {
    const url = await endpoint(sessionJson({ secret: 'ek_123', expires_at: inAMinute() }));
    expect(statusOf(await check(url), 'Session endpoint answer')).toBe('fail');
  });

  it('fails on an API key handed out as the client_secret, without printing it', async () => {
    const key = 'sk-proj-DOCTORKEY0123456789abcdefghij';
    const url = await endpoint(sessionJson({ client_secret: key, expires_at: inAMinute() }));
    const checks = await check(url);
    const leak = find(checks, 'Session endpoint answer');
    expect(leak.status).toBe('fail');
    expect(leak.detail).toMatch(/leaking the key/);
    expect(leak.detail).toContain(`sk-… (${key.length} chars)`);
    expect(JSON.stringify(checks)).not.toContain(key.slice(3));
    expect(formatChecks(checks)).not.toContain(key.slice(3));
  });

  it('fails on an API key anywhere in the answer', async () => {
    const key = 'sk-DOCTORKEY0123456789abcdefghijkl';
    const url = await endpoint(sessionJson({ client_secret: 'ek_fine', expires_at: inAMinute(), debug: { key } }));
    const checks = await check(url);
    expect(statusOf(checks, 'Session endpoint answer')).toBe('fail');
    expect(JSON.stringify(checks)).not.toContain(key.slice(3));
  });

  it('fails on an error answer that passes on an API key, without printing it', async () => {
    const key = 'sk-proj-DOCTORKEY0123456789abcdefghij';
    const url = await endpoint(() => Response.json({ error: { message: `Incorrect API key provided: ${key}` } }, { status: 500 }));
    const checks = await check(url, null);
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['Session endpoint', 'fail'],
      ['Session endpoint answer', 'fail'],
    ]);
    expect(JSON.stringify(checks)).not.toContain(key.slice(3));
  });

  it('fails on an expires_at in the past', async () => {
    const url = await endpoint(sessionJson({ client_secret: 'ek_123', expires_at: Math.floor(Date.now() / 1000) - 30 }));
    expect(statusOf(await check(url), 'Session endpoint expiry')).toBe('fail');
  });

  it.each([
    ['in milliseconds', Date.now() + 60_000, 'fail', /milliseconds/],
    ['a string', '2030-01-01T00:00:00Z', 'fail', /not a number/],
    ['missing', undefined, 'warn', /no expires_at/],
    ['in a minute', Math.floor(Date.now() / 1000) + 60, 'pass', /expires in (59|60) s/],
  ])('judges an expires_at %s', (_, value, status, detail) => {
    const result = checkExpiry('expiry', value);
    expect(result.status).toBe(status);
    expect(result.detail).toMatch(detail);
  });

  it('fails without CORS headers for a cross-origin page, on the preflight and the answer', async () => {
    const url = await endpoint((request) =>
      request.method === 'OPTIONS'
        ? new Response(null, { status: 204 })
        : Response.json({ client_secret: 'ek_123', expires_at: inAMinute() }),
    );
    const checks = await check(url);
    expect(statusOf(checks, 'Session endpoint preflight')).toBe('fail');
    expect(statusOf(checks, 'Session endpoint CORS')).toBe('fail');
    expect(statusOf(checks, 'Session endpoint answer')).toBe('pass');
  });

  it('fails a preflight that does not allow content-type', async () => {
    const url = await endpoint((request) =>
      request.method === 'OPTIONS'
        ? new Response(null, { status: 204, headers: { 'access-control-allow-origin': request.headers.get('origin')! } })
        : Response.json({ client_secret: 'ek_123', expires_at: inAMinute() }, { headers: cors(request) }),
    );
    const preflight = find(await check(url), 'Session endpoint preflight');
    expect(preflight.status).toBe('fail');
    expect(preflight.detail).toContain('content-type');
  });

  it('warns that cookies are not sent to an endpoint allowing any origin', async () => {
    const star = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    const url = await endpoint((request) =>
      request.method === 'OPTIONS'
        ? new Response(null, { status: 204, headers: star })
        : Response.json({ client_secret: 'ek_123', expires_at: inAMinute() }, { headers: star }),
    );
    const checks = await check(url);
    expect(statusOf(checks, 'Session endpoint preflight')).toBe('warn');
    expect(find(checks, 'Session endpoint preflight').detail).toMatch(/no cookies/);
    expect(statusOf(checks, 'Session endpoint CORS')).toBe('pass');
  });

  it('fails on a redirect that turns the POST into a GET', async () => {
    const url = await endpoint(() => new Response(null, { status: 302, headers: { location: '/login' } }));
    const failed = find(await check(url, null), 'Session endpoint');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('/login');
  });

  it('fails with the cause code when nothing listens', async () => {
    const closed = await serve(async () => new Response());
    await closed.close();
    const failed = find(await check(`${closed.url}/session`), 'Session endpoint preflight');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('ECONNREFUSED');
  });

  it('fails when the endpoint does not answer in time', async () => {
    const hanging = await listenOnLoopback(createServer(() => {}));
    closers.push(hanging.close);
    const { checks } = await checkSecretEndpoint({ url: `${hanging.url}/session`, timeoutMs: 200 });
    expect(find(checks, 'Session endpoint')).toMatchObject({ status: 'fail', detail: expect.stringContaining('no answer within 0.2 s') });
  });
});

describe('doctor: the page', () => {
  const withPage = async (page: Partial<Setup['page']>, connectTo = [setup.sessionUrl, setup.apiUrl]) => {
    const saved = { ...setup.page, headers: { ...setup.page.headers } };
    Object.assign(setup.page, page);
    try {
      return await checkPage({ url: setup.pageUrl, connectTo });
    } finally {
      Object.assign(setup.page, saved);
    }
  };
  const csp = (policy: string) => ({ headers: { 'content-security-policy': policy } });

  it('fails when script-src leaves out cdn.platform.openai.com', async () => {
    const checks = await withPage(csp(`script-src 'self'; frame-src https://cdn.platform.openai.com; connect-src *`));
    const failed = find(checks, 'Page CSP script-src');
    expect(failed.status).toBe('fail');
    expect(failed.fix).toContain('https://cdn.platform.openai.com');
    expect(statusOf(checks, 'Page CSP frame-src')).toBe('pass');
  });

  it('fails when frame-src (here by default-src) leaves out cdn.platform.openai.com', async () => {
    const checks = await withPage(csp(`default-src 'self'; script-src 'self' https://cdn.platform.openai.com; connect-src *`));
    const failed = find(checks, 'Page CSP frame-src');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('default-src');
    expect(failed.fix).toMatch(/Add a frame-src directive/);
  });

  it('fails when connect-src leaves out the backend', async () => {
    const checks = await withPage(
      csp(`script-src 'self' https://cdn.platform.openai.com; frame-src https://cdn.platform.openai.com; connect-src 'self'`),
    );
    const failed = find(checks, 'Page CSP connect-src');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain(setup.apiUrl);
  });

  it('fails when the script tag loads the bundle from an origin script-src leaves out', async () => {
    const checks = await withPage({ html: healthyHtml('https://cdn.jsdelivr.net/npm/chatkit-embed/dist/cdn/chatkit-embed.js') });
    const failed = find(checks, 'Page CSP script-src');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('https://cdn.jsdelivr.net');
  });

  it("warns on 'strict-dynamic' unless the chatkit-embed tag carries the nonce", async () => {
    const policy = `script-src 'nonce-r4nd0m' 'strict-dynamic'; frame-src https://cdn.platform.openai.com; connect-src *`;
    expect(statusOf(await withPage({ ...csp(policy), html: healthyHtml() }), 'Page CSP script-src')).toBe('warn');
    expect(statusOf(await withPage({ ...csp(policy), html: healthyHtml('/chatkit-embed.js', 'r4nd0m') }), 'Page CSP script-src')).toBe(
      'pass',
    );
  });

  it('reads policies from meta tags too', async () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="frame-src 'self'">${healthyHtml()}`;
    expect(statusOf(await withPage({ html, headers: {} }), 'Page CSP frame-src')).toBe('fail');
  });

  it('fails on Cross-Origin-Embedder-Policy: require-corp, and warns on credentialless', async () => {
    const page = (coep: string) => ({ headers: { ...setup.page.headers, 'cross-origin-embedder-policy': coep } });
    expect(statusOf(await withPage(page('require-corp')), 'Page COEP')).toBe('fail');
    expect(statusOf(await withPage(page('credentialless')), 'Page COEP')).toBe('warn');
  });

  it('passes a page with no policy at all, saying so', async () => {
    const checks = await withPage({ headers: {} });
    expect(checks.map((check) => [check.name, check.status])).toEqual([
      ['Page', 'pass'],
      ['Page CSP', 'pass'],
      ['Page COEP', 'pass'],
    ]);
    expect(find(checks, 'Page CSP').detail).toMatch(/no policy/);
  });

  it('reports a report-only policy, and what it would block as a warning', async () => {
    const checks = await withPage({ headers: { 'content-security-policy-report-only': "default-src 'self'" } });
    expect(find(checks, 'Page CSP').detail).toMatch(/Report-Only/);
    expect(statusOf(checks, 'Page CSP script-src')).toBe('warn');
    expect(find(checks, 'Page CSP script-src').detail).toMatch(/^report-only:/);
  });

  it('warns when the HTML does not mention chatkit-embed', async () => {
    expect(statusOf(await withPage({ html: '<!doctype html><title>Shop</title>' }), 'Page')).toBe('warn');
  });

  it('fails on a page that does not load', async () => {
    expect(await withPage({ status: 404 })).toEqual([expect.objectContaining({ name: 'Page', status: 'fail' })]);
  });

  it('uses the healthy policy of the fixture as its baseline', () => {
    expect(setup.page.headers['content-security-policy']).toBe(healthyCsp(setup.base));
  });
});

describe('doctor: the backend', () => {
  it('fails on a 401 with a fix about the signing key, expiry and origin policy', async () => {
    const checks = await checkBackend({ apiUrl: setup.apiUrl, token: 'not-a-token', origin: setup.pageOrigin });
    const failed = find(checks, 'Backend');
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain('401');
    expect(failed.fix).toMatch(/key that signs them/);
  });

  it('fails on an expired token before sending it', async () => {
    const part = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
    const expired = `${part({ alg: 'HS256' })}.${part({ sub: 'u', exp: Math.floor(Date.now() / 1000) - 60 })}.c2ln`;
    const checks = await checkBackend({ apiUrl: setup.apiUrl, token: expired });
    expect(checks).toEqual([expect.objectContaining({ name: 'Backend token', status: 'fail' })]);
  });

  it('refuses to send an API key as the token', async () => {
    const key = 'sk-proj-DOCTORKEY0123456789abcdefghij';
    let calls = 0;
    const server = await serve(async () => (calls++, Response.json({ data: [] })));
    closers.push(server.close);
    const checks = await checkBackend({ apiUrl: `${server.url}/chatkit`, token: key });
    expect(statusOf(checks, 'Backend token')).toBe('fail');
    expect(calls).toBe(0);
    expect(JSON.stringify(checks)).not.toContain(key.slice(3));
  });

  it('fails on an answer that is not a page of threads', async () => {
    const server = await serve(async () => Response.json({ ok: true }));
    closers.push(server.close);
    expect(statusOf(await checkBackend({ apiUrl: `${server.url}/chatkit`, token: 't' }), 'Backend answer')).toBe('fail');
  });

  it('reports a backend that refuses the page origin', async () => {
    const checks = await checkBackend({ apiUrl: setup.apiUrl, tokenUrl: setup.sessionUrl, origin: 'https://elsewhere.example' });
    expect(statusOf(checks, 'Token endpoint')).toBe('fail');
  });
});
