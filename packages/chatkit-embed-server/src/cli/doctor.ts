/**
 * `npx chatkit-embed-server doctor`: checks a deployed setup from outside, the way a visitor's
 * browser meets it (with the page's Origin, CORS preflights, the page's CSP), and says
 * for each finding what to change. Each check resolves to `Check`s and never throws;
 * the CLI only prints them.
 */
import { checkPolicies, metaPolicies, parseCsp, scriptNonces, type CspDirectives, type CspRequestKind } from './csp.js';
import { DEFAULT_TIMEOUT_MS, containsApiKey, isCrossOrigin, maskSecret, originHeaders, probe, statusWithMessage } from './http-probe.js';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface Check {
  name: string;
  status: CheckStatus;
  /** What was found. Never holds a secret: at most its first three characters and length. */
  detail: string;
  /** What to change; on warnings and failures only. */
  fix?: string;
}

/** OpenAI's ChatKit script, and the origin its frame is served from (CHATKIT-FACTS: no other URL exists). */
export const CHATKIT_SCRIPT_URL = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
const CHATKIT_FRAME_URL = 'https://cdn.platform.openai.com/deployments/chatkit/';

const pass = (name: string, detail: string): Check => ({ name, status: 'pass', detail });
const warn = (name: string, detail: string, fix: string): Check => ({ name, status: 'warn', detail, fix });
const fail = (name: string, detail: string, fix: string): Check => ({ name, status: 'fail', detail, fix });

export interface DoctorOptions {
  /** The page with the chat. Its origin is the default `origin`. */
  page?: string;
  /** The element's `session-url`. */
  sessionUrl?: string;
  /** The origin requests come from, e.g. `https://shop.example`. */
  origin?: string;
  /** The element's `api-url`: a self-hosted ChatKit backend. */
  apiUrl?: string;
  /** A bearer token for `apiUrl`. */
  token?: string;
  /** An endpoint minting bearer tokens for `apiUrl`; without `token` or `tokenUrl`, `sessionUrl` is used. */
  tokenUrl?: string;
  /** Per request. @default 10000 */
  timeoutMs?: number;
}

/** Runs every check the options allow: session endpoint, page, backend, in that order. */
export async function runDoctor(options: DoctorOptions): Promise<Check[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const origin = options.origin ?? (options.page ? new URL(options.page).origin : undefined);
  const checks: Check[] = [];
  let sessionSecret: string | undefined;
  if (options.sessionUrl) {
    const session = await checkSecretEndpoint({ url: options.sessionUrl, origin, timeoutMs });
    checks.push(...session.checks);
    sessionSecret = session.secret;
  }
  if (options.page) {
    const connectTo = [options.sessionUrl, options.apiUrl].filter((url): url is string => Boolean(url));
    checks.push(...(await checkPage({ url: options.page, connectTo, timeoutMs })));
  }
  if (options.apiUrl) {
    const useSession = options.token === undefined && !options.tokenUrl && Boolean(options.sessionUrl);
    const token = options.token ?? (useSession ? sessionSecret : undefined);
    if (useSession && token === undefined) {
      checks.push(
        fail('Backend token', 'no token: the session endpoint gave none (see above)', 'Fix the session endpoint first, or pass a token.'),
      );
    } else {
      const source =
        token !== undefined
          ? { token, ...(useSession && { tokenFrom: 'client_secret of the session endpoint' }) }
          : { ...(options.tokenUrl && { tokenUrl: options.tokenUrl }) };
      checks.push(...(await checkBackend({ apiUrl: options.apiUrl, origin, timeoutMs, ...source })));
    }
  }
  return checks;
}

// ---------- session and token endpoints ----------

export interface SecretEndpointOptions {
  url: string;
  origin?: string | undefined;
  timeoutMs?: number;
  /** Prefix of the checks' names. @default 'Session endpoint' */
  label?: string;
}

/**
 * An endpoint answering `POST` with `{ client_secret, expires_at }` (a hosted session
 * endpoint, or a token endpoint for a self-hosted backend): CORS, status, the secret,
 * its expiry. `secret` is the client secret when the endpoint gave a usable one.
 */
export async function checkSecretEndpoint(options: SecretEndpointOptions): Promise<{ checks: Check[]; secret?: string }> {
  const { url, origin } = options;
  const label = options.label ?? 'Session endpoint';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const checks: Check[] = [];
  const crossOrigin = isCrossOrigin(origin, url);
  if (crossOrigin) checks.push(await checkPreflight(`${label} preflight`, url, origin, ['content-type'], timeoutMs));

  const result = await probe(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json', ...originHeaders(origin) }, body: '{}', redirect: 'manual' },
    timeoutMs,
  );
  if (!result.ok) {
    checks.push(
      fail(
        label,
        `POST ${url}: ${result.error}`,
        'Check that the endpoint is running and that the URL (scheme, host, port, path) is right.',
      ),
    );
    return { checks };
  }
  const { response, ms } = result;
  const text = await response.text();
  if (response.status >= 300 && response.status < 400) {
    checks.push(redirectCheck(label, response));
    return { checks };
  }
  const answer = `${label} answer`;
  const leakFix =
    'Revoke the key at platform.openai.com now. Answer with the client_secret of a session the server created ' +
    '(hosted) or a token it signed (self-hosted), never the API key, not even in an error message.';
  if (!response.ok) {
    checks.push(fail(label, `POST answered ${statusWithMessage(response.status, text)}`, secretEndpointFix(response.status, origin)));
    // An endpoint passing on OpenAI's error body ("Incorrect API key provided: sk-…") leaks the key.
    if (containsApiKey(text)) checks.push(fail(answer, 'the error answer holds something shaped like an OpenAI API key (sk-…)', leakFix));
    return { checks };
  }
  checks.push(pass(label, `POST answered HTTP ${response.status} in ${ms} ms`));
  if (crossOrigin) checks.push(checkAnswerCors(`${label} CORS`, response, origin));

  const answerFix = 'Answer with JSON: {"client_secret": "...", "expires_at": <Unix seconds>}.';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const secret = (json as { client_secret?: unknown } | null)?.client_secret;
  if (typeof secret === 'string' && secret.startsWith('sk-')) {
    checks.push(
      fail(answer, `client_secret looks like an OpenAI API key (${maskSecret(secret)}): the endpoint is leaking the key`, leakFix),
    );
    return { checks };
  }
  if (containsApiKey(text)) {
    checks.push(fail(answer, 'the answer holds something shaped like an OpenAI API key (sk-…): the endpoint is leaking the key', leakFix));
    return { checks };
  }
  if (json === undefined) {
    const type = response.headers.get('content-type') ?? 'none';
    checks.push(fail(answer, `not JSON (content-type: ${type})`, answerFix));
    return { checks };
  }
  if (typeof secret !== 'string' || !secret) {
    checks.push(fail(answer, 'JSON without a client_secret string', answerFix));
    return { checks };
  }
  checks.push(pass(answer, `client_secret ${maskSecret(secret)}`));
  checks.push(checkExpiry(`${label} expiry`, (json as { expires_at?: unknown }).expires_at));
  return { checks, secret };
}

function secretEndpointFix(status: number, origin: string | undefined): string {
  if (status === 401 || status === 403) {
    return (
      'The endpoint refused the request. It may need the cookies or headers the page sends ' +
      '(session-credentials, session-headers; the doctor sends none)' +
      (origin ? `, or not allow the origin ${origin} (npx chatkit-embed-server serve: --origin ${origin}).` : '.')
    );
  }
  if (status === 404 || status === 405)
    return 'Check the URL: it should name the endpoint that answers POST with {"client_secret", "expires_at"}.';
  if (status === 429)
    return 'The endpoint is rate limiting: wait a minute, or raise its limit (npx chatkit-embed-server serve: --rate-limit).';
  return "Check the endpoint's server log; for hosted sessions, its OpenAI API key and workflow id.";
}

/** `expires_at`: Unix seconds in the future. Milliseconds are the usual mistake. */
export function checkExpiry(name: string, expiresAt: unknown, nowMs = Date.now()): Check {
  const fix = 'Send expires_at as Unix time in seconds (as OpenAI sessions do): now + the lifetime.';
  if (expiresAt === undefined || expiresAt === null) {
    return warn(name, 'no expires_at', 'Send expires_at (Unix seconds), so the element renews the secret before it runs out.');
  }
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) {
    return fail(name, `expires_at is ${JSON.stringify(expiresAt)}, not a number of Unix seconds`, fix);
  }
  // 1e11 seconds is the year 5138; a time in milliseconds has been past it since 1973.
  if (expiresAt > 1e11) return fail(name, `expires_at ${expiresAt} looks like milliseconds`, fix);
  const left = Math.round(expiresAt - nowMs / 1000);
  if (left <= 0) return fail(name, `expires_at is ${-left} s in the past`, `Check the server's clock. ${fix}`);
  return pass(name, `expires in ${left} s`);
}

// ---------- CORS ----------

async function checkPreflight(name: string, url: string, origin: string, requestHeaders: string[], timeoutMs: number): Promise<Check> {
  const result = await probe(
    url,
    {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders.join(', ') },
      redirect: 'manual',
    },
    timeoutMs,
  );
  if (!result.ok) return fail(name, `OPTIONS ${url}: ${result.error}`, 'Check that the endpoint is running and that the URL is right.');
  const { response } = result;
  await response.body?.cancel();
  const fix =
    `Answer OPTIONS from ${origin} with 2xx, Access-Control-Allow-Origin: ${origin} and ` +
    `Access-Control-Allow-Headers: ${requestHeaders.join(', ')} (npx chatkit-embed-server serve: --origin ${origin}).`;
  if (!response.ok) return fail(name, `OPTIONS from ${origin} answered HTTP ${response.status}`, fix);
  const allowOrigin = response.headers.get('access-control-allow-origin');
  if (allowOrigin !== origin && allowOrigin !== '*') {
    return fail(
      name,
      allowOrigin ? `Access-Control-Allow-Origin is ${allowOrigin}, not ${origin}` : `no Access-Control-Allow-Origin for ${origin}`,
      fix,
    );
  }
  const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(',').map((header) => header.trim().toLowerCase());
  // `*` covers every header but Authorization (Fetch, CORS-preflight fetch step 7).
  const missing = requestHeaders.filter((header) => !allowed.includes(header) && !(allowed.includes('*') && header !== 'authorization'));
  if (missing.length) return fail(name, `Access-Control-Allow-Headers does not allow ${missing.join(', ')}`, fix);
  // POST needs no Access-Control-Allow-Methods: it is a CORS-safelisted method.
  if (allowOrigin === '*') {
    return warn(
      name,
      'allows any origin (Access-Control-Allow-Origin: *): browsers send no cookies with such requests',
      `If the endpoint knows visitors by a cookie, answer with Access-Control-Allow-Origin: ${origin} and Access-Control-Allow-Credentials: true instead.`,
    );
  }
  return pass(name, `OPTIONS from ${origin} answered HTTP ${response.status}, allowing the origin and ${requestHeaders.join(', ')}`);
}

function checkAnswerCors(name: string, response: Response, origin: string): Check {
  const allowOrigin = response.headers.get('access-control-allow-origin');
  if (allowOrigin === origin) return pass(name, `Access-Control-Allow-Origin: ${origin}`);
  if (allowOrigin === '*') return pass(name, 'Access-Control-Allow-Origin: * (any origin, without cookies)');
  const fix = `Send Access-Control-Allow-Origin: ${origin} on the answer too, not only on the preflight (npx chatkit-embed-server serve: --origin ${origin}).`;
  if (!allowOrigin) return fail(name, `the answer has no Access-Control-Allow-Origin: a page on ${origin} cannot read it`, fix);
  return fail(name, `Access-Control-Allow-Origin is ${allowOrigin}, not ${origin}`, fix);
}

function redirectCheck(name: string, response: Response): Check {
  const location = response.headers.get('location') ?? '(no Location)';
  const detail = `POST answered HTTP ${response.status}, a redirect to ${location}`;
  const fix = 'Use the final URL: a redirected POST (to https, a trailing slash, or a sign-in page) costs a round trip at best.';
  // Browsers repeat the POST after 307 and 308, and turn it into a GET after 301, 302 and 303.
  return response.status === 307 || response.status === 308 ? warn(name, detail, fix) : fail(name, detail, fix);
}

// ---------- the page ----------

export interface PageOptions {
  url: string;
  /** Endpoints the page fetches from (session endpoint, backend), for `connect-src`. */
  connectTo?: readonly string[];
  timeoutMs?: number;
}

/** The page: that it loads, mentions the element, and that its CSP and COEP let the chat in. */
export async function checkPage(options: PageOptions): Promise<Check[]> {
  const result = await probe(options.url, { headers: { accept: 'text/html' } }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!result.ok) return [fail('Page', `GET ${options.url}: ${result.error}`, 'Check the URL and that the site is up.')];
  const { response } = result;
  const html = await response.text();
  if (!response.ok) return [fail('Page', `GET ${options.url} answered HTTP ${response.status}`, 'Check the URL and that the site is up.')];
  const self = new URL(response.url || options.url);
  const checks: Check[] = [];
  checks.push(
    /chatkit-embed/i.test(html)
      ? pass('Page', `HTTP ${response.status}, the HTML mentions chatkit-embed`)
      : warn(
          'Page',
          `HTTP ${response.status}, but the HTML does not mention chatkit-embed`,
          'Check that this is the page with the chat; a tag that a script or tag manager adds later does not show here.',
        ),
  );
  checks.push(...checkCsp(response.headers, html, self, options.connectTo ?? []));
  checks.push(checkCoep(response.headers));
  return checks;
}

/** The page's CSP, from its headers and `<meta http-equiv>` tags, against what the chat loads. */
export function checkCsp(headers: Headers, html: string, self: URL, connectTo: readonly string[]): Check[] {
  const enforced = [headers.get('content-security-policy') ?? '', ...metaPolicies(html)].flatMap(parseCsp);
  const reportOnly = parseCsp(headers.get('content-security-policy-report-only') ?? '');
  if (!enforced.length && !reportOnly.length) return [pass('Page CSP', 'no policy: nothing restricts the chat')];
  const onlyReporting = !enforced.length;
  const policies = onlyReporting ? reportOnly : enforced;
  const checks: Check[] = [
    onlyReporting
      ? pass('Page CSP', 'only Content-Security-Policy-Report-Only: nothing is blocked yet; checked below as if enforced')
      : pass(
          'Page CSP',
          `${policies.length === 1 ? 'one policy' : `${policies.length} policies`} enforced${reportOnly.length ? ' (a report-only policy too, not checked)' : ''}`,
        ),
  ];
  const perDirective = [
    checkScriptSrc(policies, html, self),
    checkUrls('Page CSP frame-src', policies, 'frame', [CHATKIT_FRAME_URL], self, "ChatKit's frame"),
    ...(connectTo.length ? [checkUrls('Page CSP connect-src', policies, 'connect', connectTo, self, 'the chat endpoints')] : []),
  ];
  // A report-only policy blocks nothing: what it would block is a warning for the day it is enforced.
  checks.push(
    ...perDirective.map((check) =>
      onlyReporting && check.status === 'fail'
        ? warn(check.name, `report-only: ${check.detail}`, `${check.fix} Do so before enforcing the policy.`)
        : check,
    ),
  );
  return checks;
}

function checkScriptSrc(policies: readonly CspDirectives[], html: string, self: URL): Check {
  const name = 'Page CSP script-src';
  const bundle = findBundleScript(html, self);
  const targets = [new URL(CHATKIT_SCRIPT_URL), ...(bundle && bundle.url.href !== CHATKIT_SCRIPT_URL ? [bundle.url] : [])];
  const decisions = targets.map((url) => ({ url, ...checkPolicies(policies, 'script', url, self) }));
  const directive = decisions.find((decision) => decision.directive)?.directive;
  if (!directive) return pass(name, 'no script-src or default-src: scripts are not restricted');
  const blocked = decisions.filter((decision) => decision.verdict === 'blocked');
  if (blocked.length) {
    const origins = unique(blocked.map((decision) => decision.url.origin));
    if (blocked.some((decision) => decision.strictDynamic)) {
      return fail(
        name,
        `${directive} has 'strict-dynamic' with no nonce or hash, so no script tag can load ${origins.join(', ')}`,
        "Add a 'nonce-…' source to script-src and put the same nonce on the chatkit-embed script tag.",
      );
    }
    return fail(name, `${directive} blocks ${origins.join(', ')}`, addSources('script', directive, origins));
  }
  const byNonce = decisions.filter((decision) => decision.verdict === 'nonce');
  if (byNonce.length) {
    const origins = unique(byNonce.map((decision) => decision.url.origin)).join(', ');
    const how = byNonce.some((decision) => decision.strictDynamic) ? "a nonce ('strict-dynamic')" : 'a nonce';
    if (bundle?.nonce && scriptNonces(policies).includes(bundle.nonce)) {
      return pass(name, `${directive} allows ${origins} through ${how}, which the chatkit-embed script tag carries`);
    }
    return warn(
      name,
      `${directive} allows ${origins} only through ${how}`,
      'Put the page\'s nonce on the chatkit-embed script tag (nonce="…"): the element passes it on to the scripts it adds.',
    );
  }
  return pass(name, `${directive} allows ${unique(decisions.map((decision) => decision.url.origin)).join(', ')}`);
}

function checkUrls(
  name: string,
  policies: readonly CspDirectives[],
  kind: CspRequestKind,
  urls: readonly string[],
  self: URL,
  what: string,
): Check {
  const decisions = urls.map((url) => ({ url: new URL(url), ...checkPolicies(policies, kind, new URL(url), self) }));
  const directive = decisions.find((decision) => decision.directive)?.directive;
  const governing = kind === 'frame' ? 'frame-src, child-src or default-src' : 'connect-src or default-src';
  if (!directive) return pass(name, `no ${governing}: ${what} ${kind === 'frame' ? 'is' : 'are'} not restricted`);
  const blocked = decisions.filter((decision) => decision.verdict !== 'allowed');
  if (blocked.length) {
    const origins = unique(blocked.map((decision) => decision.url.origin));
    return fail(
      name,
      `${directive} blocks ${blocked.map((decision) => decision.url.href).join(', ')}`,
      addSources(kind, directive, origins),
    );
  }
  return pass(name, `${directive} allows ${unique(decisions.map((decision) => decision.url.origin)).join(', ')}`);
}

/** The fix for a blocked source: add it where it counts, without loosening default-src for everything. */
function addSources(kind: CspRequestKind, directive: string, origins: readonly string[]): string {
  const own = kind === 'script' ? 'script-src' : kind === 'frame' ? 'frame-src' : 'connect-src';
  const list = origins.join(' ');
  if (directive === own || directive === 'script-src-elem') return `Add ${list} to ${directive}.`;
  return `Add a ${own} directive with ${list} and the page's other ${own.replace('-src', '')} sources (${directive} applies now).`;
}

/** The `<script src>` that loads chatkit-embed, with its nonce. */
function findBundleScript(html: string, self: URL): { url: URL; nonce?: string } | undefined {
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (!src || !/chatkit-embed/i.test(src)) continue;
    try {
      const nonce = attribute(tag, 'nonce');
      return { url: new URL(src, self), ...(nonce && { nonce }) };
    } catch {
      continue;
    }
  }
  return undefined;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function checkCoep(headers: Headers): Check {
  const name = 'Page COEP';
  const value = headers.get('cross-origin-embedder-policy');
  const policy = value?.split(';')[0]!.trim().toLowerCase();
  if (policy === 'require-corp') {
    return fail(
      name,
      "Cross-Origin-Embedder-Policy: require-corp, reported to break ChatKit's frame",
      'Serve the page with the chat without Cross-Origin-Embedder-Policy: require-corp.',
    );
  }
  if (policy === 'credentialless') {
    return warn(
      name,
      "Cross-Origin-Embedder-Policy: credentialless; require-corp is reported to break ChatKit's frame, and this may too",
      'Test the chat on this page, or serve it without Cross-Origin-Embedder-Policy.',
    );
  }
  return pass(name, value ? `Cross-Origin-Embedder-Policy: ${value}` : 'no Cross-Origin-Embedder-Policy');
}

// ---------- a self-hosted backend ----------

export interface BackendOptions {
  apiUrl: string;
  origin?: string | undefined;
  /** A bearer token; else one from `tokenUrl`. */
  token?: string;
  /** Where `token` came from, for the report. @default 'token given' */
  tokenFrom?: string;
  tokenUrl?: string;
  timeoutMs?: number;
}

/** A ChatKit-protocol backend: a token for it, CORS, and a `threads.list` it answers. */
export async function checkBackend(options: BackendOptions): Promise<Check[]> {
  const { apiUrl, origin } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const checks: Check[] = [];
  let token = options.token;
  if (token !== undefined) {
    const check = checkToken(token, options.tokenFrom ?? 'token given');
    checks.push(check);
    if (check.status === 'fail') return checks;
  } else if (options.tokenUrl) {
    const minted = await checkSecretEndpoint({ url: options.tokenUrl, origin, timeoutMs, label: 'Token endpoint' });
    checks.push(...minted.checks);
    token = minted.secret;
    if (!token) return checks;
  } else {
    checks.push(fail('Backend token', 'no token to call the backend with', 'Pass a token, or the URL of the endpoint that mints them.'));
    return checks;
  }

  if (isCrossOrigin(origin, apiUrl))
    checks.push(await checkPreflight('Backend preflight', apiUrl, origin, ['authorization', 'content-type'], timeoutMs));
  const result = await probe(
    apiUrl,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...originHeaders(origin) },
      body: JSON.stringify({ type: 'threads.list', params: { limit: 1, order: 'desc' } }),
      redirect: 'manual',
    },
    timeoutMs,
  );
  if (!result.ok) {
    checks.push(
      fail('Backend', `POST ${apiUrl}: ${result.error}`, 'Check that the ChatKit server is running and that api-url names its endpoint.'),
    );
    return checks;
  }
  const { response, ms } = result;
  const text = await response.text();
  if (response.status >= 300 && response.status < 400) {
    checks.push(redirectCheck('Backend', response));
    return checks;
  }
  if (!response.ok) {
    checks.push(fail('Backend', `threads.list answered ${statusWithMessage(response.status, text)}`, backendFix(response.status, origin)));
    return checks;
  }
  checks.push(pass('Backend', `threads.list answered HTTP ${response.status} in ${ms} ms`));
  if (isCrossOrigin(origin, apiUrl)) checks.push(checkAnswerCors('Backend CORS', response, origin));
  let data: unknown;
  try {
    data = (JSON.parse(text) as { data?: unknown }).data;
  } catch {
    data = undefined;
  }
  checks.push(
    Array.isArray(data)
      ? pass('Backend answer', `a page of ${data.length} thread${data.length === 1 ? '' : 's'}`)
      : fail(
          'Backend answer',
          'not a ChatKit page of threads ({"data": [...], "has_more": ...})',
          "Check that api-url names a ChatKit-protocol endpoint (createChatKitServer, or chatkit-python's ChatKitServer).",
        ),
  );
  return checks;
}

function backendFix(status: number, origin: string | undefined): string {
  if (status === 401 || status === 403) {
    return (
      'Check that the backend verifies tokens with the key that signs them (the same secret, or its JWKS), ' +
      `that the token has not expired${origin ? `, and that its origin policy allows ${origin}` : ''}.`
    );
  }
  if (status === 404 || status === 405)
    return 'Check api-url: it should name the ChatKit endpoint itself (e.g. https://chat.example.com/chatkit).';
  return "Check the ChatKit server's log.";
}

/** A given token: never an API key, and not expired when it is a JWT. */
function checkToken(token: string, from: string): Check {
  const name = 'Backend token';
  if (token.startsWith('sk-')) {
    return fail(
      name,
      `${from} looks like an OpenAI API key: ${maskSecret(token)}; it was not sent`,
      'The backend takes short-lived tokens from your token endpoint, never the API key. If a page or endpoint handed it out, revoke it at platform.openai.com.',
    );
  }
  const exp = jwtExpiry(token);
  if (exp !== undefined) {
    const left = Math.round(exp - Date.now() / 1000);
    if (left <= 0) return fail(name, `${from}: ${maskSecret(token)}, expired ${-left} s ago`, 'Get a fresh token: they last minutes.');
    return pass(name, `${from}: ${maskSecret(token)}, expires in ${left} s`);
  }
  return pass(name, `${from}: ${maskSecret(token)}`);
}

function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

const unique = (values: readonly string[]) => [...new Set(values)];

// ---------- output ----------

/** One line per check: `PASS  name: detail`, and `→ fix` on warnings and failures. */
export function formatChecks(checks: readonly Check[]): string {
  return checks
    .map((check) => `${check.status.toUpperCase().padEnd(4)}  ${check.name}: ${check.detail}${check.fix ? ` → ${check.fix}` : ''}`)
    .join('\n');
}
