/**
 * The `fetch` handed to ChatKit in self-hosted mode when the page has a token endpoint:
 * every backend request carries `Authorization: Bearer <token>`, and a 401 gets one retry
 * with a freshly fetched token (the backend may have seen the old one expire first).
 */
export interface TokenSource {
  get(current: string | null): Promise<string>;
}

export function createAuthFetch(tokens: TokenSource, baseFetch: typeof fetch = (...args) => globalThis.fetch(...args)): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    // Cloned before the first send: a body can be read only once.
    const spare = request.clone();
    const token = await tokens.get(null);
    const first = await baseFetch(withBearer(request, token));
    if (first.status !== 401) return first;
    const fresh = await tokens.get(token);
    return baseFetch(withBearer(spare, fresh));
  };
}

function withBearer(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}
