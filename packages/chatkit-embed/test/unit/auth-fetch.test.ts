import { describe, expect, it, vi } from 'vitest';
import { createAuthFetch } from '../../src/connector/auth-fetch.js';

function tokens(...values: string[]) {
  const asked: Array<string | null> = [];
  return {
    asked,
    source: {
      get: async (current: string | null) => {
        asked.push(current);
        return current === null ? values[0]! : values[values.indexOf(current) + 1]!;
      },
    },
  };
}

describe('createAuthFetch', () => {
  it('adds the bearer token to every request, keeping method, headers and body', async () => {
    const base = vi.fn(async (_: RequestInfo | URL) => new Response('{}'));
    const { source } = tokens('t1');
    const authFetch = createAuthFetch(source, base as typeof fetch);
    await authFetch('https://api.example/chatkit', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
      body: '{"type":"threads.list"}',
    });
    const sent = base.mock.calls[0]![0] as Request;
    expect(sent.headers.get('authorization')).toBe('Bearer t1');
    expect(sent.headers.get('accept-language')).toBe('fr');
    expect(sent.method).toBe('POST');
    expect(await sent.text()).toBe('{"type":"threads.list"}');
  });

  it('retries once with a fresh token on 401, resending the body', async () => {
    const bodies: string[] = [];
    const seen: string[] = [];
    const base = vi.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      seen.push(request.headers.get('authorization')!);
      bodies.push(await request.text());
      return new Response('{}', { status: seen.length === 1 ? 401 : 200 });
    });
    const { source, asked } = tokens('t1', 't2');
    const response = await createAuthFetch(source, base as typeof fetch)('https://api.example/chatkit', {
      method: 'POST',
      body: 'payload',
    });
    expect(response.status).toBe(200);
    expect(seen).toEqual(['Bearer t1', 'Bearer t2']);
    expect(bodies).toEqual(['payload', 'payload']);
    expect(asked).toEqual([null, 't1']);
  });

  it('hands back a second 401 instead of looping', async () => {
    const base = vi.fn(async () => new Response('', { status: 401 }));
    const { source } = tokens('t1', 't2', 't3');
    const response = await createAuthFetch(source, base as typeof fetch)('https://api.example/chatkit');
    expect(response.status).toBe(401);
    expect(base).toHaveBeenCalledTimes(2);
  });
});
