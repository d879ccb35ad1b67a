/**
 * Content-Security-Policy parsing and source matching, as far as the doctor needs it:
 * may this page load a script from, frame, or fetch a given URL? Follows CSP Level 3
 * (https://w3c.github.io/webappsec-csp/): §2.2 for parsing, §6.7.2 for matching source
 * expressions, §6.8.3 for which directive governs a request when it is absent.
 */

export type CspDirectives = ReadonlyMap<string, readonly string[]>;

/** What a page needs a policy to allow. */
export type CspRequestKind = 'script' | 'frame' | 'connect';

/** Where each kind of request looks for its sources, in order (CSP3 §6.8.3). */
export const FALLBACKS: Record<CspRequestKind, readonly string[]> = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  frame: ['frame-src', 'child-src', 'default-src'],
  connect: ['connect-src', 'default-src'],
};

/**
 * Parses a header value into its policies: several headers, joined with commas as
 * `Headers.get` does, are several policies, and a request must pass all of them.
 */
export function parseCsp(header: string): CspDirectives[] {
  return header
    .split(',')
    .map((policy) => {
      const directives = new Map<string, string[]>();
      for (const part of policy.split(';')) {
        const [name, ...sources] = part.trim().split(/[\t\n\f\r ]+/);
        if (!name) continue;
        const key = name.toLowerCase();
        // A repeated directive is ignored: the first one wins (§2.2.1).
        if (!directives.has(key)) directives.set(key, sources);
      }
      return directives;
    })
    .filter((directives) => directives.size > 0);
}

/** The directive that governs `kind` in a policy and its sources, or `null` when none does. */
export function governingDirective(policy: CspDirectives, kind: CspRequestKind): { name: string; sources: readonly string[] } | null {
  for (const name of FALLBACKS[kind]) {
    const sources = policy.get(name);
    if (sources) return { name, sources };
  }
  return null;
}

/**
 * `allowed`: the URL matches a source. `nonce`: only a script tag carrying the policy's
 * nonce (or a script such a tag adds, under 'strict-dynamic') may load it. `blocked`: nothing lets it in.
 */
export type CspVerdict = 'allowed' | 'nonce' | 'blocked';

export interface CspDecision {
  verdict: CspVerdict;
  /** The directive that decided, e.g. `default-src`; absent when no directive applies. */
  directive?: string;
  strictDynamic?: boolean;
}

/** Does `policy` let a page at `self` make a `kind` request to `url`? */
export function checkPolicy(policy: CspDirectives, kind: CspRequestKind, url: URL, self: URL): CspDecision {
  const directive = governingDirective(policy, kind);
  if (!directive) return { verdict: 'allowed' };
  const { name, sources } = directive;
  const lower = sources.map((source) => source.toLowerCase());
  const hasNonce = lower.some((source) => source.startsWith("'nonce-"));
  const hasHash = lower.some((source) => /^'(sha256|sha384|sha512)-/.test(source));
  if (kind === 'script' && lower.includes("'strict-dynamic'")) {
    // Host and scheme sources and 'self' are ignored: only a nonced or hashed script, and
    // the scripts it adds, run (§8.2).
    return { verdict: hasNonce || hasHash ? 'nonce' : 'blocked', directive: name, strictDynamic: true };
  }
  if (matchesSourceList(sources, url, self)) return { verdict: 'allowed', directive: name };
  if (kind === 'script' && hasNonce) return { verdict: 'nonce', directive: name, strictDynamic: false };
  return { verdict: 'blocked', directive: name };
}

/** The strictest verdict of all the policies: each of them must allow a request. */
export function checkPolicies(policies: readonly CspDirectives[], kind: CspRequestKind, url: URL, self: URL): CspDecision {
  const rank: Record<CspVerdict, number> = { allowed: 0, nonce: 1, blocked: 2 };
  let worst: CspDecision = { verdict: 'allowed' };
  for (const policy of policies) {
    const decision = checkPolicy(policy, kind, url, self);
    // On a tie, keep a decision that names its directive, for the report.
    const tie = rank[decision.verdict] === rank[worst.verdict] && !worst.directive;
    if (rank[decision.verdict] > rank[worst.verdict] || tie) worst = decision;
  }
  return worst;
}

/** The `'nonce-…'` values of a policy's script sources, for comparing with a tag's `nonce` attribute. */
export function scriptNonces(policies: readonly CspDirectives[]): string[] {
  return policies.flatMap(
    (policy) =>
      governingDirective(policy, 'script')
        ?.sources.filter((source) => /^'nonce-/i.test(source))
        .map((source) => source.slice("'nonce-".length, -1)) ?? [],
  );
}

/** Does any expression of a source list match `url`? `'none'` counts only alone, and then matches nothing. */
export function matchesSourceList(sources: readonly string[], url: URL, self: URL): boolean {
  return sources.some((source) => matchesSource(source, url, self));
}

const SCHEME_SOURCE = /^([a-z][a-z0-9+.-]*):$/i;
const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d+|\*))?(\/[^?#]*)?$/i;

/** CSP3 §6.7.2.7, "Does url match expression in origin", with no redirects. */
export function matchesSource(expression: string, url: URL, self: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  const lower = expression.toLowerCase();
  if (lower === '*') {
    return ['http', 'https', 'ws', 'wss'].includes(scheme) || scheme === self.protocol.slice(0, -1);
  }
  if (lower === "'self'") return matchesSelf(url, self);
  if (lower.startsWith("'")) return false; // 'none', nonces, hashes and other keywords name no URL
  const schemeOnly = SCHEME_SOURCE.exec(expression);
  if (schemeOnly) return schemePartMatches(schemeOnly[1]!.toLowerCase(), scheme);
  const host = HOST_SOURCE.exec(expression);
  if (!host) return false;
  const [, sourceScheme, sourceHost, sourcePort, sourcePath] = host;
  if (sourceScheme) {
    if (!schemePartMatches(sourceScheme.toLowerCase(), scheme)) return false;
  } else if (!schemePartMatches(self.protocol.slice(0, -1), scheme)) {
    return false;
  }
  if (!hostPartMatches(sourceHost!.toLowerCase(), url.hostname.toLowerCase())) return false;
  if (!portPartMatches(sourcePort, url, sourceScheme?.toLowerCase())) return false;
  return pathPartMatches(sourcePath, url.pathname);
}

/** A scheme in a source also matches its secure upgrade (§6.7.2.8). */
function schemePartMatches(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (expected === 'http') return actual === 'https';
  if (expected === 'ws') return actual === 'wss' || actual === 'http' || actual === 'https';
  if (expected === 'wss') return actual === 'https';
  return false;
}

function hostPartMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  // `*.example.com` matches subdomains at any depth, never `example.com` itself.
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

function portPartMatches(port: string | undefined, url: URL, sourceScheme: string | undefined): boolean {
  if (port === '*') return true;
  // URL parsing leaves the port empty when it is the scheme's default.
  if (port === undefined) return url.port === '';
  const urlPort = url.port || DEFAULT_PORTS[url.protocol] || '';
  if (port === urlPort) return true;
  // `http://host:80` still matches `https://host` after an upgrade (§6.7.2.10).
  return port === '80' && urlPort === '443' && (sourceScheme === undefined || sourceScheme === 'http' || sourceScheme === 'ws');
}

function pathPartMatches(path: string | undefined, urlPath: string): boolean {
  if (!path || path === '/') return true;
  const decoded = safeDecode(path);
  const actual = safeDecode(urlPath);
  return decoded.endsWith('/') ? actual.startsWith(decoded) : actual === decoded;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** 'self' matches the page's origin and its secure upgrades (§6.7.2.4). */
function matchesSelf(url: URL, self: URL): boolean {
  if (url.hostname.toLowerCase() !== self.hostname.toLowerCase()) return false;
  if (url.origin === self.origin) return true;
  const from = self.protocol;
  const to = url.protocol;
  const defaultPorts = !self.port && !url.port;
  const samePort = (self.port || DEFAULT_PORTS[from]) === (url.port || DEFAULT_PORTS[to]);
  if (from === 'http:' && (to === 'https:' || to === 'wss:')) return defaultPorts || samePort;
  if (from === 'http:' && to === 'ws:') return samePort;
  if (from === 'https:' && to === 'wss:') return samePort;
  return false;
}

/**
 * The policies a page delivers in `<meta http-equiv="Content-Security-Policy">` tags.
 * They are enforced alongside the headers' policies.
 */
export function metaPolicies(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(/([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      attributes.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
    }
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy' && attributes.get('content')) {
      found.push(attributes.get('content')!);
    }
  }
  return found;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
