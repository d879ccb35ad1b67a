import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretSource, SessionError } from '../../src/secrets/secret-source.js';
import { scriptedFetch, secret, type Step } from './scripted-fetch.js';

const URL = 'https://site.example/api/chatkit/session';

function source(steps: Step[], extra: Partial<ConstructorParameters<typeof SecretSource>[0]> = {}) {
  const scripted = scriptedFetch(...steps);
  const src = new SecretSource({ url: URL, fetch: scripted.fetch, random: () => 0.5, ...extra });
  return { src, calls: scripted.calls };
}

/**
 * Settles a promise by moving the fake clock from timer to timer (and no further), and
 * returns its outcome.
 */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: SessionError }> {
  let settled = false;
  const outcome = promise.then(
    (value) => ({ value }),
    (error: SessionError) => ({ error }),
  );
  void outcome.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  for (let i = 0; !settled && i < 100; i++) await vi.advanceTimersToNextTimerAsync();
  return outcome;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SecretSource: fetching and caching', () => {
  it('POSTs JSON to the endpoint with the configured headers, credentials and body', async () => {
    const { src, calls } = source([secret('ek_1')], {
      request: () => ({ headers: { 'x-site': 'a' }, credentials: 'include', body: { user: 'u1' } }),
    });
    expect((await settle(src.get(null))).value).toBe('ek_1');
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(URL);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(new Headers(init.headers).get('x-site')).toBe('a');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ user: 'u1' });
  });

  it('answers get(null) from the cache while the secret is fresh', async () => {
    const { src, calls } = source([secret('ek_1', 600)]);
    await settle(src.get(null));
    expect(await src.get(null)).toBe('ek_1');
    expect(calls).toHaveLength(1);
  });

  it('never hands back the secret ChatKit says is expiring', async () => {
    const { src, calls } = source([secret('ek_1', 600), secret('ek_2', 600)]);
    await settle(src.get(null));
    expect((await settle(src.get('ek_1'))).value).toBe('ek_2');
    expect(calls).toHaveLength(2);
  });

  it('shares one request among concurrent calls', async () => {
    const { src, calls } = source([{ ...secret('ek_1'), delayMs: 200 }]);
    const all = settle(Promise.all([src.get(null), src.get(null), src.get(null)]));
    expect((await all).value).toEqual(['ek_1', 'ek_1', 'ek_1']);
    expect(calls).toHaveLength(1);
  });

  it('fetches again when the cached secret is about to expire', async () => {
    const { src, calls } = source([secret('ek_1', 30), secret('ek_2', 600)], { refreshLeadMs: 0 });
    await settle(src.get(null));
    vi.setSystemTime(Date.now() + 27_000); // 3 s left: inside the stale margin
    expect((await settle(src.get(null))).value).toBe('ek_2');
    expect(calls).toHaveLength(2);
  });

  it('reads expires_at given in milliseconds as milliseconds', async () => {
    const inTenMinutesMs = Date.now() + 600_000;
    const { src, calls } = source([{ status: 200, body: { client_secret: 'ek_1', expires_at: inTenMinutesMs } }], {
      refreshLeadMs: 60_000,
    });
    await settle(src.get(null));
    // Read as seconds it would lie in the far future and no refresh would be scheduled.
    expect(vi.getTimerCount()).toBe(1);
    expect(calls).toHaveLength(1);
  });
});

describe('SecretSource: proactive refresh', () => {
  it('refreshes ahead of expires_at, so get(current) answers from the cache', async () => {
    const { src, calls } = source([secret('ek_1', 600), secret('ek_2', 600)], { refreshLeadMs: 60_000 });
    await settle(src.get(null));
    await vi.advanceTimersByTimeAsync(539_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_010); // 60 s before expiry, and the answer
    expect(calls).toHaveLength(2);
    expect(await src.get('ek_1')).toBe('ek_2');
    expect(calls).toHaveLength(2); // answered from the cache, no request
  });

  it('refreshes at half the lifetime when the secret lives shorter than twice the lead', async () => {
    const { src, calls } = source([secret('ek_1', 60), secret('ek_2', 60)], { refreshLeadMs: 60_000 });
    await settle(src.get(null));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
  });

  it('schedules nothing when expires_at is unknown', async () => {
    const { src } = source([secret('ek_1')]);
    await settle(src.get(null));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a refresh that fails for good and keeps the old secret until it expires', async () => {
    const onRefreshError = vi.fn();
    const { src } = source([secret('ek_1', 600), { status: 401 }], { onRefreshError });
    await settle(src.get(null));
    await vi.advanceTimersByTimeAsync(540_010);
    expect(onRefreshError).toHaveBeenCalledTimes(1);
    expect(onRefreshError.mock.calls[0]![0]).toMatchObject({ reason: 'http', status: 401 });
    expect(await src.get(null)).toBe('ek_1');
  });
});

describe('SecretSource: retries', () => {
  const retried: Array<[string, Step]> = [
    ['a network error', { networkError: true }],
    ['500', { status: 500 }],
    ['502', { status: 502 }],
    ['503', { status: 503 }],
    ['408', { status: 408 }],
    ['429', { status: 429 }],
  ];
  it.each(retried)('retries %s', async (_, failure) => {
    const { src, calls } = source([failure, secret('ek_1')]);
    expect((await settle(src.get(null))).value).toBe('ek_1');
    expect(calls).toHaveLength(2);
  });

  const notRetried: Array<[number]> = [[400], [401], [403], [404], [405], [422]];
  it.each(notRetried)('does not retry %i', async (status) => {
    const { src, calls } = source([{ status }, secret('ek_1')]);
    const { error } = await settle(src.get(null));
    expect(error).toBeInstanceOf(SessionError);
    expect(error).toMatchObject({ reason: 'http', status });
    expect(error!.message).toContain(String(status));
    expect(calls).toHaveLength(1);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const times: number[] = [];
    const failing = Array.from({ length: 6 }, () => ({ status: 503 }) as Step);
    const scripted = scriptedFetch(...failing);
    const src = new SecretSource({
      url: URL,
      random: () => 1, // the upper edge of the jitter window
      retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 500 },
      fetch: ((...args: Parameters<typeof fetch>) => {
        times.push(Date.now());
        return scripted.fetch(...args);
      }) as typeof fetch,
    });
    await settle(src.get(null));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual([100, 200, 400, 500, 500]);
  });

  it('waits as long as Retry-After asks, in seconds or as an HTTP date', async () => {
    const times: number[] = [];
    const later = new Date(Date.now() + 5_000).toUTCString();
    const scripted = scriptedFetch(
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 503, headers: { 'retry-after': later } },
      secret('ek_1'),
    );
    const src = new SecretSource({
      url: URL,
      fetch: ((...args: Parameters<typeof fetch>) => {
        times.push(Date.now());
        return scripted.fetch(...args);
      }) as typeof fetch,
    });
    expect((await settle(src.get(null))).value).toBe('ek_1');
    expect(times[1]! - times[0]!).toBe(3_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1_900); // the date is second-granular
    expect(times[2]! - times[1]!).toBeLessThanOrEqual(2_000);
  });

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    const { src, calls } = source([{ status: 429, headers: { 'retry-after': '3600' } }, secret('ek_1')]);
    const { error } = await settle(src.get(null));
    expect(error).toMatchObject({ reason: 'http', status: 429, retryAfterMs: 3_600_000 });
    expect(calls).toHaveLength(1);
  });

  it('stops after maxAttempts and reports the last failure', async () => {
    const { src, calls } = source([{ status: 500 }, { status: 500 }, { status: 502 }], {
      retry: { maxAttempts: 3 },
    });
    const { error } = await settle(src.get(null));
    expect(error).toMatchObject({ reason: 'http', status: 502 });
    expect(calls).toHaveLength(3);
  });
});

describe('SecretSource: bad answers, timeouts and disposal', () => {
  const invalid: Array<[string, Step, RegExp]> = [
    ['malformed JSON', { status: 200, body: '{"client_secret": ' }, /did not return JSON/],
    ['no client_secret', { status: 200, body: { secret: 'x' } }, /without a "client_secret"/],
    ['an empty client_secret', { status: 200, body: { client_secret: '' } }, /without a "client_secret"/],
    ['a string expires_at', { status: 200, body: { client_secret: 'ek', expires_at: 'soon' } }, /expires_at/],
  ];
  it.each(invalid)('refuses %s without retrying', async (_, step, message) => {
    const { src, calls } = source([step, secret('ek_1')]);
    const { error } = await settle(src.get(null));
    expect(error).toMatchObject({ reason: 'invalid-response' });
    expect(error!.message).toMatch(message);
    expect(calls).toHaveLength(1);
  });

  it('refuses an OpenAI API key returned as the secret, without echoing it', async () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    const { src } = source([{ status: 200, body: { client_secret: key } }]);
    const { error } = await settle(src.get(null));
    expect(error).toMatchObject({ reason: 'api-key' });
    expect(error!.message).toMatch(/API key/);
    expect(error!.message).not.toContain(key);
  });

  it('times out a request that never answers, then retries it', async () => {
    const { src, calls } = source([{ hang: true }, secret('ek_1')], { timeoutMs: 1_000 });
    expect((await settle(src.get(null))).value).toBe('ek_1');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.init.signal!.aborted).toBe(true);
  });

  it('reports a timeout when every attempt is too late', async () => {
    const { src } = source([{ hang: true }, { hang: true }], { timeoutMs: 2_000, retry: { maxAttempts: 2 } });
    const { error } = await settle(src.get(null));
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(error!.message).toContain('2 s');
  });

  it('dispose aborts the request under way, clears its timers and rejects later calls', async () => {
    const { src, calls } = source([{ hang: true }]);
    const pending = src.get(null);
    await vi.advanceTimersByTimeAsync(10);
    src.dispose();
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' });
    expect(calls[0]!.init.signal!.aborted).toBe(true);
    await expect(src.get(null)).rejects.toMatchObject({ reason: 'aborted' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose stops a scheduled refresh and a pending backoff', async () => {
    const a = source([secret('ek_1', 600)]);
    await settle(a.src.get(null));
    a.src.dispose();
    expect(vi.getTimerCount()).toBe(0);

    const b = source([{ status: 503 }]);
    const pending = b.src.get(null);
    await vi.advanceTimersByTimeAsync(1);
    b.src.dispose();
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' });
    expect(vi.getTimerCount()).toBe(0);
    expect(b.calls).toHaveLength(1);
  });
});

describe('SecretSource: absurd lifetimes', () => {
  it('schedules no refresh for a secret living longer than a timer can wait', async () => {
    const { src, calls } = source([secret('ek_1', 40 * 24 * 3600)]);
    await settle(src.get(null));
    expect(vi.getTimerCount()).toBe(0);
    expect(calls).toHaveLength(1);
  });
});
