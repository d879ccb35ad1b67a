/**
 * Fixed-window rate limits per key (a user, an IP). The store is an interface so
 * several server instances can share counters; the in-memory store serves one process.
 */
export interface RateLimitStore {
  /** Counts one hit for `key` in the window that contains now. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAtMs: number }>;
  /**
   * Takes one of `limit` places for `key` (an open stream), or answers `null` when all are
   * taken. A place is freed by `release`, or after `ttlMs` if its holder never frees it (a
   * crashed instance). A store without it limits places per process only.
   */
  acquire?(key: string, limit: number, ttlMs: number): Promise<Lease | null>;
}

export interface Lease {
  release(): Promise<void>;
  /** Keeps the place for another `ttlMs` (a long answer renews it while it streams). */
  renew?(ttlMs: number): Promise<void>;
}

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, { count: number; resetAtMs: number }>();
  #nextSweepMs = 0;

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAtMs: number }> {
    const now = Date.now();
    let window = this.#windows.get(key);
    if (!window || window.resetAtMs <= now) {
      // Expired windows are dropped at most once a second, so many keys stay cheap.
      if (this.#windows.size > 10_000 && now >= this.#nextSweepMs) {
        this.#nextSweepMs = now + 1000;
        this.#sweep(now);
      }
      window = { count: 0, resetAtMs: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return { ...window };
  }

  readonly #leases = new Map<string, Map<symbol, number>>();

  async acquire(key: string, limit: number, ttlMs: number): Promise<Lease | null> {
    const now = Date.now();
    const held = this.#leases.get(key) ?? new Map<symbol, number>();
    for (const [id, expiresAtMs] of held) if (expiresAtMs <= now) held.delete(id);
    if (held.size >= limit) return null;
    const id = Symbol(key);
    held.set(id, now + ttlMs);
    this.#leases.set(key, held);
    return {
      release: async () => {
        held.delete(id);
        if (!held.size && this.#leases.get(key) === held) this.#leases.delete(key);
      },
      renew: async (ms) => {
        if (held.has(id)) held.set(id, Date.now() + ms);
      },
    };
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAtMs <= now) this.#windows.delete(key);
  }
}

/** Seconds to wait when `key` is over `rule`, or 0 when the request may go ahead. */
export async function rateLimitDelay(store: RateLimitStore, key: string, rule: RateLimitRule): Promise<number> {
  const { count, resetAtMs } = await store.hit(key, rule.windowMs);
  return count > rule.limit ? Math.max(1, Math.ceil((resetAtMs - Date.now()) / 1000)) : 0;
}
