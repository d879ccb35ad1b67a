/** A small ChatKit-protocol client for the tests: JSON calls and strict SSE parsing. */
import type { ThreadStreamEvent } from '../src/index.js';

export interface Client {
  call(type: string, params: unknown, user?: string): Promise<{ status: number; body: any }>;
  stream(
    type: string,
    params: unknown,
    user?: string,
  ): Promise<{ status: number; events: ThreadStreamEvent[]; raw: string; contentType: string | null }>;
}

export function client(url: string, defaultUser = 'alice'): Client {
  const post = (type: string, params: unknown, user: string, signal?: AbortSignal) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': user },
      body: JSON.stringify({ type, params }),
      ...(signal && { signal }),
    });
  return {
    async call(type, params, user = defaultUser) {
      const response = await post(type, params, user);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stream(type, params, user = defaultUser) {
      const response = await post(type, params, user);
      const raw = await response.text();
      const contentType = response.headers.get('content-type');
      const events = contentType?.startsWith('text/event-stream') ? parseSse(raw) : [];
      return { status: response.status, events, raw, contentType };
    },
  };
}

/** Parses `data: <json>\n\n` frames, failing on anything else. */
export function parseSse(raw: string): ThreadStreamEvent[] {
  if (raw === '') return [];
  if (!raw.endsWith('\n\n')) throw new Error(`stream does not end with a blank line: ${JSON.stringify(raw.slice(-40))}`);
  return raw
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      if (!frame.startsWith('data: ') || frame.includes('\n')) throw new Error(`bad frame: ${JSON.stringify(frame)}`);
      return JSON.parse(frame.slice('data: '.length));
    });
}

export const userText = (text: string) => ({
  content: [{ type: 'input_text', text }],
  attachments: [],
  inference_options: {},
});

/** Test authentication: the user the `x-user` header names, or none (a 401). */
export const headerAuthenticate = (request: Request) => {
  const user = request.headers.get('x-user');
  return user ? { user } : null;
};
