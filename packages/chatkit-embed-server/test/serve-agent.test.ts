import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadStreamEvent } from '../src/index.js';
import { parseSse, userText } from './chatkit-client.js';
import { startServerProcess } from './cli-process.js';
import { API_KEY, message, response, startResponsesStandIn, type ResponsesStandIn } from './responses-stand-in.js';

// `npx chatkit-embed-server serve --offline | --agent <file>` in a child process, as a
// site without a backend of its own starts it: a whole conversation over the protocol.
const dir = mkdtempSync(join(tmpdir(), 'chatkit-serve-agent-'));
const children: ChildProcess[] = [];
let standIn: ResponsesStandIn;
beforeAll(async () => {
  standIn = await startResponsesStandIn();
});
afterEach(() => {
  children.splice(0).forEach((child) => child.kill());
  // Every model call the agent made spoke the Responses API's wire format.
  expect(standIn.seen.flatMap((s) => s.problems)).toEqual([]);
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(...flags: string[]) {
  const data = flags.includes('--data') ? [] : ['--data', join(dir, `${Date.now()}-${Math.random()}.sqlite`)];
  const { base, child } = await startServerProcess(
    ['dist/cli/bin.js', 'serve', '--port', '0', ...data, ...flags],
    { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: standIn.baseURL, OPENAI_AGENTS_DISABLE_TRACING: '1', CHATKIT_WORKFLOW_ID: '' },
    /on (http:\/\/[\d.]+:\d+)/,
    'token key generated',
  );
  children.push(child);
  const minted = await fetch(`${base}/api/chatkit/token`, { method: 'POST' });
  const { client_secret } = (await minted.json()) as { client_secret: string };
  const post = (type: string, params: unknown) =>
    fetch(`${base}/chatkit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client_secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type, params }),
    });
  return {
    base,
    stream: async (type: string, params: unknown) => parseSse(await (await post(type, params)).text()),
    call: async (type: string, params: unknown) => (await post(type, params)).json() as Promise<any>,
  };
}

const answers = (events: ThreadStreamEvent[]) =>
  events.flatMap((e) =>
    e.type === 'thread.item.done' && e.item.type === 'assistant_message' ? [e.item.content.map((c) => c.text).join('')] : [],
  );
const threadIdOf = (events: ThreadStreamEvent[]) => (events[0] as { thread: { id: string } }).thread.id;

describe('serve for a site without a backend', () => {
  it('--offline: a whole conversation with no key and no model', async () => {
    const chat = await serve('--offline');
    const first = await chat.stream('threads.create', { input: userText('hello there') });
    expect(first[0]!.type).toBe('thread.created');
    expect(answers(first)).toHaveLength(1);
    const threadId = threadIdOf(first);
    const second = await chat.stream('threads.add_user_message', { thread_id: threadId, input: userText('and again') });
    expect(answers(second)).toHaveLength(1);
    expect((await chat.call('threads.list', {})).data.map((t: { id: string }) => t.id)).toEqual([threadId]);
    expect((await chat.call('items.list', { thread_id: threadId })).data).toHaveLength(4);
  });

  it('--offline keeps attachments on disk next to the data, across a restart', async () => {
    const data = join(dir, `files-${Date.now()}.sqlite`);
    const chat = await serve('--offline', '--data', data);
    const created = await chat.call('attachments.create', { name: 'notes.txt', size: 5, mime_type: 'text/plain' });
    const form = new FormData();
    form.set('file', new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(
      (await fetch(created.upload_descriptor.url.replace(/^https?:\/\/[^/]+/, chat.base), { method: 'POST', body: form })).status,
    ).toBe(200);
    const answered = await chat.stream('threads.create', { input: { ...userText('what did I attach?'), attachments: [created.id] } });
    expect(answers(answered).join(' ')).toContain('notes.txt');
    expect(readdirSync(join(dirname(data), 'files')).some((name) => name.startsWith(created.id))).toBe(true);
    // Another process on the same data serves the same file.
    const again = await serve('--offline', '--data', data);
    const served = await fetch(created.upload_descriptor.url.replace(/^https?:\/\/[^/]+/, again.base));
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('hello');
  });

  it('--agent with a respond function in TypeScript: its answers, with the history on the second turn', async () => {
    const chat = await serve('--agent', 'test/fixtures/agents/respond.ts');
    const first = await chat.stream('threads.create', { input: userText('first') });
    expect(answers(first)).toEqual(['You said "first". So far: first.']);
    const second = await chat.stream('threads.add_user_message', { thread_id: threadIdOf(first), input: userText('second') });
    expect(answers(second)).toEqual(['You said "second". So far: first / second.']);
  });

  it('--agent with an Agents SDK agent: answered by the model, the second turn seeing the first', async () => {
    const chat = await serve('--agent', 'test/fixtures/agents/agent.ts');
    standIn.answer(response('resp_1', message('m1', ['Hello', ' from the agent.'])));
    const first = await chat.stream('threads.create', { input: userText('Hi') });
    expect(answers(first)).toEqual(['Hello from the agent.']);
    standIn.answer(response('resp_2', message('m2', ['Again.'])));
    const second = await chat.stream('threads.add_user_message', { thread_id: threadIdOf(first), input: userText('More?') });
    expect(answers(second)).toEqual(['Again.']);
    const lastRequest = JSON.stringify(standIn.seen.at(-1)!.body);
    expect(lastRequest).toContain('Hi');
    expect(lastRequest).toContain('Hello from the agent.');
  });

  it('--agent with an AI SDK setup: its model answers, with the system prompt and the history', async () => {
    const chat = await serve('--agent', 'test/fixtures/agents/ai-sdk.ts');
    const first = await chat.stream('threads.create', { input: userText('Hi') });
    expect(answers(first)).toEqual(['Turn 1, told: yes.']);
    const second = await chat.stream('threads.add_user_message', { thread_id: threadIdOf(first), input: userText('Again') });
    expect(answers(second)).toEqual(['Turn 2, told: yes.']);
  });

  it('says what it expected from a module with no agent, and refuses two answerers at once', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['dist/cli/bin.js', 'serve', '--port', '0', ...args], { timeout: 60_000 }).catch((e) => e);
    const nothing = await run('--agent', 'test/fixtures/agents/nothing.ts');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('exports no agent: export a respond function, an Agents SDK Agent or an AI SDK setup');
    const both = await run('--offline', '--agent', 'test/fixtures/agents/respond.ts');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Pass one of --offline, --agent');
  });
});
