/**
 * Turns the failures the connector sees (script loads, session requests, options) into
 * diagnostics from the table in `diagnostics.ts`, and keeps secrets out of what the
 * element logs. DOM-free apart from reading the page's location, passed in.
 */
import { diagnose, REMOVED_OPTIONS, type ChatKitEmbedDiagnostic } from './diagnostics.js';
import type { ScriptLoadError } from '../connector/script-loader.js';
import type { SessionError } from '../secrets/secret-source.js';
import { maskApiKeys } from '../shared/api-key.js';

/**
 * A URL fit for a log or a diagnostic: origin and path, without the query or fragment,
 * where pages sometimes put a token (`session-url="/api/session?token=…"`).
 */
export function safeUrl(url: string, base: string): string {
  try {
    const parsed = new URL(url, base);
    return parsed.origin + parsed.pathname;
  } catch {
    return '(an invalid URL)';
  }
}

export function scriptDiagnosis(error: ScriptLoadError, url: string, blockedByCsp: boolean, timeoutMs: number): ChatKitEmbedDiagnostic {
  const params = { url, origin: new URL(url).origin, seconds: timeoutMs / 1000 };
  if (blockedByCsp) return diagnose('script-blocked-by-csp', params);
  if (error.kind === 'trusted-types') return diagnose('script-trusted-types', params);
  if (error.kind === 'stalled') return diagnose('script-stalled', params);
  return diagnose('script-load-failed', params);
}

/** `pageOrigin` tells a CORS refusal (another origin) from an unreachable endpoint. */
export function sessionDiagnosis(
  error: SessionError,
  url: string,
  pageOrigin: string,
  timeoutMs: number,
): ChatKitEmbedDiagnostic | undefined {
  const params = { url, origin: pageOrigin, seconds: timeoutMs / 1000, status: error.status ?? '' };
  switch (error.reason) {
    case 'http':
      return diagnose('session-http-error', params);
    case 'network':
      return diagnose(new URL(url, pageOrigin).origin === pageOrigin ? 'session-network' : 'session-cors', params);
    case 'timeout':
      return diagnose('session-timeout', params);
    case 'invalid-response':
      return diagnose(
        error.problem === 'not-json' ? 'session-bad-json' : error.problem === 'bad-expiry' ? 'session-bad-expiry' : 'session-no-secret',
        params,
      );
    case 'api-key':
      return diagnose('api-key-exposed', { where: "the session endpoint's answer" });
    default:
      return undefined;
  }
}

/** Options from older docs that ChatKit no longer takes, at the top level or under `api`. */
export function removedOptions(options: object | null | undefined): ChatKitEmbedDiagnostic[] {
  if (!options) return [];
  const api = (options as { api?: object }).api;
  return Object.keys(REMOVED_OPTIONS).flatMap((name) => [
    ...(name in options ? [diagnose('option-removed', { option: name, replacement: REMOVED_OPTIONS[name]! })] : []),
    ...(api && name in api ? [diagnose('option-removed', { option: `api.${name}`, replacement: REMOVED_OPTIONS[name]! })] : []),
  ]);
}

/** Returns `options` without the removed names (ChatKit may refuse unknown keys). */
export function withoutRemovedOptions<T extends object>(options: T): T {
  const copy: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const name of Object.keys(REMOVED_OPTIONS)) delete copy[name];
  const api = copy.api as Record<string, unknown> | undefined;
  if (api && Object.keys(REMOVED_OPTIONS).some((name) => name in api)) {
    copy.api = Object.fromEntries(Object.entries(api).filter(([name]) => !(name in REMOVED_OPTIONS)));
  }
  return copy as T;
}

const SECRET_KEY = /secret|token|authorization|password|api[-_]?key|cookie/i;
// API keys are masked by the shared rule; these are the other secrets a log may see.
const SECRET_VALUE = /\b(ek_[\w@.-]+|eyJ[\w-]{8,}\.[\w-]+\.[\w-]*|Bearer\s+\S+)/g;

/**
 * A copy of `value` fit for a log: fields named like secrets are replaced, and strings
 * shaped like API keys, client secrets, JWTs or bearer headers are masked wherever they
 * appear. Depth-limited, so a cyclic object cannot hang the page.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskApiKeys(value).replace(SECRET_VALUE, '[redacted]');
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (!value || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1)]),
  );
}
