/**
 * Which pages may call an endpoint. Same-origin requests and requests without an Origin
 * header (server-to-server, curl) pass; a cross-origin browser request passes only from
 * an allowed origin, and then gets CORS headers with credentials, so cookies work for
 * embeds on another domain.
 */
export interface OriginPolicy {
  /** Origins allowed to embed, e.g. `https://shop.example`; `'*'` allows any, without credentials. */
  allowedOrigins?: readonly string[] | '*';
}

export type OriginDecision = { allowed: true; corsHeaders: Record<string, string> } | { allowed: false; origin: string };

export function checkOrigin(request: Request, policy: OriginPolicy): OriginDecision {
  const origin = request.headers.get('origin');
  if (!origin || origin === new URL(request.url).origin) return { allowed: true, corsHeaders: {} };
  // Any origin may call, but never with the visitor's cookies: a credentialed `*` would let
  // every website mint sessions in the visitor's name.
  if (policy.allowedOrigins === '*') return { allowed: true, corsHeaders: { 'access-control-allow-origin': '*' } };
  const allowed = (policy.allowedOrigins ?? []).includes(origin);
  if (!allowed) return { allowed: false, origin };
  return {
    allowed: true,
    corsHeaders: {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    },
  };
}

/** Headers that answer a CORS preflight for a POST with JSON. */
export function preflightHeaders(request: Request, corsHeaders: Record<string, string>): Record<string, string> {
  return {
    ...corsHeaders,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'content-type',
    'access-control-max-age': '600',
  };
}
