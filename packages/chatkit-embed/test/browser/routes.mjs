// The HTTP side of the browser tests, served by the test runner on loopback:
// scripted session endpoints, a self-hosted backend stand-in, the fake ChatKit script
// and pages with their own Content-Security-Policy.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** Requests per test key, with the server's clock at arrival (`at`, ms). */
/** @type {Map<string, Array<{path: string, at: number, headers?: Record<string, string>, body?: string}>>} */
const logs = new Map();
const counters = new Map();
let fakeScript;

async function fakeChatKitScript() {
  fakeScript ??= build({
    entryPoints: ['test/fixtures/fake-chatkit.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  }).then((result) => result.outputFiles[0].text);
  return fakeScript;
}

async function readBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function secretFor(key, ttl) {
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const expiresAt = Math.floor(Date.now() / 1000) + ttl;
  return { client_secret: `ek_${n}@${expiresAt}`, expires_at: expiresAt };
}

function json(ctx, status, body, headers = {}) {
  ctx.status = status;
  ctx.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
}

async function session(ctx, scenario) {
  const q = ctx.query;
  const key = q.key ?? 'default';
  const entry = {
    path: ctx.path,
    at: Date.now(),
    headers: Object.fromEntries(
      ['authorization', 'content-type', 'x-site', 'cookie'].flatMap((h) => (ctx.get(h) ? [[h, ctx.get(h)]] : [])),
    ),
    body: await readBody(ctx.req),
  };
  const log = logs.get(key) ?? [];
  log.push(entry);
  logs.set(key, log);
  const ttl = Number(q.ttl ?? 600);
  const retryAfter = q.retryAfter ? { 'retry-after': String(q.retryAfter) } : {};
  switch (scenario) {
    case 'ok':
      return json(ctx, 200, secretFor(key, ttl));
    case 'status':
      return json(ctx, Number(q.code), { error: 'scripted failure' }, retryAfter);
    case 'flaky':
      if (log.length <= Number(q.fail ?? 1)) {
        return json(ctx, Number(q.code ?? 503), { error: 'scripted failure' }, retryAfter);
      }
      return json(ctx, 200, secretFor(key, ttl));
    case 'malformed':
      return json(ctx, 200, '{"client_secret": ');
    case 'no-secret':
      return json(ctx, 200, { id: 'cksess_1' });
    case 'api-key':
      return json(ctx, 200, { client_secret: 'sk-proj-THISISNOTAREALKEY0123456789' });
    case 'expired': {
      // A secret whose expires_at is already past (a server clock or unit slip).
      const answer = secretFor(key, -60);
      return json(ctx, 200, answer);
    }
    case 'bad-expiry':
      return json(ctx, 200, { client_secret: 'ek_shape', expires_at: 'tomorrow' });
    case 'slow':
      await wait(Number(q.ms ?? 1000));
      return json(ctx, 200, secretFor(key, ttl));
    default:
      return json(ctx, 404, { error: 'no such scenario' });
  }
}

/** A self-hosted ChatKit backend stand-in that checks bearer tokens minted above. */
async function backend(ctx) {
  const key = ctx.query.key ?? 'backend';
  const body = await readBody(ctx.req);
  const auth = ctx.get('authorization');
  const log = logs.get(key) ?? [];
  log.push({ path: ctx.path, headers: auth ? { authorization: auth } : {}, body });
  logs.set(key, log);
  const rejectFirst = ctx.query.rejectFirst === '1' && log.length === 1;
  const needsAuth = ctx.query.auth === '1';
  const expiry = Number(auth?.split('@')[1] ?? 0);
  if (rejectFirst || (needsAuth && !(expiry * 1000 > Date.now()))) {
    return json(ctx, 401, { error: 'unauthorized' });
  }
  return json(ctx, 200, { data: [], has_more: false, after: null });
}

function logRequest(key, path) {
  const log = logs.get(key) ?? [];
  log.push({ path, at: Date.now() });
  logs.set(key, log);
}

function page(ctx) {
  const q = ctx.query;
  const nonce = 'n0nce123';
  const csp = [];
  if (q.csp === 'nonce' || q.csp === 'trusted-types') csp.push(`script-src 'nonce-${nonce}'`);
  // csp=self: this origin's scripts only, so a ChatKit script from another origin is refused.
  if (q.csp === 'self') csp.push("script-src 'self'");
  if (q.csp === 'trusted-types') {
    csp.push("require-trusted-types-for 'script'", `trusted-types ${q.policies ?? 'lit-html chatkit-embed'}`);
  }
  if (csp.length) ctx.set('content-security-policy', csp.join('; '));
  const elementNonce = q.elementNonce ? ` nonce="${q.elementNonce}"` : '';
  // The bundle's tag: in <head> (async or defer) or at the end of <body> (end=1).
  const loading = q.async ? ' async' : q.defer ? ' defer' : '';
  // nocore=1: the bundle from a folder without its core script next to it; core=flaky or
  // core=held: from a folder of its own whose core arrives as `ownFile` says.
  const src = q.nocore ? '/nocore/chatkit-embed.js' : q.core ? `/own/${q.key}/${q.core}/chatkit-embed.js` : '/dist/cdn/chatkit-embed.js';
  const bundle = `<script nonce="${nonce}" src="${src}"${loading}></script>`;
  ctx.set('content-type', 'text/html');
  ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare page</title>
${q.end ? '' : bundle}
</head><body>
<chatkit-embed${elementNonce}${q.launcher ? ' mode="launcher" remember' : ''} script-src="${q.chatkitSrc ?? '/fake/chatkit.js'}" session-url="/session/ok?key=${q.key ?? 'page'}"></chatkit-embed>
${q.end ? bundle : ''}
</body></html>`;
}

// The framework examples live at the repository root (demo/frameworks), outside the
// folder the test runner serves; their built files are served as they are.
const EXAMPLES = new URL('../../../../demo/frameworks/', import.meta.url);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

async function exampleFile(ctx, path) {
  const relative = decodeURIComponent(path.slice('/demo/frameworks/'.length));
  if (relative.split('/').includes('..')) return json(ctx, 400, { error: 'bad path' });
  try {
    ctx.body = await readFile(new URL(relative, EXAMPLES));
    ctx.set('content-type', TYPES[relative.slice(relative.lastIndexOf('.'))] ?? 'application/octet-stream');
  } catch {
    ctx.status = 404;
    ctx.body = 'not found';
  }
}

const coreRequests = new Map();
const releasedCores = new Set();

/**
 * `/own/<key>/<how>/<file>`: the script-tag files, from a folder per test, so that the
 * test decides how the core arrives. `flaky`: the first request for it fails, as a blocked
 * or stale file would; `held`: it waits until the test asks for `/release-core?key=<key>`.
 */
async function ownFile(ctx, key, how, file) {
  if (file === 'chatkit-embed-core.js') {
    const count = (coreRequests.get(key) ?? 0) + 1;
    coreRequests.set(key, count);
    logRequest(key, ctx.path);
    if (how === 'flaky' && count === 1) {
      ctx.status = 503;
      ctx.body = 'unavailable';
      return;
    }
    for (let waited = 0; how === 'held' && !releasedCores.has(key); waited += 20) {
      if (waited > 20_000) return json(ctx, 503, { error: 'never released' });
      await wait(20);
    }
  }
  ctx.set('content-type', 'text/javascript');
  ctx.body = await readFile(new URL(`../../dist/cdn/${file}`, import.meta.url), 'utf8');
}

/** Whether a session request under `key` arrives within 20 s (checked every 20 ms). */
async function sessionRequested(key) {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (logs.get(key)?.some((entry) => entry.path.startsWith('/session/'))) return true;
    await wait(20);
  }
  return false;
}

/** Koa middleware for @web/test-runner. */
export async function testRoutes(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/session/')) return session(ctx, path.slice('/session/'.length));
  if (path === '/session-log') return json(ctx, 200, logs.get(ctx.query.key) ?? []);
  if (path === '/backend') return backend(ctx);
  if (path === '/page') return page(ctx);
  if (path.startsWith('/demo/frameworks/')) return exampleFile(ctx, path);
  const own = /^\/own\/([\w-]+)\/(flaky|held)\/(chatkit-embed(?:-core)?\.js)$/.exec(path);
  if (own) return ownFile(ctx, own[1], own[2], own[3]);
  if (path === '/release-core') {
    releasedCores.add(ctx.query.key);
    return json(ctx, 200, {});
  }
  if (path === '/nocore/chatkit-embed.js') {
    ctx.set('content-type', 'text/javascript');
    ctx.body = await readFile(new URL('../../dist/cdn/chatkit-embed.js', import.meta.url), 'utf8');
    return;
  }
  if (path === '/fake/chatkit.js') {
    if (ctx.query.key) logRequest(ctx.query.key, path);
    if (ctx.query.delay) await wait(Number(ctx.query.delay));
    // Holds the script until the page has asked for a session (under `waitFor`'s key):
    // a page that asked only after the script had loaded never gets it.
    if (ctx.query.waitFor && !(await sessionRequested(ctx.query.waitFor))) {
      ctx.status = 503;
      ctx.body = 'no session request came while the script was loading';
      return;
    }
    ctx.set('content-type', 'text/javascript');
    ctx.body = await fakeChatKitScript();
    return;
  }
  if (path === '/fake/broken.js') {
    ctx.status = 503; // what a blocked or failing CDN looks like to the page: an error event
    ctx.body = 'unavailable';
    return;
  }
  // The fake ChatKit behind a CDN that fails once: the first request per key is a 503.
  if (path === '/fake/flaky.js') {
    logRequest(ctx.query.key, path);
    if (logs.get(ctx.query.key).filter((entry) => entry.path === path).length === 1) {
      ctx.status = 503;
      ctx.body = 'unavailable';
      return;
    }
    ctx.set('content-type', 'text/javascript');
    ctx.body = await fakeChatKitScript();
    return;
  }
  if (path === '/fake/defines-nothing.js') {
    ctx.set('content-type', 'text/javascript');
    ctx.body = '/* loads, but never defines openai-chatkit */';
    return;
  }
  return next();
}
