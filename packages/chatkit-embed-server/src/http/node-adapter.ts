/**
 * Runs Fetch API handlers in Node's http server, Express and Connect:
 * `app.post('/api/chatkit/session', toNodeHandler(handler))` or
 * `http.createServer(toNodeHandler(handler))`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { setClientAddress } from './client-address.js';

export type FetchHandler = (request: Request) => Promise<Response> | Response;

export interface NodeAdapterOptions {
  /** Build the request URL from X-Forwarded-Proto/-Host (behind a proxy that sets them). */
  trustProxy?: boolean;
}

type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** Converts a Node request to a Fetch `Request`. */
export function toFetchRequest(req: NodeRequest, options: NodeAdapterOptions = {}): Request {
  const forwardedProto = options.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0] : '';
  const forwardedHost = options.trustProxy ? String(req.headers['x-forwarded-host'] ?? '').split(',')[0] : '';
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted;
  const protocol = forwardedProto || (encrypted ? 'https' : 'http');
  const host = forwardedHost || req.headers.host || 'localhost';
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.body !== undefined && req.readableEnded) {
      // A body parser (express.json()) already read the stream: send what it parsed.
      init.body =
        typeof req.body === 'string' ? req.body : req.body instanceof Uint8Array ? new Uint8Array(req.body) : JSON.stringify(req.body);
      headers.delete('content-length');
    } else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  const request = new Request(url, init);
  setClientAddress(request, req.socket.remoteAddress);
  return request;
}

/** Writes a Fetch `Response` to a Node response, streaming its body. */
export async function writeNodeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  res.on('close', () => body.destroy());
  await new Promise<void>((resolve) => {
    body.on('error', () => {
      res.destroy();
      resolve();
    });
    body.pipe(res).on('finish', resolve).on('close', resolve);
  });
}

/** A Node/Express/Connect handler that runs `handler`; errors go to `next` when there is one. */
export function toNodeHandler(handler: FetchHandler, options: NodeAdapterOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void => {
    void (async () => {
      try {
        await writeNodeResponse(await handler(toFetchRequest(req, options)), res);
      } catch (error) {
        if (next) return next(error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The endpoint failed unexpectedly.' } }));
      }
    })();
  };
}
