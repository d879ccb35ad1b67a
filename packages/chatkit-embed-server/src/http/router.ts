/**
 * A minimal path router over Fetch API handlers, for the standalone server and the
 * demo. Frameworks have their own; this is for sites that have none.
 */
import { jsonResponse } from './errors.js';
import type { FetchHandler } from './node-adapter.js';

export function route(routes: Record<string, FetchHandler>): (request: Request) => Promise<Response> {
  return async (request) => {
    const handler = routes[new URL(request.url).pathname];
    if (handler) return handler(request);
    return jsonResponse(404, { error: { code: 'not_found', message: 'No such endpoint.' } });
  };
}
