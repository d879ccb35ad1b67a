import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, toNodeHandler } from '../src/index.js';

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
