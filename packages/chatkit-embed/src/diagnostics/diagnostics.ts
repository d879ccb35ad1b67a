/**
 * Why a chat is blank, said in one place. Each diagnostic has a stable code pages can
 * switch on, a one-line explanation and the fix. The table is the single source of the
 * element's messages and of the README's "Why is my chat blank?" list (generated from
 * it, and checked by the test command).
 *
 * DOM-free, so the table is tested and rendered in Node.
 */

export type DiagnosticLevel = 'error' | 'warning';

export interface DiagnosticEntry {
  level: DiagnosticLevel;
  /** What happened; `{name}` placeholders are filled from the diagnostic's params. */
  message: string;
  /** What the site owner should do about it. */
  fix: string;
}

export const DIAGNOSTICS = {
  'script-blocked-by-csp': {
    level: 'error',
    message: "The page's Content-Security-Policy blocked the script {url}.",
    fix: 'Add {origin} to script-src, and https://cdn.platform.openai.com to frame-src, in the Content-Security-Policy.',
  },
  'script-trusted-types': {
    level: 'error',
    message: 'The page enforces Trusted Types and refused the URL of the script {url}.',
    fix: 'Allow the "chatkit-embed" policy in the trusted-types directive of the Content-Security-Policy.',
  },
  'script-load-failed': {
    level: 'error',
    message: 'The script {url} failed to load.',
    fix: 'Check the network panel: the browser may be offline, an ad or content blocker may stop it, or the URL is wrong.',
  },
  'script-stalled': {
    level: 'error',
    message: 'The script {url} did not define its element within {seconds} s.',
    fix: 'Check the network panel for a very slow or stuck request, and that script-src points at the real ChatKit script.',
  },
  'chatkit-not-ready': {
    level: 'error',
    message: 'ChatKit loaded but was not ready within {seconds} s.',
    fix: "Check the console and network panel for errors from ChatKit's frame or your backend; a hostname missing from the domain allowlist is a common cause.",
  },
  'host-no-height': {
    level: 'warning',
    message: 'The chat is 0 px high, so nothing of it shows.',
    fix: 'Give <chatkit-embed> a height (the --chatkit-embed-height custom property, or height in CSS), and check its container is not 0 px high.',
  },
  'host-hidden': {
    level: 'warning',
    message: 'The chat is loading inside an element that is not displayed (display: none on it or an ancestor).',
    fix: 'Show the element, or set loading="lazy" so it loads only when it comes into view.',
  },
  'config-missing': {
    level: 'error',
    message: 'No backend is configured: {reason}',
    fix: 'Set session-url (hosted), or api-url with domain-key (self-hosted), or a getClientSecret function.',
  },
  'domain-key-missing': {
    level: 'error',
    message: 'Self-hosted mode needs a domain key, and none is set.',
    fix: "Set domain-key: any placeholder on localhost; on a public site, the key from OpenAI's domain allowlist for this hostname.",
  },
  'domain-key-placeholder': {
    level: 'warning',
    message: 'The domain key "{key}" looks like a placeholder, and this page is on the public hostname {host}.',
    fix: "Add {host} to the domain allowlist in OpenAI's organisation settings and use the domain key it gives you.",
  },
  'session-http-error': {
    level: 'error',
    message: 'The session endpoint {url} answered HTTP {status}.',
    fix: "Check the endpoint's server log; 401 and 403 usually mean the page's cookies or headers do not reach it (session-credentials, session-headers).",
  },
  'session-cors': {
    level: 'error',
    message: 'The browser could not reach the session endpoint {url} on another origin, or was not allowed to read its answer.',
    fix: 'Check that the endpoint is up; then allow this origin ({origin}) with CORS on it (Access-Control-Allow-Origin, and Allow-Headers content-type), or serve it from the same origin.',
  },
  'session-network': {
    level: 'error',
    message: 'Could not reach the session endpoint {url}.',
    fix: 'Check that the endpoint is running and its URL is right; the network panel shows the failed request.',
  },
  'session-timeout': {
    level: 'error',
    message: 'The session endpoint {url} did not answer within {seconds} s.',
    fix: 'Check the endpoint; raise session-timeout if it is slow on purpose.',
  },
  'session-bad-json': {
    level: 'error',
    message: 'The session endpoint {url} did not return JSON.',
    fix: 'Answer with JSON: {"client_secret": "...", "expires_at": <Unix seconds>}.',
  },
  'session-no-secret': {
    level: 'error',
    message: 'The session endpoint {url} returned JSON without a usable "client_secret".',
    fix: 'Answer with {"client_secret": "...", "expires_at": <Unix seconds>}; for hosted mode, pass on the client_secret of the session OpenAI created.',
  },
  'session-bad-expiry': {
    level: 'error',
    message: 'The session endpoint {url} returned an "expires_at" that is not a Unix time in seconds.',
    fix: "Send expires_at as a number of seconds since 1970 (as OpenAI's sessions API does), or leave it out.",
  },
  'session-expired': {
    level: 'warning',
    message: 'The session endpoint returned a secret whose expires_at is already past.',
    fix: "Check the server's clock, and that expires_at is in seconds; the element asks for a new secret each time ChatKit needs one meanwhile.",
  },
  'backend-unauthorized': {
    level: 'error',
    message: 'Your ChatKit server {url} answered HTTP {status} to a request from ChatKit.',
    fix: 'Check that the server accepts the bearer tokens from session-url (same signing key, not expired), and that its origin policy allows this page.',
  },
  'chatkit-error': {
    level: 'error',
    message: 'ChatKit reported an error: {error}',
    fix: 'See ChatKit\'s message; with the "debug" attribute, the console shows the timeline that led to it.',
  },
  'option-removed': {
    level: 'warning',
    message: 'The option "{option}" is no longer accepted by ChatKit and was ignored.',
    fix: '{replacement}',
  },
  'api-key-exposed': {
    level: 'error',
    message: 'An OpenAI API key ({where}) is in the page, where only short-lived secrets belong. The chat stops here.',
    fix: 'Remove the key from the page and revoke it at platform.openai.com; mint client secrets on your server instead.',
  },
  'attribute-invalid': {
    level: 'warning',
    message: '{reason}',
    fix: 'Fix the value of {attribute}; until then it is left out and the chat carries on.',
  },
  // Built by the element's shell, which cannot load this table when the core is missing;
  // a unit test keeps the two texts the same.
  'core-load-failed': {
    level: 'error',
    message: "chatkit-embed's own core script did not load: {reason}",
    fix: 'Script tag: keep chatkit-embed-core.js next to chatkit-embed.js and allow its origin in script-src. npm: reload the page (a new deployment may have replaced the chunk) and check that the bundler emitted it.',
  },
} as const satisfies Record<string, DiagnosticEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** One finding: the table's entry with its placeholders filled. */
export interface ChatKitEmbedDiagnostic {
  code: DiagnosticCode;
  level: DiagnosticLevel;
  message: string;
  fix: string;
  /** The values behind the placeholders (URLs, statuses); never a secret. */
  params: Record<string, string>;
}

export function diagnose(code: DiagnosticCode, params: Record<string, string | number> = {}): ChatKitEmbedDiagnostic {
  const entry: DiagnosticEntry = DIAGNOSTICS[code];
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  return { code, level: entry.level, message: fill(entry.message), fix: fill(entry.fix), params: values };
}

/** Options from older ChatKit docs that it no longer accepts, with what replaced them. */
export const REMOVED_OPTIONS: Record<string, string> = {
  clientToken: 'Use api.getClientSecret (hosted; session-url does it for you) or api.url with api.domainKey (self-hosted).',
  getClientToken: 'Renamed api.getClientSecret; session-url does it for you.',
};

/** Domain keys that only work on localhost: the samples' placeholder and anything not shaped like a real key. */
export function isPlaceholderDomainKey(key: string): boolean {
  return !/^domain_pk_[A-Za-z0-9]{16,}$/.test(key) || /(^|_)(localhost|dev|test|example|placeholder)(_|$)/i.test(key);
}

/** Hostnames where ChatKit skips the domain check. */
export function isLocalHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d+){3}$/.test(hostname) ||
    hostname === '[::1]' ||
    hostname === ''
  );
}
