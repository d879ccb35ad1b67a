import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadStreamEvent } from '../src/index.js';
import { parseSse, userText } from './chatkit-client.js';
import { startServerProcess } from './cli-process.js';
import { API_KEY, functionCall, message, response, startResponsesStandIn, type ResponsesStandIn } from './responses-stand-in.js';

// `npx chatkit-embed-server serve --workflow <export>` in a child process, as users run it: the
// export is loaded from TypeScript unchanged, its model calls go to a Responses API
// stand-in, and the page's side is spoken over HTTP.
let standIn: ResponsesStandIn;
const dir = mkdtempSync(join(tmpdir(), 'chatkit-workflow-'));
const children: ChildProcess[] = [];

beforeAll(async () => {
  standIn = await startResponsesStandIn();
});
afterEach(() => {
  children.splice(0).forEach((child) => child.kill());
  expect(standIn.seen.flatMap((s) => s.problems)).toEqual([]);
  standIn.seen.length = 0;
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function serveWorkflow(fixture: string) {
  const env = {
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: standIn.baseURL,
    OPENAI_AGENTS_DISABLE_TRACING: '1',
    CHATKIT_WORKFLOW_ID: '',
  };
  const { base, child } = await startServerProcess(
    [
      'dist/cli/bin.js',
      'serve',
      '--port',
      '0',
      '--workflow',
      `test/fixtures/workflows/${fixture}.ts`,
      '--data',
      join(dir, `${fixture}-${Date.now()}.sqlite`),
    ],
    env,
    /on (http:\/\/[\d.]+:\d+)/,
    'token key generated',
  );
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const minted = await fetch(`${base}/api/chatkit/token`, { method: 'POST' });
  const cookie = minted.headers.get('set-cookie')!.split(';')[0]!;
  const { client_secret } = (await minted.json()) as { client_secret: string };
  const send = async (type: string, params: unknown) => {
    const res = await fetch(`${base}/chatkit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client_secret}`, 'content-type': 'application/json', cookie },
      body: JSON.stringify({ type, params }),
    });
    return parseSse(await res.text());
  };
  /** What the server has logged since it started (one JSON line per entry). */
  return { send, output: () => output };
}

const streamedText = (events: ThreadStreamEvent[]) =>
  events
    .flatMap((e) =>
      e.type === 'thread.item.updated' && e.update.type === 'assistant_message.content_part.text_delta' ? [e.update.delta] : [],
    )
    .join('');
const finalMessages = (events: ThreadStreamEvent[]) =>
  events.flatMap((e) =>
    e.type === 'thread.item.done' && e.item.type === 'assistant_message' ? [e.item.content.map((c) => c.text).join('')] : [],
  );
const inputTexts = (body: Record<string, any>) =>
  (body.input as Array<{ role?: string; content: unknown }>).map((item) => {
    const content =
      typeof item.content === 'string' ? item.content : (item.content as Array<{ text?: string }>).map((c) => c.text ?? '').join('');
    return `${item.role}: ${content}`;
  });

describe('serve --workflow: an Agent Builder export as a ChatKit backend', () => {
  it('a single agent: streams its answer, and the second turn sees the first', async () => {
    const chat = await serveWorkflow('single-agent');
    standIn.answer(response('resp_1', message('m1', ['Hello', ' there!'])));
    const first = await chat.send('threads.create', { input: userText('Hi') });
    expect(streamedText(first)).toBe('Hello there!');
    expect(finalMessages(first)).toEqual(['Hello there!']);
    const threadId = (first[0] as { thread: { id: string } }).thread.id;

    standIn.answer(response('resp_2', message('m2', ['You said hi.'])));
    // Quoting the earlier answer: the current message must reach the model once, not twice.
    const second = await chat.send('threads.add_user_message', {
      thread_id: threadId,
      input: { ...userText('What did I say?'), quoted_text: 'Hello there!' },
    });
    expect(finalMessages(second)).toEqual(['You said hi.']);
    // History reached the model on the second turn, with no edit to the file.
    expect(inputTexts(standIn.seen[1]!.body)).toEqual(['user: Hi', 'assistant: Hello there!', 'user: What did I say?']);
  }, 90_000);

  it('a classifier and a branch: progress for the structured agent, the branch answer streamed', async () => {
    const chat = await serveWorkflow('multi-agent-condition');
    standIn.answer(
      response('resp_c', message('mc', ['{"category":"billing"}'])),
      response('resp_b', message('mb', ['Your invoice is on its way.'])),
    );
    const events = await chat.send('threads.create', { input: userText('Where is my invoice?') });
    expect(events.some((e) => e.type === 'progress_update' && e.text === 'Classifier…')).toBe(true);
    expect(finalMessages(events)).toEqual(['Your invoice is on its way.']);
    // The classifier's JSON is never shown as a message.
    expect(JSON.stringify(events)).not.toContain('"category\\\\":');
    expect(standIn.seen).toHaveLength(2);
    expect(inputTexts(standIn.seen[1]!.body)[0]).toBe('user: Where is my invoice?');

    // Second turn: both the classifier and the branch see the first turn.
    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    standIn.answer(
      response('resp_c2', message('mc2', ['{"category":"other"}'])),
      response('resp_g2', message('mg2', ['We open at nine.'])),
    );
    const second = await chat.send('threads.add_user_message', { thread_id: threadId, input: userText('When do you open?') });
    expect(finalMessages(second)).toEqual(['We open at nine.']);
    for (const request of standIn.seen.slice(2)) {
      expect(inputTexts(request.body).slice(0, 3)).toEqual([
        'user: Where is my invoice?',
        'assistant: Your invoice is on its way.',
        'user: When do you open?',
      ]);
    }
  }, 90_000);

  it('a function tool runs in the server process', async () => {
    const chat = await serveWorkflow('function-tool');
    standIn.answer(
      response('resp_t', functionCall('fc1', 'call_1', 'get_order_status', { order_id: 'A-1' })),
      response('resp_a', message('ma', ['Order A-1 has shipped.'])),
    );
    const events = await chat.send('threads.create', { input: userText('Status of A-1?') });
    expect(finalMessages(events).at(-1)).toBe('Order A-1 has shipped.');
    const toolOutput = (standIn.seen[1]!.body.input as Array<{ type?: string; output?: unknown }>).find(
      (i) => i.type === 'function_call_output',
    );
    expect(toolOutput).toBeTruthy();

    const threadId = (events[0] as { thread: { id: string } }).thread.id;
    standIn.answer(response('resp_2', message('m2', ['You asked about A-1.'])));
    const second = await chat.send('threads.add_user_message', { thread_id: threadId, input: userText('Which order was that?') });
    expect(finalMessages(second)).toEqual(['You asked about A-1.']);
    expect(inputTexts(standIn.seen[2]!.body)).toEqual([
      'user: Status of A-1?',
      'assistant: Order A-1 has shipped.',
      'user: Which order was that?',
    ]);
  }, 90_000);

  it('a failure upstream (a hosted tool OpenAI refuses) ends the stream with a clear error', async () => {
    const chat = await serveWorkflow('hosted-tool');
    standIn.answer({ status: 400 });
    const events = await chat.send('threads.create', { input: userText('What is the refund policy?') });
    const error = events.at(-1) as Extract<ThreadStreamEvent, { type: 'error' }>;
    expect(error.type).toBe('error');
    expect(error.message).toContain('HTTP 400');
    // The tools this export really uses, and nothing it does not.
    expect(error.message).toContain('file search (vector stores vs_123), connector google_drive');
    expect(error.message).not.toMatch(/web search|code interpreter/);
    expect(error.message).toContain('chatkit-embed-server migrate');
    expect(JSON.stringify(events)).not.toContain(API_KEY);
  }, 90_000);

  it('an export with no hosted tools that OpenAI refuses is not told about hosted tools', async () => {
    const chat = await serveWorkflow('single-agent');
    standIn.answer({ status: 400 });
    const events = await chat.send('threads.create', { input: userText('Hi') });
    const error = events.at(-1) as Extract<ThreadStreamEvent, { type: 'error' }>;
    expect(error.message).toContain('HTTP 400');
    expect(error.message).not.toMatch(/file search|connector|hosted tool/i);
  }, 90_000);

  it('a guardrail that trips: the reader gets a sentence, the log gets what the guardrail found', async () => {
    const chat = await serveWorkflow('guardrail');
    const events = await chat.send('threads.create', { input: userText('My card is 4111 1111 1111 1111') });
    const error = events.at(-1) as Extract<ThreadStreamEvent, { type: 'error' }>;
    expect(error).toMatchObject({ type: 'error', message: 'This message was blocked by a safety check.' });
    expect(JSON.stringify(events)).not.toContain('card number in message');
    await expect.poll(() => chat.output()).toContain('"event":"chatkit.guardrail_tripped"');
    expect(chat.output()).toContain('card number in message');
    expect(standIn.seen).toHaveLength(0); // blocked before any model call
  }, 90_000);

  it('an export that throws: the error names the cause', async () => {
    const chat = await serveWorkflow('single-agent');
    standIn.answer(response('resp_e', message('me', [''])));
    const events = await chat.send('threads.create', { input: userText('Hi') });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'custom', message: 'The workflow failed: Agent result is undefined' });
  }, 90_000);
});

describe('migrate', () => {
  it('fails on an export that does not parse, naming the file, line and column', async () => {
    const file = join(dir, 'broken-export.ts');
    writeFileSync(
      file,
      [
        'import { Agent } from "@openai/agents";',
        '',
        'export const runWorkflow = async (workflow) => {',
        '  const agent = new Agent({ name: "x" ;',
        '};',
        '',
      ].join('\n'),
    );
    const result = await promisify(execFile)(process.execPath, ['dist/cli/bin.js', 'migrate', file]).catch((error) => error);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`broken-export\\.ts:4:\\d+: Expected`));
    expect(result.stdout).not.toContain('Findings: 0 errors');
  });

  it('reports a fixture: shape, agents, tools and what needs a hand', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      'dist/cli/bin.js',
      'migrate',
      'test/fixtures/workflows/hosted-tool.ts',
    ]);
    expect(stdout).toContain('runWorkflow');
    expect(stdout).toContain('Policy agent');
    expect(stdout).toMatch(/connector/i);
  });
});
