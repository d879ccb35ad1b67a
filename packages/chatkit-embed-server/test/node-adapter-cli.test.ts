import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, toNodeHandler } from '../src/index.js';
import { startServerProcess } from './cli-process.js';

const cleanup: Array<() => void> = [];
afterAll(() => cleanup.forEach((fn) => fn()));

describe('toNodeHandler', () => {
  it('works behind a body parser that already read the stream (Express/Connect style)', async () => {
    const seen: unknown[] = [];
    const handler = toNodeHandler(async (request) => {
      seen.push(await request.json());
      return Response.json(
        { ok: true },
        {
          headers: [
            ['set-cookie', 'a=1'],
            ['set-cookie', 'b=2'],
          ],
        },
      );
    });
    const server = createServer((req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
      let raw = '';
      req
        .on('data', (c) => (raw += c))
        .on('end', () => {
          req.body = JSON.parse(raw); // what express.json() leaves behind
          handler(req, res, (error) => {
            res.writeHead(500).end(String(error));
          });
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: '{"page":"/a"}' });
    expect(response.status).toBe(200);
    expect(seen).toEqual([{ page: '/a' }]);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });
});

describe('npx chatkit-embed-server serve', () => {
  it('starts a session server from the environment: health, tokens, JWKS; hosted off without a key', async () => {
    expect(existsSync('dist/cli/bin.js'), 'run `npm run build` first').toBe(true);
    const env = { ...process.env, OPENAI_API_KEY: '', CHATKIT_WORKFLOW_ID: '', CHATKIT_TOKEN_ISSUER: 'https://cli.test' };
    const child = spawn(process.execPath, ['dist/cli/bin.js', 'serve', '--port', '0'], { env });
    cleanup.push(() => child.kill());
    const banner = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        // The banner's last line (no token key configured in this test).
        if (out.includes('token key generated')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const base = /on (http:\/\/[\d.]+:\d+)/.exec(banner)![1]!;
    expect(banner).toContain('hosted sessions are off');
    expect(banner).not.toContain('POST /api/chatkit/session');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    const minted = await (await fetch(`${base}/api/chatkit/token`, { method: 'POST' })).json();
    const verifier = createTokenVerifier({ jwksUrl: `${base}/.well-known/jwks.json`, issuer: 'https://cli.test' });
    expect((await verifier.verify(minted.client_secret)).user).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect((await fetch(`${base}/api/chatkit/session`, { method: 'POST' })).status).toBe(404);
  });
});

// Attack: slow and idle clients (slowloris) and connection floods against `serve`.
describe('npx chatkit-embed-server serve under slow and many clients', () => {
  async function start(env: Record<string, string>) {
    const started = await startServerProcess(
      ['dist/cli/bin.js', 'serve', '--port', '0'],
      { OPENAI_API_KEY: '', CHATKIT_WORKFLOW_ID: '', ...env },
      /on (http:\/\/[\d.]+:\d+)/,
      'token key generated',
    );
    cleanup.push(() => started.child.kill());
    return new URL(started.base);
  }
  /** A raw connection; resolves with what the server sent once it closes the connection. */
  function connect(url: URL, send: string): { closed: Promise<string>; socket: Socket } {
    const socket = netConnect(Number(url.port), url.hostname);
    socket.on('error', () => undefined); // a reset is one of the outcomes under test
    socket.write(send);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    return { socket, closed: new Promise((resolve) => socket.once('close', () => resolve(received))) };
  }

  it('answers only to localhost names, IP addresses and --allowed-host names', async () => {
    const url = await start({ CHATKIT_ALLOWED_HOSTS: 'chat.example.com' });
    const status = async (host: string) => {
      const reply = connect(url, `GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      return /^HTTP\/1\.1 (\d+)/.exec(await reply.closed)?.[1];
    };
    expect(await status('chat.example.com')).toBe('200');
    expect(await status(`localhost:${url.port}`)).toBe('200');
    expect(await status('evil.example')).toBe('421');
  });

  it('refuses a limit that is not a number, and a cookie key too short to use, at start', async () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      promisify(execFile)(process.execPath, ['dist/cli/bin.js', 'serve', '--port', '0', ...args], {
        env: { ...process.env, OPENAI_API_KEY: '', ...env },
        timeout: 60_000,
      }).catch((error) => error);
    const limit = await run(['--rate-limit', 'abc']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--rate-limit must be a whole number above 0, not abc');
    const key = await run([], { CHATKIT_COOKIE_KEY: 'short' });
    expect(key.code).toBe(1);
    expect(key.stderr).toContain('needs at least 16 bytes');
  });

  it('drops a client that never finishes its headers', async () => {
    const url = await start({ CHATKIT_HEADERS_TIMEOUT_MS: '500' });
    const slow = connect(url, `POST /api/chatkit/token HTTP/1.1\r\nHost: ${url.host}\r\nX-Slow: `);
    cleanup.push(() => slow.socket.destroy());
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('holds at most CHATKIT_MAX_CONNECTIONS connections', async () => {
    const url = await start({ CHATKIT_MAX_CONNECTIONS: '2' });
    const held = [connect(url, ''), connect(url, '')];
    for (const { socket } of held) {
      cleanup.push(() => socket.destroy());
      await new Promise((resolve) => (socket.connecting ? socket.once('connect', resolve) : resolve(undefined)));
    }
    const third = connect(url, `GET /health HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    cleanup.push(() => third.socket.destroy());
    expect(await third.closed).toBe(''); // closed without an answer
    // Once those close, the server takes new connections again (it counts the closes as
    // they arrive, so ask until it answers).
    for (const { socket } of held) socket.destroy();
    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      status = await fetch(`${url.origin}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(200);
  });
});

describe('toNodeHandler keeps what matters for streams', () => {
  async function listen(handler: (request: Request) => Promise<Response> | Response) {
    const server = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => {
      server.closeAllConnections();
      server.close();
    });
    return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    return condition();
  };

  it('request.signal fires and the body is cancelled when the client goes away mid-answer', async () => {
    let signalled = false;
    let cancelled = false;
    const url = await listen((request) => {
      request.signal.addEventListener('abort', () => (signalled = true));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: {}\n\n'));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const abort = new AbortController();
    const response = await fetch(url, { method: 'POST', body: '{}', signal: abort.signal });
    await response.body!.getReader().read();
    abort.abort();
    expect(await until(() => signalled && cancelled)).toBe(true);
  });

  it('holds a reader that does not read: the producer stops instead of filling memory', async () => {
    let produced = 0;
    const chunk = new Uint8Array(64 * 1024);
    const url = await listen(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              produced += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
        ),
    );
    const socket = netConnect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    cleanup.push(() => socket.destroy());
    socket.write(`GET / HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    socket.pause(); // never reads
    // Production stops once the socket's buffers are full: wait until it stands still.
    let last = -1;
    let still = 0;
    for (let i = 0; i < 400 && still < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      still = produced === last ? still + 1 : 0;
      last = produced;
    }
    expect(still).toBe(20);
    expect(produced).toBeLessThan(64 * 1024 * 1024);
  });
});
