/**
 * Fetches, caches and refreshes the short-lived secrets ChatKit runs on: client secrets
 * from a hosted-mode session endpoint, or bearer tokens for a self-hosted backend. Both
 * endpoints answer `POST` with `{ client_secret, expires_at? }`.
 *
 * DOM-free: it needs only `fetch`, timers and `AbortController`, so it is unit-tested in
 * Node with a fake clock.
 */
import { DEFAULT_RETRY_POLICY, backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry-policy.js';
import { apiKeyMessage, looksLikeApiKey } from './secret-guard.js';

/** What went wrong with a session request. */
export type SessionFailure = 'network' | 'timeout' | 'http' | 'invalid-response' | 'api-key' | 'aborted';

/** A failed session request. The message never holds a secret or a response body. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly reason: SessionFailure;
  /** HTTP status, when the endpoint answered. */
  readonly status?: number;
  /** What the endpoint's `Retry-After` asked for, in milliseconds. */
  readonly retryAfterMs?: number;
  /** For `invalid-response`: what was wrong with the body. */
  readonly problem?: 'not-json' | 'no-secret' | 'bad-expiry';

  constructor(
    reason: SessionFailure,
    message: string,
    extra: { status?: number; retryAfterMs?: number; problem?: 'not-json' | 'no-secret' | 'bad-expiry' } = {},
  ) {
    super(message);
    this.reason = reason;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.problem !== undefined) this.problem = extra.problem;
  }

  get retryable(): boolean {
    if (this.reason === 'network' || this.reason === 'timeout') return true;
    return this.reason === 'http' && this.status !== undefined && isRetryableStatus(this.status);
  }
}

/** Per-request settings, read again for every request so property changes apply. */
export interface SessionRequest {
  headers?: HeadersInit;
  credentials?: RequestCredentials;
  /** Sent as JSON. Defaults to `{}`. */
  body?: unknown;
}

export interface SecretSourceOptions {
  url: string;
  request?: () => SessionRequest;
  fetch?: typeof fetch;
  /** Per attempt, body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Refresh this long before `expires_at` (at most half the secret's lifetime). */
  refreshLeadMs?: number;
  random?: () => number;
  /** A proactive refresh failed for good; the old secret stays in use until it expires. */
  onRefreshError?: (error: SessionError) => void;
  /** A request is about to go out (for the element's debug timeline). */
  onRequest?: () => void;
  /** A secret arrived; `expiresAtMs` is its expiry on the local clock, when known. Never the secret. */
  onSecret?: (expiresAtMs: number | undefined) => void;
}

interface Secret {
  value: string;
  /** Local clock time after which the secret is no longer valid; unknown when absent. */
  expiresAtMs?: number;
}

interface CachedSecret extends Secret {
  /** From this time on the secret is too close to expiry to hand out. */
  staleAtMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_REFRESH_LEAD_MS = 60_000;
/**
 * A secret this close to expiry (or within the last quarter of a shorter lifetime) is not
 * handed out; a new one is fetched instead.
 */
const STALE_MARGIN_MS = 5_000;
/** Longest delay `setTimeout` honours; longer ones fire at once (a 32-bit signed int). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** `expires_at` above this is taken for milliseconds, a common server-side slip. */
const MILLISECONDS_THRESHOLD = 1e11;

export class SecretSource {
  readonly #options: SecretSourceOptions;
  readonly #policy: RetryPolicy;
  readonly #lifetime = new AbortController();
  #cached?: CachedSecret;
  #inflight?: Promise<Secret>;
  #refreshTimer?: ReturnType<typeof setTimeout>;

  constructor(options: SecretSourceOptions) {
    this.#options = options;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /**
   * A secret ChatKit can use now. With `current` (the one ChatKit holds and is about to
   * lose), never returns that same secret: it hands out the proactively refreshed one,
   * or fetches a new one. Concurrent calls share one request.
   */
  get(current: string | null): Promise<string> {
    if (this.#lifetime.signal.aborted) return Promise.reject(abortedError());
    const cached = this.#cached;
    if (cached && cached.value !== current && isFresh(cached)) {
      return Promise.resolve(cached.value);
    }
    return this.#fetchShared().then((secret) => secret.value);
  }

  /** Stops timers and aborts the request under way; later calls reject. */
  dispose(): void {
    clearTimeout(this.#refreshTimer);
    this.#lifetime.abort();
    this.#cached = undefined;
  }

  #fetchShared(): Promise<Secret> {
    this.#inflight ??= this.#fetchWithRetry().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #fetchWithRetry(): Promise<Secret> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.#options.onRequest?.();
        const secret = await this.#fetchOnce();
        this.#options.onSecret?.(secret.expiresAtMs);
        this.#store(secret);
        return secret;
      } catch (caught) {
        const error = this.#lifetime.signal.aborted ? abortedError() : (caught as SessionError);
        const tooLong = error.retryAfterMs !== undefined && error.retryAfterMs > this.#policy.maxRetryAfterMs;
        if (!error.retryable || tooLong || attempt >= this.#policy.maxAttempts) throw error;
        await this.#sleep(error.retryAfterMs ?? backoffDelay(attempt, this.#policy, this.#options.random));
      }
    }
  }

  async #fetchOnce(): Promise<Secret> {
    const { url, request, fetch: fetchImpl = globalThis.fetch } = this.#options;
    // NaN and non-positive values (a mistyped attribute) fall back to the default.
    const timeoutMs = this.#options.timeoutMs! > 0 ? this.#options.timeoutMs! : DEFAULT_TIMEOUT_MS;
    const init = request?.() ?? {};
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    const attempt = new AbortController();
    const onAbort = () => attempt.abort();
    this.#lifetime.signal.addEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers,
        credentials: init.credentials ?? 'same-origin',
        body: JSON.stringify(init.body ?? {}),
        signal: attempt.signal,
      });
      const text = await response.text();
      if (!response.ok) throw httpError(response);
      return parseSecret(text);
    } catch (error) {
      if (error instanceof SessionError) throw error;
      if (timedOut) {
        throw new SessionError('timeout', `The session endpoint did not answer within ${timeoutMs / 1000} s.`);
      }
      if (this.#lifetime.signal.aborted) throw abortedError();
      throw new SessionError(
        'network',
        'Could not reach the session endpoint: the network failed, or the browser refused ' +
          'the answer (a cross-origin endpoint must allow this origin with CORS).',
      );
    } finally {
      clearTimeout(timer);
      this.#lifetime.signal.removeEventListener('abort', onAbort);
    }
  }

  #store(secret: Secret): void {
    clearTimeout(this.#refreshTimer);
    this.#cached = secret;
    if (secret.expiresAtMs === undefined) return;
    const lifetime = secret.expiresAtMs - Date.now();
    this.#cached = {
      ...secret,
      staleAtMs: secret.expiresAtMs - Math.min(STALE_MARGIN_MS, Math.max(0, lifetime) / 4),
    };
    const lead = Math.min(this.#options.refreshLeadMs ?? DEFAULT_REFRESH_LEAD_MS, lifetime / 2);
    // Past ~24.8 days a timer would fire at once, and again for each new secret; such a
    // secret is refreshed on demand instead, when ChatKit or a stale check asks.
    if (lifetime <= 0 || lifetime - lead > MAX_TIMER_MS) return;
    this.#refreshTimer = setTimeout(() => {
      this.#fetchShared().catch((error: SessionError) => {
        if (error.reason !== 'aborted') this.#options.onRefreshError?.(error);
      });
    }, lifetime - lead);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.#lifetime.signal;
      const done = () => {
        clearTimeout(timer);
        reject(abortedError());
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', done);
        resolve();
      }, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

function isFresh(secret: CachedSecret): boolean {
  return secret.staleAtMs === undefined || Date.now() < secret.staleAtMs;
}

function abortedError(): SessionError {
  return new SessionError('aborted', 'The chat was removed before the session request ended.');
}

function httpError(response: Response): SessionError {
  const status = response.status;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const text = response.statusText ? ` ${response.statusText}` : '';
  return new SessionError('http', `The session endpoint answered ${status}${text}.`, {
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** Checks the `{ client_secret, expires_at? }` answer; `expires_at` is Unix seconds. */
export function parseSecret(text: string): Secret {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SessionError('invalid-response', 'The session endpoint did not return JSON.', { problem: 'not-json' });
  }
  const record = (body ?? {}) as { client_secret?: unknown; expires_at?: unknown };
  const value = record.client_secret;
  if (typeof value !== 'string' || value === '') {
    throw new SessionError('invalid-response', 'The session endpoint returned JSON without a "client_secret" string.', {
      problem: 'no-secret',
    });
  }
  if (looksLikeApiKey(value)) {
    throw new SessionError('api-key', apiKeyMessage('The session endpoint\'s "client_secret"'));
  }
  const expiresAt = record.expires_at;
  if (expiresAt === undefined || expiresAt === null) return { value };
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt) || expiresAt <= 0) {
    throw new SessionError('invalid-response', 'The session endpoint returned an "expires_at" that is not a Unix time in seconds.', {
      problem: 'bad-expiry',
    });
  }
  const expiresAtMs = expiresAt > MILLISECONDS_THRESHOLD ? expiresAt : expiresAt * 1000;
  return { value, expiresAtMs };
}
