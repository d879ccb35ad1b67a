import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MemoryStore,
  createChatKitServer,
  createSessionHandler,
  createTokenSigner,
  createTokenVerifier,
  streamAssistantMessage,
  type ThreadItem,
} from '../src/index.js';
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
