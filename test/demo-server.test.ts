import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSse, userText } from '../packages/chatkit-embed-server/test/chatkit-client.js';

const dir = mkdtempSync(join(tmpdir(), 'chatkit-demo-'));
const children: Array<ReturnType<typeof spawn>> = [];
afterAll(() => {
  children.forEach((child) => child.kill());
  rmSync(dir, { recursive: true, force: true });
});

// What `npm start` runs (after building): the demo's backends, with no API key at all.
describe('npm start', () => {
  it('serves the demo and a working self-hosted chat with no API key', async () => {
    const env = { ...process.env, PORT: '0', CHATKIT_DATA_FILE: join(dir, 'chatkit.sqlite'), OPENAI_API_KEY: '', CHATKIT_WORKFLOW_ID: '' };
    const child = spawn(process.execPath, ['scripts/dev-server.mjs'], { env });
    children.push(child);
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const match = /demo: (http:\/\/localhost:\d+)\//.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const page = await (await fetch(`${base}/demo/self-hosted.html`)).text();
    expect(page).toContain('<chatkit-embed');
    const minted = await fetch(`${base}/api/chatkit/token`, { method: 'POST' });
    const cookie = minted.headers.get('set-cookie')!.split(';')[0]!;
    const { client_secret } = await minted.json();
    const response = await fetch(`${base}/chatkit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client_secret}`, 'content-type': 'application/json', cookie },
      body: JSON.stringify({ type: 'threads.create', params: { input: userText('hello demo') } }),
    });
    const events = parseSse(await response.text());
    expect(events[0]!.type).toBe('thread.created');
    expect(events.at(-1)).toMatchObject({ type: 'thread.item.done', item: { type: 'assistant_message' } });
    // Hosted mode is off, and says so without retries.
    const hosted = await fetch(`${base}/api/chatkit/session`, { method: 'POST' });
    expect(hosted.status).toBe(503);
    expect(Number(hosted.headers.get('retry-after'))).toBeGreaterThan(30);
  }, 90_000);
});
