/**
 * The structured log hook. Entries are plain objects, safe to ship to any log system:
 * they never hold an API key, a client secret or a token.
 */
import { maskApiKeys } from '../shared/api-key.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  /** Stable name, such as `session.created` or `request.rejected`. */
  event: string;
  /** Error code, for rejections and failures. */
  code?: string;
  status?: number;
  /** HTTP status the upstream (OpenAI) answered, when it did. */
  upstreamStatus?: number;
  durationMs?: number;
  user?: string;
  message?: string;
}

export type LogHook = (entry: LogEntry) => void;

/**
 * Wraps a log hook so that nothing it is given can carry a secret (known secrets and
 * anything shaped like an API key are masked) and nothing it throws reaches a request.
 */
export function safeLogger(hook: LogHook | undefined, secrets: Array<string | undefined> = []): LogHook {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (text: string) => maskApiKeys(known.reduce((t, s) => t.split(s).join('[redacted]'), text));
  return (entry) => {
    if (!hook) return;
    const clean = Object.fromEntries(
      Object.entries(entry).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v]),
    ) as unknown as LogEntry;
    try {
      hook(clean);
    } catch {
      // A broken log hook must not break the endpoint.
    }
  };
}
