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

/** Bodies up to this size (by Content-Length) are read before the handler runs: cheaper than a stream. */
const BUFFERED_BODY_BYTES = 64 * 1024;

/**
 * Converts a Node request to a Fetch `Request`. With `signal`, the request's own signal
 * aborts when that one does (toNodeHandler aborts it when the client goes away).
 */
export function toFetchRequest(req: NodeRequest, options: NodeAdapterOptions & { signal?: AbortSignal; body?: Uint8Array } = {}): Request {
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
  const init: RequestInit & { duplex?: 'half' } = { method, headers, ...(options.signal && { signal: options.signal }) };
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.body !== undefined && req.readableEnded) {
      // A body parser (express.json()) already read the stream: send what it parsed.
      init.body =
        typeof req.body === 'string' ? req.body : req.body instanceof Uint8Array ? new Uint8Array(req.body) : JSON.stringify(req.body);
      headers.delete('content-length');
    } else if (options.body) {
      init.body = options.body as Uint8Array<ArrayBuffer>;
    } else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  const request = new Request(url, init);
  setClientAddress(request, req.socket.remoteAddress);
  return request;
}

/** A small body with a declared length, read whole; `undefined` means stream it instead. */
function readSmallBody(req: NodeRequest): Promise<Uint8Array> | undefined {
  const declared = Number(req.headers['content-length']);
  if (req.readableEnded || !Number.isInteger(declared) || declared > BUFFERED_BODY_BYTES || req.method === 'GET' || req.method === 'HEAD') {
    return undefined;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('The client went away before sending its request.'));
    });
  });
}

/**
 * Writes a Fetch `Response` to a Node response, streaming its body with backpressure: a
 * slow reader holds the producer back instead of filling memory, and a reader that goes
 * away cancels the body (which ends the work behind it).
 */
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
  const reader = response.body.getReader();
  const gone = () => void reader.cancel().catch(() => undefined);
  // The client may have left while the handler was still working: then 'close' has
  // already fired, and the body must be cancelled now (it may hold resources, such as a
  // place among a user's open streams).
  if (res.destroyed || res.closed) return gone();
  res.once('close', gone);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return gone();
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = () => {
            res.off('drain', go).off('close', go);
            resolve();
          };
          res.on('drain', go).on('close', go);
        });
      }
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', gone);
  }
}

/** A Node/Express/Connect handler that runs `handler`; errors go to `next` when there is one. */
export function toNodeHandler(handler: FetchHandler, options: NodeAdapterOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void => {
    void (async () => {
      try {
        // `request.signal` fires when the client goes away before the answer is complete.
        const abort = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) abort.abort(new Error('The client went away.'));
        });
        const small = readSmallBody(req);
        const body = small && (await small);
        await writeNodeResponse(await handler(toFetchRequest(req, { ...options, signal: abort.signal, ...(body && { body }) })), res);
      } catch (error) {
        if (next) return next(error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'The endpoint failed unexpectedly.' } }));
      }
    })();
  };
}
