/**
 * Per-user limits on what costs money or storage: every turn may be a paid model call,
 * every attachment takes space. On by default; refusals are 429 `rate_limited` with a
 * Retry-After, answered as JSON before any stream starts. Counted in a `RateLimitStore`,
 * so with the PostgreSQL store's they hold across instances.
 */
import { ServerError } from '../http/errors.js';
import { MemoryRateLimitStore, rateLimitDelay, type Lease, type RateLimitRule, type RateLimitStore } from '../http/rate-limiter.js';

export interface UsageLimits {
  /** Turns (requests that stream an answer) a user may start. @default 20 a minute */
  turns?: RateLimitRule | false;
  /** Answers a user may have streaming at once. @default 3 */
  concurrentStreams?: number | false;
  /** Attachments a user may create (`attachments.create`, and direct uploads). @default 100 a day */
  attachments?: RateLimitRule | false;
  /** `input.transcribe` calls (speech to text, usually a paid model call). @default 20 a minute */
  transcriptions?: RateLimitRule | false;
  /** Where they are counted; in memory (one process) by default. */
  store?: RateLimitStore;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long a stream's place stays taken if its instance dies without freeing it (renewed while it streams). */
export const STREAM_LEASE_MS = 15 * MINUTE;

export const DEFAULT_USAGE_LIMITS = {
  turns: { limit: 20, windowMs: MINUTE },
  concurrentStreams: 3,
  attachments: { limit: 100, windowMs: DAY },
  transcriptions: { limit: 20, windowMs: MINUTE },
} as const satisfies UsageLimits;

export interface UsageLimiter {
  /** Admits a turn for `user`, or throws a 429; the returned function frees its stream place. */
  startTurn(user: string): Promise<() => Promise<void>>;
  /** Admits an attachment for `user`, or throws a 429. */
  createAttachment(user: string): Promise<void>;
  /** Admits a transcription for `user`, or throws a 429. */
  transcribe(user: string): Promise<void>;
}

const tooMany = (message: string, retryAfterSeconds: number) =>
  new ServerError(429, 'rate_limited', message, { 'retry-after': String(retryAfterSeconds) });

export function createUsageLimiter(options: UsageLimits | false = {}): UsageLimiter {
  const limits: Required<Omit<UsageLimits, 'store'>> =
    options === false
      ? { turns: false, concurrentStreams: false, attachments: false, transcriptions: false }
      : {
          turns: options.turns ?? DEFAULT_USAGE_LIMITS.turns,
          concurrentStreams: options.concurrentStreams ?? DEFAULT_USAGE_LIMITS.concurrentStreams,
          attachments: options.attachments ?? DEFAULT_USAGE_LIMITS.attachments,
          transcriptions: options.transcriptions ?? DEFAULT_USAGE_LIMITS.transcriptions,
        };
  const store = (options !== false && options.store) || new MemoryRateLimitStore();
  // A shared store without leases still gets a per-process limit on open streams.
  const leases = store.acquire ? store : new MemoryRateLimitStore();
  const noop = async () => undefined;

  return {
    async startTurn(user) {
      let lease: Lease | null = null;
      if (limits.concurrentStreams !== false) {
        lease = await leases.acquire!(`chatkit:streams:${user}`, limits.concurrentStreams, STREAM_LEASE_MS);
        if (!lease) throw tooMany(`At most ${limits.concurrentStreams} answers at once; wait for one to finish.`, 1);
      }
      if (limits.turns !== false) {
        let wait: number;
        try {
          wait = await rateLimitDelay(store, `chatkit:turns:${user}`, limits.turns);
        } catch (error) {
          // The counter's store failed: the place just taken must not stay taken.
          await lease?.release().catch(() => undefined);
          throw error;
        }
        if (wait > 0) {
          await lease?.release().catch(() => undefined);
          throw tooMany('Too many messages; try again shortly.', wait);
        }
      }
      if (!lease) return noop;
      // An answer may stream for longer than a lease lasts: renew it while it does, so
      // a long answer keeps counting (the lease only outlives a crashed instance).
      const renewal = lease.renew && setInterval(() => void lease.renew!(STREAM_LEASE_MS).catch(() => undefined), STREAM_LEASE_MS / 3);
      (renewal as { unref?: () => void } | undefined)?.unref?.();
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        if (renewal) clearInterval(renewal);
        // A store that cannot free the place now (a database hiccup) frees it on expiry.
        await lease.release().catch(() => undefined);
      };
    },
    async createAttachment(user) {
      if (limits.attachments === false) return;
      const wait = await rateLimitDelay(store, `chatkit:attachments:${user}`, limits.attachments);
      if (wait > 0) throw tooMany('Too many attachments for now; try again later.', wait);
    },
    async transcribe(user) {
      if (limits.transcriptions === false) return;
      const wait = await rateLimitDelay(store, `chatkit:transcriptions:${user}`, limits.transcriptions);
      if (wait > 0) throw tooMany('Too many voice messages for now; try again shortly.', wait);
    },
  };
}
