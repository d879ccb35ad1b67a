import { createAnthropic } from '@ai-sdk/anthropic';
import { tool } from 'ai';
import { MockLanguageModelV4, convertArrayToReadableStream } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { aiSdkResponder } from '../src/ai-sdk/index.js';
import { MemoryStore, createChatKitServer, type ThreadStreamEvent } from '../src/index.js';
import { client, headerAuthenticate, userText } from './chatkit-client.js';
import { ANTHROPIC_TEST_KEY, startAnthropicStandIn } from './anthropic-stand-in.js';
import { serve } from './openai-stand-in.js';

// The AI SDK adapter, driven by the AI SDK's own mock model: each test scripts what the
// model streams, step by step, and reads what the model was sent.
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
const finish = (unified: 'stop' | 'tool-calls' = 'stop') => ({ type: 'finish', finishReason: { unified, raw: unified }, usage });
const text = (id: string, ...deltas: string[]) => [
  { type: 'text-start', id },
  ...deltas.map((delta) => ({ type: 'text-delta', id, delta })),
  { type: 'text-end', id },
];

/** A model that streams `steps` in turn, one per model call, and records each call. */
function scriptedModel(...steps: unknown[][]) {
  const queue = [...steps];
  return new MockLanguageModelV4({
    doStream: async () => {
      const chunks = queue.shift();
      if (!chunks) throw new Error('The test gave the model no more steps.');
      return { stream: convertArrayToReadableStream([{ type: 'stream-start', warnings: [] }, ...chunks] as never[]) };
    },
  });
}

async function start(options: Parameters<typeof aiSdkResponder>[0]) {
  const server = await serve(
    createChatKitServer({ store: new MemoryStore(), authenticate: headerAuthenticate, respond: aiSdkResponder(options) }),
  );
  servers.push(server);
  return { chat: client(server.url), url: server.url };
}

const answers = (events: ThreadStreamEvent[]) =>
  events.flatMap((e) => (e.type === 'thread.item.done' && e.item.type === 'assistant_message' ? [e.item.content[0]!.text] : []));
const threadIdOf = (events: ThreadStreamEvent[]) => (events[0] as { thread: { id: string } }).thread.id;
const promptOf = (model: MockLanguageModelV4, call: number) => JSON.stringify(model.doStreamCalls[call]!.prompt);

describe('aiSdkResponder', () => {
  it('streams text deltas as an assistant message, and sends the history on the second turn', async () => {
    const model = scriptedModel([...text('t1', 'Hello', ' there!'), finish()], [...text('t2', 'Again.'), finish()]);
    const { chat } = await start({ model, system: 'Be brief.' });
    const first = await chat.stream('threads.create', { input: userText('Hi') });
    const deltas = first.events.flatMap((e) =>
      e.type === 'thread.item.updated' && e.update.type === 'assistant_message.content_part.text_delta' ? [e.update.delta] : [],
    );
    expect(deltas).toEqual(['Hello', ' there!']);
    expect(answers(first.events)).toEqual(['Hello there!']);
    const second = await chat.stream('threads.add_user_message', { thread_id: threadIdOf(first.events), input: userText('More?') });
    expect(answers(second.events)).toEqual(['Again.']);
    const prompt = promptOf(model, 1);
    for (const said of ['Be brief.', 'Hi', 'Hello there!', 'More?']) expect(prompt).toContain(said);
  });

  it('shows reasoning as a reasoning workflow, finished before the answer', async () => {
    const model = scriptedModel([
      { type: 'reasoning-start', id: 'r1' },
      { type: 'reasoning-delta', id: 'r1', delta: 'The user greets me.' },
      { type: 'reasoning-end', id: 'r1' },
      ...text('t1', 'Hello!'),
      finish(),
    ]);
    const { chat } = await start({ model });
    const { events } = await chat.stream('threads.create', { input: userText('Hi') });
    const done = events.filter((e) => e.type === 'thread.item.done').map((e) => (e as { item: { type: string } }).item);
    expect(done.map((item) => item.type)).toEqual(['user_message', 'workflow', 'assistant_message']);
    expect(done[1]).toMatchObject({ workflow: { type: 'reasoning', tasks: [{ type: 'thought', content: 'The user greets me.' }] } });
  });

  it('runs a server tool: a progress line, then the answer from its result', async () => {
    const model = scriptedModel(
      [{ type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: '{"city":"Oslo"}' }, finish('tool-calls')],
      [...text('t1', 'Sunny in Oslo.'), finish()],
    );
    const weather = tool({
      description: 'The weather',
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, sky: 'sunny' }),
    });
    const { chat } = await start({ model, tools: { weather } });
    const { events } = await chat.stream('threads.create', { input: userText('Weather?') });
    expect(events).toContainEqual({ type: 'progress_update', text: 'Using weather…' });
    expect(answers(events)).toEqual(['Sunny in Oslo.']);
    expect(promptOf(model, 1)).toContain('"sky":"sunny"');
  });

  it('a tool without execute is a client tool call; its result reaches the model on the next turn', async () => {
    const model = scriptedModel(
      [{ type: 'tool-call', toolCallId: 'c1', toolName: 'get_location', input: '{}' }, finish('tool-calls')],
      [...text('t1', 'You are in Oslo.'), finish()],
    );
    const getLocation = tool({ description: 'Where the reader is', inputSchema: z.object({}) });
    const { chat } = await start({ model, tools: { get_location: getLocation } });
    const first = await chat.stream('threads.create', { input: userText('Where am I?') });
    expect(first.events.at(-1)).toMatchObject({
      type: 'thread.item.done',
      item: { type: 'client_tool_call', status: 'pending', name: 'get_location', call_id: 'c1', arguments: {} },
    });
    const threadId = threadIdOf(first.events);
    const second = await chat.stream('threads.add_client_tool_output', { thread_id: threadId, result: { city: 'Oslo' } });
    expect(answers(second.events)).toEqual(['You are in Oslo.']);
    const prompt = promptOf(model, 1);
    expect(prompt).toContain('"toolName":"get_location"');
    expect(prompt).toContain('"city":"Oslo"');
  });

  it('turns sources into annotations and generated images into image items', async () => {
    const model = scriptedModel([
      ...text('t1', 'See the docs.'),
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://docs.example/a', title: 'Docs' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      finish(),
    ]);
    const { chat } = await start({ model });
    const { events } = await chat.stream('threads.create', { input: userText('Show me') });
    const message = events.find((e) => e.type === 'thread.item.done' && e.item.type === 'assistant_message') as {
      item: { content: unknown[] };
    };
    expect(message.item.content).toEqual([
      {
        type: 'output_text',
        text: 'See the docs.',
        annotations: [{ type: 'annotation', source: { type: 'url', url: 'https://docs.example/a', title: 'Docs' } }],
      },
    ]);
    const image = events.find((e) => e.type === 'thread.item.done' && e.item.type === 'generated_image') as {
      item: { image: { url: string } };
    };
    expect(image.item.image.url).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  it('a provider error is a readable error event that never quotes a key', async () => {
    const key = 'sk-ant-api03-SECRETSECRETSECRETSECRET';
    const model = new MockLanguageModelV4({
      doStream: async () => {
        throw Object.assign(new Error(`Invalid API key ${key}`), { statusCode: 401 });
      },
    });
    const logs: unknown[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { chat } = await start({ model, log: (entry) => logs.push(entry) });
    const { events, raw } = await chat.stream('threads.create', { input: userText('Hi') });
    expect(events.at(-1)).toMatchObject({ type: 'error', message: 'The assistant is not allowed to use the model (HTTP 401).' });
    expect(raw).not.toContain('SECRET');
    // Logged once, masked; nothing printed to the console.
    expect(JSON.stringify(logs)).toContain('chatkit.model_failed');
    expect(JSON.stringify(logs)).not.toContain('SECRET');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('aborts the model call when the reader goes away', async () => {
    let signal: AbortSignal | undefined;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const model = new MockLanguageModelV4({
      doStream: async (options) => {
        signal = options.abortSignal;
        return {
          stream: new ReadableStream({
            async start(controller) {
              controller.enqueue({ type: 'stream-start', warnings: [] });
              controller.enqueue({ type: 'text-start', id: 't1' });
              controller.enqueue({ type: 'text-delta', id: 't1', delta: 'Start…' });
              await held;
            },
          }) as never,
        };
      },
    });
    const { url } = await start({ model });
    const abort = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': 'alice' },
      body: JSON.stringify({ type: 'threads.create', params: { input: userText('Hi') } }),
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    let seen = '';
    while (!seen.includes('Start…')) seen += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    for (let i = 0; i < 400 && !signal?.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    release();
    expect(signal?.aborted).toBe(true);
  });
});

// Once through a real provider package: @ai-sdk/anthropic, pointed at a loopback
// stand-in that speaks Anthropic's Messages API.
describe('aiSdkResponder with @ai-sdk/anthropic', () => {
  it("streams the answer and sends the system prompt and the history in Anthropic's wire format", async () => {
    const anthropicApi = await startAnthropicStandIn();
    servers.push(anthropicApi);
    const anthropic = createAnthropic({ baseURL: anthropicApi.baseURL, apiKey: ANTHROPIC_TEST_KEY });
    const { chat } = await start({ model: anthropic('claude-test'), system: 'Answer briefly.' });
    anthropicApi.answer('Hello', ' from Claude.');
    const first = await chat.stream('threads.create', { input: userText('Hi') });
    expect(answers(first.events)).toEqual(['Hello from Claude.']);
    anthropicApi.answer('Again.');
    const second = await chat.stream('threads.add_user_message', { thread_id: threadIdOf(first.events), input: userText('More?') });
    expect(answers(second.events)).toEqual(['Again.']);
    expect(anthropicApi.seen.flatMap((request) => request.problems)).toEqual([]);
    const { body } = anthropicApi.seen[1]!;
    expect(JSON.stringify(body.system)).toContain('Answer briefly.');
    expect(body.messages!.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(body.messages)).toContain('Hello from Claude.');
    expect(JSON.stringify([first.raw, second.raw])).not.toContain(ANTHROPIC_TEST_KEY);
  });
});
