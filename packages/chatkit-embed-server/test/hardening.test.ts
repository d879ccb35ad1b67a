import { createServer, request as httpRequest } from 'node:http';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MemoryStore,
  createChatKitServer,
  createSessionHandler,
  createTokenSigner,
  createTokenVerifier,
  createStandaloneServer,
  offlineResponder,
  toNodeHandler,
  streamAssistantMessage,
  type LogEntry,
  type ThreadItem,
  type UserCookieOptions,
} from '../src/index.js';
import { MemoryFileStorage } from '../src/protocol/attachments.js';
import { fileForm, startAttachmentServer } from './attachment-server.js';
import { client, headerAuthenticate, userText } from './chatkit-client.js';
import { serve, startOpenAIStandIn, TEST_API_KEY } from './openai-stand-in.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const authenticate = headerAuthenticate;

describe('attachments never run on the server origin', () => {
  async function start(allowedTypes?: string[], maxBytes = 1024) {
    const chat = await startAttachmentServer({ maxBytes, ...(allowedTypes && { allowedTypes }) });
    servers.push(chat);
    return chat;
  }
  const form = fileForm;

  it('refuses SVG and HTML by default', async () => {
    const chat = await start();
    for (const mime_type of ['image/svg+xml', 'text/html']) {
      expect((await chat.call('attachments.create', { name: 'x', size: 10, mime_type })).status).toBe(415);
    }
  });

  it('serves an allowed SVG as a sandboxed download, and raster images inline but sandboxed', async () => {
    const chat = await start(['image/svg+xml', 'image/png']);
    const svg = (await chat.call('attachments.create', { name: 'x.svg', size: 40, mime_type: 'image/svg+xml' })).body;
    expect(svg.type).toBe('file'); // no inline preview for a type that can run script
    await fetch(svg.upload_descriptor.url, { method: 'POST', body: form('x.svg', 'image/svg+xml', '<svg onload="alert(1)"/>') });
    const served = await fetch(svg.upload_descriptor.url);
    expect(served.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    const png = (await chat.call('attachments.create', { name: 'a.png', size: 4, mime_type: 'image/png' })).body;
    await fetch(png.upload_descriptor.url, { method: 'POST', body: form('a.png', 'image/png', 'PNG!') });
    const image = await fetch(png.preview_url);
    expect(image.headers.get('content-disposition')).toBeNull();
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('stops reading an upload at the limit, even without a Content-Length', async () => {
    const chat = await start(undefined, 1024);
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new TextEncoder().encode('x'.repeat(16 * 1024)));
        if (sent > 8 * 1024 * 1024) controller.close();
      },
    });
    const response = await fetch(`${chat.base}/upload`, {
      method: 'POST',
      headers: { 'x-user': 'alice', 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('rate limits by client address', () => {
  it('without a known address, per-IP limits are skipped rather than shared by everyone', async () => {
    const openai = await startOpenAIStandIn();
    servers.push(openai);
    const handler = createSessionHandler({
      apiKey: TEST_API_KEY,
      baseURL: openai.baseURL,
      workflow: { id: 'wf' },
      rateLimit: { perIp: { limit: 1, windowMs: 60_000 } },
    });
    // Called directly, as Next.js or a Worker would: no socket address.
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await handler(new Request('http://localhost/s', { method: 'POST' }))).status);
    expect(statuses).toEqual([200, 200, 200]);
    const keyed = createSessionHandler({
      apiKey: TEST_API_KEY,
      baseURL: openai.baseURL,
      workflow: { id: 'wf' },
      rateLimit: { perIp: { limit: 1, windowMs: 60_000 } },
      clientIp: () => '203.0.113.9',
    });
    expect((await keyed(new Request('http://localhost/s', { method: 'POST' }))).status).toBe(200);
    expect((await keyed(new Request('http://localhost/s', { method: 'POST' }))).status).toBe(429);
  });

  it('behind a proxy, the client cannot pick its own X-Forwarded-For address', async () => {
    const openai = await startOpenAIStandIn();
    servers.push(openai);
    const handler = createSessionHandler({
      apiKey: TEST_API_KEY,
      baseURL: openai.baseURL,
      workflow: { id: 'wf' },
      trustProxy: true,
      rateLimit: { perIp: { limit: 1, windowMs: 60_000 } },
    });
    const send = (forwarded: string) =>
      handler(new Request('http://localhost/s', { method: 'POST', headers: { 'x-forwarded-for': forwarded } }));
    expect((await send('1.1.1.1, 198.51.100.7')).status).toBe(200);
    // Another spoofed first entry; the proxy-appended last entry is the same client.
    expect((await send('2.2.2.2, 198.51.100.7')).status).toBe(429);
  });
});

describe('origins and tokens', () => {
  it("allowedOrigins '*' never shares credentials", async () => {
    const openai = await startOpenAIStandIn();
    servers.push(openai);
    const handler = createSessionHandler({ apiKey: TEST_API_KEY, baseURL: openai.baseURL, workflow: { id: 'wf' }, allowedOrigins: '*' });
    const response = await handler(new Request('http://localhost/s', { method: 'POST', headers: { origin: 'https://any.example' } }));
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a token without an expiry', async () => {
    const secret = 'a-shared-secret-of-at-least-32-bytes!!';
    const forever = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('eve')
      .setAudience('chatkit')
      .sign(new TextEncoder().encode(secret));
    await expect(createTokenVerifier({ secret }).verify(forever)).rejects.toMatchObject({ code: 'token_invalid' });
    const signer = await createTokenSigner({ secret });
    expect((await createTokenVerifier({ secret }).verify((await signer.sign('ann')).token)).user).toBe('ann');
  });
});

describe('the protocol server under cancellation and bad input', () => {
  it('a respond that throws because the client left still has its partial answer saved, with the cancellation note', async () => {
    const store = new MemoryStore();
    let reached!: () => void;
    const halfway = new Promise<void>((resolve) => (reached = resolve));
    const chatkit = createChatKitServer({
      store,
      authenticate,
      async *respond({ thread, signal }) {
        async function* chunks() {
          yield 'Partial ';
          yield 'answer';
          reached();
          await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        }
        yield* streamAssistantMessage(thread, chunks());
      },
    });
    const server = await serve(chatkit);
    servers.push(server);
    const controller = new AbortController();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: JSON.stringify({ type: 'threads.create', params: { input: userText('go') } }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const threadId = JSON.parse(first.split('\n\n')[0]!.slice(6)).thread.id;
    await halfway;
    controller.abort();
    let items: ThreadItem[] = [];
    for (let i = 0; i < 50 && items.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      items = (await store.loadThreadItems(threadId, null, 10, 'asc', { user: 'alice' })).data;
    }
    expect(items.map((i) => i.type)).toEqual(['user_message', 'assistant_message', 'sdk_hidden_context']);
    expect((items[1] as { content: Array<{ text: string }> }).content[0]!.text).toBe('Partial answer');
  });

  it('invalid base64 for transcription is a 400, not a 500', async () => {
    const chatkit = createChatKitServer({
      store: new MemoryStore(),
      authenticate,
      respond: async function* () {},
      transcribe: async () => ({ text: '' }),
    });
    const server = await serve(chatkit);
    servers.push(server);
    const { status, body } = await client(server.url).call('input.transcribe', {
      audio_base64: '***not base64***',
      mime_type: 'audio/webm',
    });
    expect(status).toBe(400);
    expect(body.error.message).toContain('base64');
  });
});

// Attack: the anonymous id in the cookie used to be the token's `sub` (readable by page
// scripts) and the `user` of every log line, so either one, sent back as the cookie,
// bought a token for that visitor and their threads.
describe('a visitor cannot be impersonated from a token or a log line', () => {
  async function start(cookie: UserCookieOptions = {}) {
    const logs: LogEntry[] = [];
    const backend = await createStandaloneServer({
      chatkit: { store: new MemoryStore(), respond: offlineResponder() },
      cookie,
      log: (entry) => logs.push(entry),
    });
    const server = await serve(backend.handler);
    servers.push(server);
    const verifier = createTokenVerifier({ jwks: await backend.signer.jwks() });
    /** A token from /api/chatkit/token, as the page gets it, sending `cookie` if given. */
    const mint = async (cookieHeader?: string) => {
      const response = await fetch(`${server.url}/api/chatkit/token`, {
        method: 'POST',
        ...(cookieHeader && { headers: { cookie: cookieHeader } }),
      });
      const { client_secret } = (await response.json()) as { client_secret: string };
      const setCookie = response.headers.get('set-cookie')?.split(';')[0];
      return { token: client_secret, sub: (await verifier.verify(client_secret)).user, setCookie };
    };
    const chatkit = (token: string, type: string, params: unknown) =>
      fetch(`${server.url}/chatkit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type, params }),
      });
    return { mint, chatkit, logs };
  }

  it("the token's sub, or the logged user, sent as the cookie gets a new visitor with none of the victim's threads", async () => {
    const { mint, chatkit, logs } = await start();
    const victim = await mint();
    const cookieSecret = victim.setCookie!.split('=')[1]!;
    await (await chatkit(victim.token, 'threads.create', { input: userText('my address is 1 Main St') })).text();
    const logged = logs.find((entry) => entry.event === 'token.created')!.user!;
    expect(logged).toBe(victim.sub);

    for (const stolen of [victim.sub, logged]) {
      const attacker = await mint(`chatkit_uid=${stolen}`);
      expect(attacker.sub).not.toBe(victim.sub);
      expect(attacker.setCookie).toMatch(/^chatkit_uid=v2\./); // treated as a new visitor
      const threads = (await (await chatkit(attacker.token, 'threads.list', {})).json()) as { data: unknown[] };
      expect(threads.data).toEqual([]);
    }
    // The victim's own cookie still works, and nothing anyone else reads holds it.
    expect((await mint(victim.setCookie)).sub).toBe(victim.sub);
    expect(JSON.stringify(logs)).not.toContain(cookieSecret);
    expect(victim.token).not.toContain(cookieSecret);
  });

  it('a cookie of the earlier format, which held the id itself, is not accepted as anyone', async () => {
    const { mint } = await start();
    const legacy = '0123456789abcdef0123456789abcdef';
    const visitor = await mint(`chatkit_uid=${legacy}`);
    expect(visitor.sub).not.toBe(legacy);
    expect(visitor.setCookie).toMatch(/^chatkit_uid=v2\.[A-Za-z0-9_-]{43}$/);
  });

  it('with cookie.key the id is keyed: the same key keeps visitors across restarts, another key does not', async () => {
    const key = 'a stable server key of 32 bytes!';
    const first = await start({ key });
    const visitor = await first.mint();
    const restarted = await start({ key });
    expect((await restarted.mint(visitor.setCookie)).sub).toBe(visitor.sub);
    const rekeyed = await start({ key: 'another server key, also 32 byte' });
    expect((await rekeyed.mint(visitor.setCookie)).sub).not.toBe(visitor.sub);
    const unkeyed = await start();
    expect((await unkeyed.mint(visitor.setCookie)).sub).not.toBe(visitor.sub);
  });
});

// Attack: DNS rebinding. A page on http://evil.example:<port> whose name then resolves to
// 127.0.0.1 calls the server as its own origin: Host and Origin both say evil.example.
describe('DNS rebinding', () => {
  /** A raw request with a Host header of our choosing (fetch does not let one set it). */
  function post(url: string, path: string, host: string, origin?: string): Promise<{ status: number; body: string }> {
    const { port } = new URL(url);
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path, method: 'POST', headers: { host, ...(origin && { origin }), 'content-type': 'application/json' } },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: response.statusCode!, body }));
        },
      );
      request.on('error', reject).end('{}');
    });
  }

  async function start(allowedHosts?: string[] | '*') {
    const backend = await createStandaloneServer({
      chatkit: { store: new MemoryStore(), respond: offlineResponder() },
      ...(allowedHosts && { allowedHosts }),
    });
    const server = await serve(backend.handler);
    servers.push(server);
    return server.url;
  }

  it('refuses a request whose Host is a name it was not told about, even with a matching Origin', async () => {
    const url = await start();
    const { port } = new URL(url);
    const rebound = await post(url, '/api/chatkit/token', `evil.example:${port}`, `http://evil.example:${port}`);
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.code).toBe('host_not_allowed');
    expect(rebound.body).not.toContain('client_secret');
    expect((await post(url, '/chatkit', `evil.example:${port}`, `http://evil.example:${port}`)).status).toBe(421);
  });

  it('a client-supplied X-Forwarded-Host does not decide it, even behind trustProxy', async () => {
    const backend = await createStandaloneServer({ chatkit: { store: new MemoryStore(), respond: offlineResponder() } });
    const server = createServer(toNodeHandler(backend.handler, { trustProxy: true }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const port = (server.address() as { port: number }).port;
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/chatkit/token',
          method: 'POST',
          headers: { host: 'evil.example', 'x-forwarded-host': '127.0.0.1' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('answers localhost names, IP addresses and the names it is given', async () => {
    const url = await start(['chat.example.com']);
    const { port } = new URL(url);
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `app.localhost:${port}`,
      'chat.example.com',
      `CHAT.example.com:${port}`,
    ]) {
      expect((await post(url, '/api/chatkit/token', host)).status, host).toBe(200);
    }
    expect((await post(url, '/api/chatkit/token', 'evil.example')).status).toBe(421);
    const any = await start('*');
    expect((await post(any, '/api/chatkit/token', 'evil.example')).status).toBe(200);
  });
});

// Attack: 300 attachments.create calls with 900 KB names, never uploaded, took a process
// from 161 to 528 MB and grew the SQLite file by 270 MB.
describe('attachments cannot fill memory or disk', () => {
  async function start(options: Parameters<typeof startAttachmentServer>[0] = {}) {
    const chat = await startAttachmentServer(options);
    servers.push(chat);
    return chat;
  }

  it('refuses an over-long name or a malformed type with a 400 naming the field, and stores nothing', async () => {
    const chat = await start();
    const long = await chat.call('attachments.create', { name: 'x'.repeat(900 * 1024), size: 10, mime_type: 'text/plain' });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('name');
    const type = await chat.call('attachments.create', { name: 'a.txt', size: 10, mime_type: `text/${'x'.repeat(200)}` });
    expect(type.status).toBe(400);
    expect(type.body.error.message).toContain('mime_type');
    expect((await chat.call('attachments.create', { name: 'a'.repeat(255), size: 10, mime_type: 'text/plain' })).status).toBe(200);
  });

  it('an upload that never comes expires: its link answers 410 and the sweep removes it everywhere', async () => {
    const chat = await start({ pendingTtlMs: 0 });
    const created = (await chat.call('attachments.create', { name: 'late.txt', size: 4, mime_type: 'text/plain' })).body;
    const late = await fetch(created.upload_descriptor.url, { method: 'POST', body: fileForm('late.txt', 'text/plain', 'late') });
    expect(late.status).toBe(410);
    await expect(chat.store.loadAttachment(created.id, { user: 'alice' })).rejects.toThrow();
    const forgotten = (await chat.call('attachments.create', { name: 'never.txt', size: 4, mime_type: 'text/plain' })).body;
    expect(await chat.sweep()).toBe(1);
    await expect(chat.store.loadAttachment(forgotten.id, { user: 'alice' })).rejects.toThrow();
    expect((await fetch(forgotten.upload_descriptor.url)).status).toBe(404);
  });

  it('direct uploads count against the per-user attachment limit too', async () => {
    const chat = await start({ limits: { attachments: { limit: 1, windowMs: 86_400_000 } } });
    const upload = () =>
      fetch(`${chat.base}/upload`, { method: 'POST', headers: { 'x-user': 'alice' }, body: fileForm('a.txt', 'text/plain', 'hello') });
    expect((await upload()).status).toBe(200);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect((await refused.json()).error.code).toBe('rate_limited');
  });

  it('MemoryFileStorage holds at most maxTotalBytes and answers 507 storage_full past it', async () => {
    const chat = await start({ storage: new MemoryFileStorage({ maxTotalBytes: 1024 }) });
    const upload = async (name: string) => {
      const created = (await chat.call('attachments.create', { name, size: 600, mime_type: 'text/plain' })).body;
      return fetch(created.upload_descriptor.url, { method: 'POST', body: fileForm(name, 'text/plain', 'x'.repeat(600)) });
    };
    expect((await upload('one.txt')).status).toBe(200);
    const full = await upload('two.txt');
    expect(full.status).toBe(507);
    expect((await full.json()).error.code).toBe('storage_full');
  });
});
