/**
 * A minimal path router over Fetch API handlers, for the standalone server and the
 * demo. Frameworks have their own; this is for sites that have none.
 */
import { jsonResponse } from './errors.js';
import type { FetchHandler } from './node-adapter.js';

/** Routes by exact path, or by prefix for a key ending in `/*` (`/files/*` takes `/files/a/b`). */
export function route(routes: Record<string, FetchHandler>): (request: Request) => Promise<Response> {
  const prefixes = Object.keys(routes)
    .filter((key) => key.endsWith('/*'))
    .map((key) => [key.slice(0, -1), routes[key]!] as const);
  return async (request) => {
    const path = new URL(request.url).pathname;
    const handler = routes[path] ?? prefixes.find(([prefix]) => path.startsWith(prefix))?.[1];
    if (handler) return handler(request);
    return jsonResponse(404, { error: { code: 'not_found', message: 'No such endpoint.' } });
  };
}
