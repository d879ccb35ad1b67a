/**
 * The protections every session-style endpoint shares, in the order they apply:
 * origin (CORS, 403), method (405), who the user is (cookie or `getUser`, 401),
 * rate limits per IP and per user (429 with Retry-After), body size and JSON
 * (413, 415, 400), then the endpoint's own work, with errors mapped to JSON and logged.
 */
import { clientAddress, type TrustProxy } from './client-address.js';
import { ServerError, errorResponse, jsonResponse } from './errors.js';
import { readJsonBody, DEFAULT_MAX_BODY_BYTES } from './json-body.js';
import { safeLogger, type LogEntry, type LogHook } from './log.js';
import { checkOrigin, preflightHeaders, type OriginPolicy } from './origin-policy.js';
import { MemoryRateLimitStore, rateLimitDelay, type RateLimitRule, type RateLimitStore } from './rate-limiter.js';
import { checkCookieKey, newUserSecret, readUserCookie, userCookieHeader, userIdFor, type UserCookieOptions } from './user-cookie.js';

export interface RateLimitOptions {
  /** @default 20 requests a minute */
  perUser?: RateLimitRule | false;
  /** @default 60 requests a minute */
  perIp?: RateLimitRule | false;
  /** Shared counters for several instances; in memory by default. */
  store?: RateLimitStore;
}

export interface EndpointOptions extends OriginPolicy {
  /**
   * Who is asking, for sites with their own auth: return a stable user id, or `null`
   * to answer 401. Without it, an anonymous id lives in an HttpOnly cookie.
   */
  getUser?: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  cookie?: UserCookieOptions;
  rateLimit?: RateLimitOptions;
  /**
   * Behind a proxy: `true` reads the client IP from the last X-Forwarded-For entry (the
   * one your proxy appended), `'cloudflare'` from CF-Connecting-IP.
   */
  trustProxy?: TrustProxy;
  /**
   * The client's IP where the runtime gives no socket address (Next.js, Workers, Deno).
   * Without an address, per-IP limits are skipped (never pooled into one shared bucket).
   */
  clientIp?: (request: Request) => string | undefined;
  /** @default 16 KiB */
  maxBodyBytes?: number;
  log?: LogHook;
}

export interface EndpointContext {
  request: Request;
  user: string;
  body: Record<string, unknown>;
}

const MINUTE = 60_000;

export function createEndpoint(
  name: string,
  options: EndpointOptions,
  run: (context: EndpointContext) => Promise<unknown>,
  secrets: Array<string | undefined> = [],
): (request: Request) => Promise<Response> {
  const log = safeLogger(options.log, secrets);
  // A bad key must stop the server at start, not fail every request later.
  if (options.cookie?.key !== undefined) checkCookieKey(options.cookie.key);
  const store = options.rateLimit?.store ?? new MemoryRateLimitStore();
  const perUser = options.rateLimit?.perUser ?? { limit: 20, windowMs: MINUTE };
  const perIp = options.rateLimit?.perIp ?? { limit: 60, windowMs: MINUTE };

  return async (request) => {
    const started = Date.now();
    const origin = checkOrigin(request, options);
    const cors = origin.allowed ? origin.corsHeaders : {};
    let user: string | undefined;
    try {
      if (!origin.allowed) {
        throw new ServerError(403, 'origin_not_allowed', `Requests from ${origin.origin} are not allowed.`);
      }
      if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: preflightHeaders(request, cors) });
      if (request.method !== 'POST') {
        throw new ServerError(405, 'method_not_allowed', 'Use POST.', { allow: 'POST, OPTIONS' });
      }
      const identity = await identify(request, options);
      user = identity.user;
      const ip = options.clientIp?.(request) ?? clientAddress(request, options.trustProxy);
      if (ip) await enforceRateLimit(store, `ip:${ip}`, perIp);
      await enforceRateLimit(store, `user:${user}`, perUser);
      const body = await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      const result = await run({ request, user, body });
      log({ level: 'info', event: `${name}.created`, status: 200, user, durationMs: Date.now() - started });
      const response = jsonResponse(200, result, cors);
      if (identity.setCookie) response.headers.append('set-cookie', identity.setCookie);
      return response;
    } catch (caught) {
      const error = caught instanceof ServerError ? caught : new ServerError(500, 'internal_error', 'The endpoint failed unexpectedly.');
      const entry: LogEntry = {
        level: error.status >= 500 ? 'error' : 'warn',
        event: error.status >= 500 ? `${name}.failed` : 'request.rejected',
        code: error.code,
        status: error.status,
        durationMs: Date.now() - started,
        ...(user !== undefined && { user }),
        ...((caught as { upstreamStatus?: number }).upstreamStatus !== undefined && {
          upstreamStatus: (caught as { upstreamStatus: number }).upstreamStatus,
        }),
        ...(!(caught instanceof ServerError) && { message: String((caught as Error)?.name ?? caught) }),
      };
      log(entry);
      const response = errorResponse(error);
      for (const [key, value] of Object.entries(cors)) response.headers.set(key, value);
      return response;
    }
  };
}

async function identify(request: Request, options: EndpointOptions): Promise<{ user: string; setCookie?: string }> {
  if (options.getUser) {
    const user = await options.getUser(request);
    if (!user) throw new ServerError(401, 'unauthenticated', 'Sign in to chat.');
    return { user };
  }
  const cookie = options.cookie ?? {};
  const existing = readUserCookie(request, cookie);
  if (existing) return { user: await userIdFor(existing, cookie) };
  const secret = newUserSecret();
  return { user: await userIdFor(secret, cookie), setCookie: userCookieHeader(request, secret, cookie) };
}

async function enforceRateLimit(store: RateLimitStore, key: string, rule: RateLimitRule | false): Promise<void> {
  if (!rule) return;
  const wait = await rateLimitDelay(store, key, rule);
  if (wait > 0) {
    throw new ServerError(429, 'rate_limited', 'Too many requests; try again later.', {
      'retry-after': String(wait),
    });
  }
}
