/**
 * The Agents SDK helpers against real agents: `@openai/agents` runs streamed, its OpenAI
 * client pointed at a loopback stand-in of the Responses API that streams scripted SSE
 * events in the API's wire format.
 */
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  InputGuardrailTripwireTriggered,
  type AgentConfiguration,
  OutputGuardrailTripwireTriggered,
  imageGenerationTool,
  run,
  setDefaultOpenAIClient,
  setTracingDisabled,
  tool,
  type Model,
  type RunContext,
  type StreamEvent,
} from '@openai/agents';
import { AgentContext, agentResponder, loadAgentInput, streamAgentResponse, threadItemsToAgentInput } from '../src/agents/index.js';
import { MemoryStore, createChatKitServer, progress, type ThreadItem, type ThreadMetadata, type ThreadStreamEvent } from '../src/index.js';
import { client, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';
import {
  API_KEY,
  gate,
  message,
  reasoning,
  image,
  functionCall,
  response,
  startResponsesStandIn,
  type ResponsesStandIn,
} from './responses-stand-in.js';

// ---------- fixtures ----------

let standIn: ResponsesStandIn;
const closers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  standIn = await startResponsesStandIn();
  setTracingDisabled(true);
  setDefaultOpenAIClient(new OpenAI({ apiKey: API_KEY, baseURL: standIn.baseURL, maxRetries: 0 }));
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
  expect(standIn.seen.flatMap((s) => s.problems)).toEqual([]);
  standIn.seen.length = 0;
});
afterAll(async () => {
  await standIn.close();
});

const thread: ThreadMetadata = { id: 'thr_test', created_at: '2025-01-01T00:00:00.000Z', status: { type: 'active' } };
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const MSG = expect.stringMatching(/^msg_[0-9a-f]{16}$/);
const assistant = (instructions = 'Be brief.', extra: Partial<AgentConfiguration<any>> = {}) =>
  new Agent<any>({ name: 'Assistant', instructions, model: 'gpt-test', ...extra });

async function collect(events: AsyncIterable<ThreadStreamEvent>): Promise<ThreadStreamEvent[]> {
  const out: ThreadStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const itemIdOf = (event: ThreadStreamEvent | undefined) => (event as { item: { id: string } }).item.id;
const update = (item_id: string, u: Record<string, unknown>) => ({ type: 'thread.item.updated', item_id, update: u });
const messageItem = (id: string, content: unknown[]) => ({
  type: 'assistant_message',
  id,
  thread_id: 'thr_test',
  created_at: ISO,
  content,
});

// ---------- streamAgentResponse ----------

describe('streamAgentResponse', () => {
  it('streams assistant text as an assistant_message item with its own id', async () => {
    standIn.answer(response('resp_1', message('msg_resp_1', ['Hello', ' world'])));
    const result = await run(assistant(), 'Hi', { stream: true });
    const events = await collect(streamAgentResponse(thread, result));
    const id = itemIdOf(events[0]);
    expect(id).toEqual(MSG);
    expect(id).not.toBe('msg_resp_1');
    const done = { type: 'output_text', text: 'Hello world', annotations: [] };
    expect(events).toEqual([
      { type: 'thread.item.added', item: messageItem(id, []) },
      update(id, {
        type: 'assistant_message.content_part.added',
        content_index: 0,
        content: { type: 'output_text', text: '', annotations: [] },
      }),
      update(id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'Hello' }),
      update(id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: ' world' }),
      update(id, { type: 'assistant_message.content_part.done', content_index: 0, content: done }),
      { type: 'thread.item.done', item: messageItem(id, [done]) },
    ]);
    expect(standIn.seen[0]!.body).toMatchObject({ model: 'gpt-test', instructions: 'Be brief.', input: [{ role: 'user', content: 'Hi' }] });
  });

  it('turns URL, file and container file citations into annotations, dropping what cannot be shown', async () => {
    const citations = [
      { type: 'url_citation', url: 'https://example.com/a', title: 'A', start_index: 0, end_index: 5 },
      { type: 'file_path', file_id: 'file_skip', index: 1 },
      { type: 'file_citation', file_id: 'file_1', filename: 'notes.pdf', index: 7 },
      { type: 'file_citation', file_id: 'file_2', filename: '', index: 8 },
      { type: 'container_file_citation', container_id: 'c_1', file_id: 'file_3', filename: 'out.csv', start_index: 2, end_index: 9 },
    ];
    standIn.answer(response('resp_1', message('msg_1', ['Cited text.'], citations)));
    const result = await run(assistant(), 'Sources?', { stream: true });
    const events = await collect(streamAgentResponse(thread, result));
    const id = itemIdOf(events[0]);
    const annotations = [
      { type: 'annotation', source: { type: 'url', url: 'https://example.com/a', title: 'A' }, index: 5 },
      { type: 'annotation', source: { type: 'file', filename: 'notes.pdf', title: 'notes.pdf' }, index: 7 },
      { type: 'annotation', source: { type: 'file', filename: 'out.csv', title: 'out.csv' }, index: 9 },
    ];
    const content = { type: 'output_text', text: 'Cited text.', annotations };
    expect(events.slice(3)).toEqual([
      ...annotations.map((annotation, annotation_index) =>
        update(id, { type: 'assistant_message.content_part.annotation_added', content_index: 0, annotation_index, annotation }),
      ),
      update(id, { type: 'assistant_message.content_part.done', content_index: 0, content }),
      { type: 'thread.item.done', item: messageItem(id, [content]) },
    ]);
  });

  it('shows reasoning summaries as a reasoning workflow of thoughts, closed with its duration when the answer starts', async () => {
    standIn.answer(
      response(
        'resp_1',
        reasoning('rs_1', [
          ['Think', 'ing 1'],
          ['Think', 'ing 2'],
        ]),
        message('msg_1', ['Done.']),
      ),
    );
    const result = await run(assistant(), 'Think', { stream: true });
    const events = await collect(streamAgentResponse(thread, result));
    const wf = itemIdOf(events[0]);
    expect(wf).toMatch(/^wf_[0-9a-f]{16}$/);
    const thought = (content: string) => ({ type: 'thought', content, status_indicator: 'none' });
    expect(events.slice(0, 6)).toEqual([
      {
        type: 'thread.item.added',
        item: {
          type: 'workflow',
          id: wf,
          thread_id: 'thr_test',
          created_at: ISO,
          workflow: { type: 'reasoning', tasks: [], expanded: false },
        },
      },
      update(wf, { type: 'workflow.task.added', task_index: 0, task: thought('Think') }),
      update(wf, { type: 'workflow.task.updated', task_index: 0, task: thought('Thinking 1') }),
      update(wf, { type: 'workflow.task.updated', task_index: 0, task: thought('Thinking 1') }),
      // Only the first thought streams; later ones arrive whole.
      update(wf, { type: 'workflow.task.added', task_index: 1, task: thought('Thinking 2') }),
      {
        type: 'thread.item.done',
        item: {
          type: 'workflow',
          id: wf,
          thread_id: 'thr_test',
          created_at: ISO,
          workflow: { type: 'reasoning', tasks: [thought('Thinking 1'), thought('Thinking 2')], expanded: false, summary: { duration: 0 } },
        },
      },
    ]);
    expect(events[6]).toMatchObject({ type: 'thread.item.added', item: { type: 'assistant_message' } });
    expect(events.at(-1)).toMatchObject({ type: 'thread.item.done', item: { content: [{ text: 'Done.' }] } });
  });

  it('streams image generation as a generated_image item with partial updates and progress', async () => {
    standIn.answer(response('resp_1', image('ig_1', ['cGFydDE=', 'cGFydDI='], 'ZmluYWw='), message('msg_1', ['Here it is.'])));
    const agent = assistant('Draw.', { tools: [imageGenerationTool({ partialImages: 2 })] });
    const result = await run(agent, 'Draw a cat', { stream: true });
    const events = await collect(streamAgentResponse(thread, result, { converter: { partialImages: 2 } }));
    const id = itemIdOf(events[0]);
    expect(id).toEqual(MSG);
    const item = { type: 'generated_image', id, thread_id: 'thr_test', created_at: ISO };
    expect(events.slice(0, 4)).toEqual([
      { type: 'thread.item.added', item },
      update(id, { type: 'generated_image.updated', image: { id: 'ig_1', url: 'data:image/png;base64,cGFydDE=' }, progress: 0 }),
      update(id, { type: 'generated_image.updated', image: { id: 'ig_1', url: 'data:image/png;base64,cGFydDI=' }, progress: 0.5 }),
      { type: 'thread.item.done', item: { ...item, image: { id: 'ig_1', url: 'data:image/png;base64,ZmluYWw=' } } },
    ]);
    expect(standIn.seen[0]!.body.tools).toEqual([expect.objectContaining({ type: 'image_generation', partial_images: 2 })]);
    expect(events.slice(4).map((e) => e.type)).toEqual(['thread.item.added', ...Array(3).fill('thread.item.updated'), 'thread.item.done']);
  });

  it('server tool calls: the tool streams progress and workflow tasks through the AgentContext, the model gets its output', async () => {
    const lookup = tool({
      name: 'lookup_order',
      description: 'Look up an order.',
      parameters: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'], additionalProperties: false },
      strict: true,
      execute: async (input: unknown, runContext?: RunContext<AgentContext>) => {
        const ctx = runContext!.context;
        ctx.stream(progress('Looking up the order…', 'search'));
        ctx.addWorkflowTask({ type: 'custom', title: 'Looked up order', content: (input as { order: string }).order });
        return 'shipped';
      },
    });
    standIn.answer(
      response('resp_1', functionCall('fc_1', 'call_1', 'lookup_order', { order: '#42' })),
      response('resp_2', message('msg_2', ['It shipped.'])),
    );
    const context = new AgentContext({ thread });
    const result = await run(assistant('Help.', { tools: [lookup] }), 'Where is #42?', { stream: true, context });
    const events = await collect(streamAgentResponse(thread, result));
    const wf = itemIdOf(events[1]);
    const task = { type: 'custom', title: 'Looked up order', content: '#42' };
    expect(events.slice(0, 3)).toEqual([
      { type: 'progress_update', text: 'Looking up the order…', icon: 'search' },
      {
        type: 'thread.item.added',
        item: {
          type: 'workflow',
          id: wf,
          thread_id: 'thr_test',
          created_at: ISO,
          workflow: { type: 'custom', tasks: [task], expanded: false },
        },
      },
      // The answer closes the workflow.
      {
        type: 'thread.item.done',
        item: {
          type: 'workflow',
          id: wf,
          thread_id: 'thr_test',
          created_at: ISO,
          workflow: { type: 'custom', tasks: [task], expanded: false, summary: { duration: 0 } },
        },
      },
    ]);
    expect(events.slice(3).map((e) => e.type)).toEqual([
      'thread.item.added',
      'thread.item.updated',
      'thread.item.updated',
      'thread.item.updated',
      'thread.item.done',
    ]);
    expect(standIn.seen[1]!.body.input).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'function_call', call_id: 'call_1', name: 'lookup_order' }),
        expect.objectContaining({ type: 'function_call_output', call_id: 'call_1', output: 'shipped' }),
      ]),
    );
  });

  it('client tool calls end the turn with a pending client_tool_call item (from the context, or by tool name)', async () => {
    const getSelection = tool({
      name: 'get_selection',
      description: "Read the user's selection.",
      parameters: { type: 'object', properties: { project: { type: 'string' } }, required: ['project'], additionalProperties: false },
      strict: true,
      execute: async (input: unknown, runContext?: RunContext<AgentContext>, details?: { toolCall?: { callId: string } }) => {
        runContext?.context?.requestClientToolCall?.('get_selection', input as Record<string, unknown>, details);
        return 'sent to the client';
      },
    });
    const agent = assistant('Help.', { tools: [getSelection], toolUseBehavior: { stopAtToolNames: ['get_selection'] } });
    const expected = {
      type: 'thread.item.done',
      item: {
        type: 'client_tool_call',
        id: expect.stringMatching(/^tc_[0-9a-f]{16}$/),
        thread_id: 'thr_test',
        created_at: ISO,
        status: 'pending',
        call_id: 'call_7',
        name: 'get_selection',
        arguments: { project: 'p1' },
      },
    };

    // 1. The tool asks through the AgentContext (chatkit-python's `client_tool_call`).
    standIn.answer(response('resp_1', functionCall('fc_7', 'call_7', 'get_selection', { project: 'p1' })));
    const result = await run(agent, 'What did I select?', { stream: true, context: new AgentContext({ thread }) });
    expect(await collect(streamAgentResponse(thread, result))).toEqual([expected]);

    // 2. Or the integrator names its client tools; no context needed.
    standIn.answer(response('resp_2', functionCall('fc_7', 'call_7', 'get_selection', { project: 'p1' })));
    const byName = await run(agent, 'What did I select?', { stream: true });
    expect(await collect(streamAgentResponse(thread, byName, { clientTools: ['get_selection'] }))).toEqual([expected]);
  });

  it('an output guardrail tripwire removes every item the run produced, then rethrows', async () => {
    standIn.answer(response('resp_1', reasoning('rs_1', [['Hmm']]), message('msg_1', ['Something ', 'forbidden'])));
    const agent = assistant('Help.', {
      outputGuardrails: [
        {
          name: 'no-forbidden',
          execute: async ({ agentOutput }) => ({ tripwireTriggered: String(agentOutput).includes('forbidden'), outputInfo: {} }),
        },
      ],
    });
    const result = await run(agent, 'Say it', { stream: true });
    const events: ThreadStreamEvent[] = [];
    const error = await collect(
      (async function* () {
        for await (const event of streamAgentResponse(thread, result)) yield (events.push(event), event);
      })(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputGuardrailTripwireTriggered);
    const addedIds = events.flatMap((e) => (e.type === 'thread.item.added' ? [e.item.id] : []));
    expect(addedIds).toHaveLength(2); // the reasoning workflow and the message
    const firstRemoval = events.findIndex((e) => e.type === 'thread.item.removed');
    expect(events.slice(firstRemoval)).toEqual(addedIds.map((item_id) => ({ type: 'thread.item.removed', item_id })));
  });

  it('an input guardrail tripwire while the answer streams removes what was shown, then rethrows', async () => {
    const held = gate();
    standIn.answer(response('resp_1', message('msg_1', ['Partial', held, ' rest'])));
    let sawItem!: () => void;
    const shown = new Promise<void>((resolve) => (sawItem = resolve));
    const agent = assistant('Help.', {
      inputGuardrails: [
        {
          name: 'slow-check',
          execute: async () => {
            await shown;
            // The SDK checks a parallel guardrail's verdict on the model's next event: let it come.
            setTimeout(held.release, 0);
            return { tripwireTriggered: true, outputInfo: { reason: 'blocked' } };
          },
        },
      ],
    });
    const result = await run(agent, 'Something bad', { stream: true });
    const events: ThreadStreamEvent[] = [];
    let error: unknown;
    try {
      for await (const event of streamAgentResponse(thread, result)) {
        events.push(event);
        if (event.type === 'thread.item.updated' && event.update.type === 'assistant_message.content_part.text_delta') sawItem();
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputGuardrailTripwireTriggered);
    const id = itemIdOf(events[0]);
    expect(events.map((e) => e.type)).toEqual(['thread.item.added', 'thread.item.updated', 'thread.item.updated', 'thread.item.removed']);
    expect(events.at(-1)).toEqual({ type: 'thread.item.removed', item_id: id });
  });

  it('stops at once when its signal is aborted, and cancels the run and its model request', async () => {
    const held = gate();
    standIn.answer(response('resp_1', message('msg_1', ['First', held, ' never sent'])));
    const result = await run(assistant(), 'Hi', { stream: true });
    const abort = new AbortController();
    const stream = streamAgentResponse(thread, result, { signal: abort.signal });
    const events: ThreadStreamEvent[] = [];
    for (;;) {
      const next = await stream.next();
      if (next.done) break;
      events.push(next.value);
      if (next.value.type === 'thread.item.updated' && next.value.update.type === 'assistant_message.content_part.text_delta') break;
    }
    await held.reached;
    const pending = stream.next();
    abort.abort();
    // The model's answer is held open, so only the abort can end the stream here.
    expect(await pending).toEqual({ done: true, value: undefined });
    await standIn.seen[0]!.closedEarly; // the SDK dropped the model request
    expect(result.cancelled).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['thread.item.added', 'thread.item.updated', 'thread.item.updated']);
    held.release();
  });

  it('models that do not speak the Responses API still stream their text', async () => {
    const plain: Model = {
      async getResponse() {
        throw new Error('not used');
      },
      async *getStreamedResponse(): AsyncIterable<StreamEvent> {
        yield { type: 'response_started' };
        yield { type: 'output_text_delta', delta: 'Plain ' };
        yield { type: 'output_text_delta', delta: 'text' };
        yield {
          type: 'response_done',
          response: {
            id: 'r_plain',
            usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
            output: [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Plain text' }] }],
          },
        };
      },
    };
    const result = await run(new Agent({ name: 'Plain', model: plain }), 'Hi', { stream: true });
    const events = await collect(streamAgentResponse(thread, result));
    const id = itemIdOf(events[0]);
    const content = { type: 'output_text', text: 'Plain text', annotations: [] };
    expect(events).toEqual([
      { type: 'thread.item.added', item: messageItem(id, []) },
      update(id, {
        type: 'assistant_message.content_part.added',
        content_index: 0,
        content: { type: 'output_text', text: '', annotations: [] },
      }),
      update(id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'Plain ' }),
      update(id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'text' }),
      update(id, { type: 'assistant_message.content_part.done', content_index: 0, content }),
      { type: 'thread.item.done', item: messageItem(id, [content]) },
    ]);
  });
});

// ---------- history ----------

describe('threadItemsToAgentInput', () => {
  const at = '2025-01-01T00:00:00.000Z';
  const base = { thread_id: 'thr_test', created_at: at };
  const history: ThreadItem[] = [
    {
      ...base,
      type: 'user_message',
      id: 'msg_u1',
      content: [
        { type: 'input_text', text: 'Compare ' },
        { type: 'input_tag', id: 'doc_1', text: 'Plan', data: { version: 2 } },
        { type: 'input_text', text: ' and ' },
        { type: 'input_tag', id: 'doc_1', text: 'Plan', data: { version: 2 } },
      ],
      attachments: [],
      quoted_text: 'old quote',
      inference_options: {},
    },
    { ...base, type: 'assistant_message', id: 'msg_a1', content: [{ type: 'output_text', text: 'They match.', annotations: [] }] },
    {
      ...base,
      type: 'workflow',
      id: 'wf_1',
      workflow: {
        type: 'custom',
        tasks: [
          { type: 'custom', title: 'Searched', content: 'docs' },
          { type: 'thought', content: 'hidden thought' },
        ],
      },
    },
    { ...base, type: 'task', id: 'tsk_1', task: { type: 'custom', title: 'Indexed' } },
    { ...base, type: 'widget', id: 'msg_w1', widget: { type: 'Card', children: [{ type: 'Text', value: 'Hi', id: null }] } },
    {
      ...base,
      type: 'client_tool_call',
      id: 'tc_1',
      status: 'completed',
      call_id: 'call_1',
      name: 'get_selection',
      arguments: { project: 'p1' },
      output: { nodes: 2 },
    },
    { ...base, type: 'client_tool_call', id: 'tc_2', status: 'pending', call_id: 'call_2', name: 'get_selection', arguments: {} },
    { ...base, type: 'generated_image', id: 'msg_i1', image: { id: 'ig_1', url: 'https://img.example/1.png' } },
    { ...base, type: 'hidden_context_item', id: 'hc_1', content: 'The user is on the pricing page.' },
    { ...base, type: 'sdk_hidden_context', id: 'shcx_1', content: 'The user cancelled the stream.' },
    {
      ...base,
      type: 'structured_input',
      id: 'si_1',
      status: 'answered',
      inputs: [
        { type: 'multiple_choice', id: 'size', question: 'Size?', options: [{ value: 'S' }], answer: { values: ['S'] } },
        { type: 'freeform', id: 'note', question: 'Note?', answer: { values: [], skipped: true } },
      ],
    },
    { ...base, type: 'end_of_turn', id: 'eot_1' },
    {
      ...base,
      type: 'user_message',
      id: 'msg_u2',
      content: [{ type: 'input_text', text: 'And now?' }],
      attachments: [],
      quoted_text: 'this part',
      inference_options: {},
    },
  ];
  const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
  const expected = [
    user('Compare @Plan and @Plan'),
    {
      type: 'message',
      role: 'user',
      content: [
        {
          type: 'input_text',
          text: "# User-provided context for @-mentions\n- When referencing resolved entities, use their canonical names **without** '@'.\n- The '@' form appears only in user text and should not be echoed.",
        },
        { type: 'input_text', text: '<Tag>\nID: doc_1\nName: @Plan\nData: {"version":2}\n</Tag>' },
      ],
    },
    { type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'They match.' }] },
    user('A message was displayed to the user that the following task was performed:\n<Task>\nSearched: docs\n</Task>'),
    user('A message was displayed to the user that the following task was performed:\n<Task>\nIndexed\n</Task>'),
    user(
      'The following graphical UI widget (id: msg_w1) was displayed to the user:{"type":"Card","children":[{"type":"Text","value":"Hi"}]}',
    ),
    { type: 'function_call', callId: 'call_1', name: 'get_selection', arguments: '{"project":"p1"}', status: 'completed' },
    { type: 'function_call_result', callId: 'call_1', name: 'get_selection', status: 'completed', output: '{"nodes":2}' },
    {
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: 'The following image was generated by the agent.' },
        { type: 'input_image', image: 'https://img.example/1.png', detail: 'auto' },
      ],
    },
    user('Hidden context for the agent (not shown to the user):\n<HiddenContext>\nThe user is on the pricing page.\n</HiddenContext>'),
    user('Hidden context for the agent (not shown to the user):\n<HiddenContext>\nThe user cancelled the stream.\n</HiddenContext>'),
    user(
      'A structured input request was displayed to the user with the following status: answered\n<StructuredInput>\n- Size?: S\n- Note?: skipped\n</StructuredInput>',
    ),
    user('And now?'),
    // Quoted text only for the latest message.
    user('The user is referring to this in particular: \nthis part'),
  ];

  it('converts every kind of item as chatkit-python does, and the agent sees the whole conversation', async () => {
    const input = await threadItemsToAgentInput(history);
    expect(input).toEqual(expected);

    // Round trip: the SDK accepts the items and sends them to the model in the Responses format.
    standIn.answer(response('resp_1', message('msg_1', ['Fine.'])));
    const result = await run(assistant(), input, { stream: true });
    await collect(streamAgentResponse(thread, result));
    const sent = standIn.seen[0]!.body.input as Array<Record<string, unknown>>;
    expect(sent).toHaveLength(expected.length);
    expect(sent[0]).toMatchObject({ role: 'user', content: [{ type: 'input_text', text: 'Compare @Plan and @Plan' }] });
    expect(sent[2]).toMatchObject({ role: 'assistant', content: [{ type: 'output_text', text: 'They match.' }] });
    expect(sent[6]).toMatchObject({ type: 'function_call', call_id: 'call_1', name: 'get_selection', arguments: '{"project":"p1"}' });
    expect(sent[7]).toMatchObject({ type: 'function_call_output', call_id: 'call_1', output: '{"nodes":2}' });
    expect(sent[8]).toMatchObject({
      role: 'user',
      content: [{ type: 'input_text' }, { type: 'input_image', image_url: 'https://img.example/1.png', detail: 'auto' }],
    });
    expect(sent.at(-1)).toMatchObject({
      role: 'user',
      content: [{ type: 'input_text', text: 'The user is referring to this in particular: \nthis part' }],
    });
  });

  it('needs converter hooks for attachments and non-string hidden context; loadAgentInput pages the whole thread', async () => {
    const withFile: ThreadItem = {
      ...base,
      type: 'user_message',
      id: 'msg_f',
      content: [{ type: 'input_text', text: 'Read this' }],
      attachments: [{ type: 'file', id: 'atc_1', name: 'a.pdf', mime_type: 'application/pdf' }],
      inference_options: {},
    };
    await expect(threadItemsToAgentInput(withFile)).rejects.toThrow(/attachmentToContent/);
    await expect(threadItemsToAgentInput({ ...base, type: 'hidden_context_item', id: 'hc', content: { page: 1 } })).rejects.toThrow(
      /hiddenContextToInput/,
    );
    const converted = await threadItemsToAgentInput(withFile, {
      attachmentToContent: (a) => ({ type: 'input_file', file: { id: a.id }, filename: a.name }),
    });
    expect(converted).toEqual([
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_text', text: 'Read this' },
          { type: 'input_file', file: { id: 'atc_1' }, filename: 'a.pdf' },
        ],
      },
    ]);

    const store = new MemoryStore();
    const context = { user: 'alice' };
    await store.saveThread(thread, context);
    for (let i = 0; i < 230; i++) {
      await store.addThreadItem(
        thread.id,
        { ...base, type: 'assistant_message', id: `msg_${i}`, content: [{ type: 'output_text', text: `m${i}`, annotations: [] }] },
        context,
      );
    }
    const input = await loadAgentInput(store, thread, context);
    expect(input.map((item) => (item as { content: Array<{ text: string }> }).content[0]!.text)).toEqual(
      Array.from({ length: 230 }, (_, i) => `m${i}`),
    );
  });
});

// ---------- agentResponder ----------

describe('agentResponder through createChatKitServer', () => {
  const authenticate = (request: Request) => {
    const user = request.headers.get('x-user');
    return user ? { user } : null;
  };
  async function start(respond: ReturnType<typeof agentResponder>) {
    const store = new MemoryStore();
    const server = await serve(createChatKitServer({ store, authenticate, respond }));
    closers.push(server);
    return { ...client(server.url), store };
  }
  const textOf = (events: ThreadStreamEvent[]) =>
    events
      .flatMap((e) =>
        e.type === 'thread.item.updated' && e.update.type === 'assistant_message.content_part.text_delta' ? [e.update.delta] : [],
      )
      .join('');

  it('answers over HTTP with the thread history as input, and saves what it streamed', async () => {
    const chat = await start(agentResponder({ agent: assistant() }));
    standIn.answer(response('resp_1', message('msg_r1', ['Hello', ' Alice'])), response('resp_2', message('msg_r2', ['Still here'])));
    const first = await chat.stream('threads.create', { input: userText('Hi, I am Alice') });
    expect(first.events.map((e) => e.type)).toEqual([
      'thread.created',
      'thread.item.done',
      'stream_options',
      'thread.item.added',
      ...Array(4).fill('thread.item.updated'),
      'thread.item.done',
    ]);
    expect(textOf(first.events)).toBe('Hello Alice');
    const threadId = (first.events[0] as { thread: { id: string } }).thread.id;
    const second = await chat.stream('threads.add_user_message', { thread_id: threadId, input: userText('Still there?') });
    expect(textOf(second.events)).toBe('Still here');
    expect(standIn.seen[1]!.body.input).toEqual([
      expect.objectContaining({ role: 'user', content: [{ type: 'input_text', text: 'Hi, I am Alice' }] }),
      expect.objectContaining({ role: 'assistant', content: [expect.objectContaining({ type: 'output_text', text: 'Hello Alice' })] }),
      expect.objectContaining({ role: 'user', content: [{ type: 'input_text', text: 'Still there?' }] }),
    ]);
    const items = (await chat.call('items.list', { thread_id: threadId, order: 'asc' })).body.data;
    expect(items.map((i: { type: string }) => i.type)).toEqual(['user_message', 'assistant_message', 'user_message', 'assistant_message']);
    expect(items[3].content[0].text).toBe('Still here');
  });

  it('a client tool round trip continues the reasoning workflow, which the store keeps in place', async () => {
    const getSelection = tool({
      name: 'get_selection',
      description: "Read the user's selection.",
      parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
      strict: true,
      execute: async () => 'sent to the client',
    });
    const agent = assistant('Help.', { tools: [getSelection], toolUseBehavior: { stopAtToolNames: ['get_selection'] } });
    const chat = await start(agentResponder({ agent, clientTools: ['get_selection'] }));
    standIn.answer(
      response('resp_1', reasoning('rs_1', [['Need the selection']]), functionCall('fc_1', 'call_1', 'get_selection', {})),
      response('resp_2', message('msg_2', ['You selected 2 nodes.'])),
    );
    const first = await chat.stream('threads.create', { input: userText('What is selected?') });
    const threadId = (first.events[0] as { thread: { id: string } }).thread.id;
    expect(first.events.slice(3).map((e) => e.type)).toEqual([
      'thread.item.added',
      'thread.item.updated',
      'thread.item.updated',
      'thread.item.done',
    ]);
    const workflowId = itemIdOf(first.events[3]);
    expect(first.events.at(-1)).toMatchObject({
      type: 'thread.item.done',
      item: { type: 'client_tool_call', status: 'pending', call_id: 'call_1', name: 'get_selection' },
    });

    const second = await chat.stream('threads.add_client_tool_output', { thread_id: threadId, result: { nodes: 2 } });
    expect(second.events[1]).toMatchObject({
      type: 'thread.item.replaced',
      item: {
        id: workflowId,
        type: 'workflow',
        workflow: { type: 'reasoning', tasks: [{ content: 'Need the selection' }], summary: { duration: expect.any(Number) } },
      },
    });
    expect(textOf(second.events)).toBe('You selected 2 nodes.');
    expect(standIn.seen[1]!.body.input).toEqual([
      expect.objectContaining({ role: 'user' }),
      expect.objectContaining({ type: 'function_call', call_id: 'call_1', name: 'get_selection', arguments: '{}' }),
      expect.objectContaining({ type: 'function_call_output', call_id: 'call_1', output: '{"nodes":2}' }),
    ]);
    const items = (await chat.call('items.list', { thread_id: threadId, order: 'asc' })).body.data;
    expect(items.map((i: { type: string }) => i.type)).toEqual(['user_message', 'workflow', 'client_tool_call', 'assistant_message']);
    expect(items[1].workflow.expanded).toBe(false);
    expect(items[2]).toMatchObject({ status: 'completed', output: { nodes: 2 } });
  });

  it('model and guardrail errors end the stream with a readable ChatKit error, never the raw one', async () => {
    const chat = await start(
      agentResponder({
        agent: assistant('Help.', {
          inputGuardrails: [
            {
              name: 'block',
              runInParallel: false,
              execute: async ({ input }) => ({ tripwireTriggered: JSON.stringify(input).includes('bad'), outputInfo: {} }),
            },
          ],
        }),
      }),
    );
    standIn.answer({ status: 401 });
    const denied = await chat.stream('threads.create', { input: userText('Hi') });
    expect(denied.events.at(-1)).toEqual({
      type: 'error',
      code: 'custom',
      message: 'The assistant is not allowed to use the model (HTTP 401).',
      allow_retry: false,
    });
    expect(denied.raw).not.toContain(API_KEY);

    const blocked = await chat.stream('threads.create', { input: userText('something bad') });
    expect(blocked.events.at(-1)).toEqual({
      type: 'error',
      code: 'custom',
      message: 'This message was blocked by a safety check.',
      allow_retry: false,
    });
    expect(standIn.seen).toHaveLength(1); // the blocking guardrail stopped the run before the model
  });
});
