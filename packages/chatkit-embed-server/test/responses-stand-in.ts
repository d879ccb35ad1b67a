/**
 * A loopback stand-in for OpenAI's Responses API: checks each request's wire format and
 * streams scripted SSE events in the API's own format, for Agents SDK runs in tests.
 */
import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from './openai-stand-in.js';

export const API_KEY = 'sk-proj-AGENTSTESTKEY0123456789abcdef';

// ---------- a stand-in for the Responses API ----------

export type Raw = Record<string, unknown> & { type: string };
/** Pauses the scripted stream: `reached` resolves when the stand-in gets there, `release()` lets it go on. */
export interface Gate {
  gate: true;
  reached: Promise<void>;
  released: Promise<void>;
  arrive(): void;
  release(): void;
}
export function gate(): Gate {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (arrive = r));
  const released = new Promise<void>((r) => (release = r));
  return { gate: true, reached, released, arrive: () => arrive(), release: () => release() };
}
export type Step = Raw | Gate;
export const isGate = (step: Step): step is Gate => step.gate === true;
export interface Output {
  item: Raw;
  events(outputIndex: number): Step[];
}

export function message(id: string, chunks: Array<string | Gate>, annotations: Raw[] = []): Output {
  const text = chunks.filter((c): c is string => typeof c === 'string').join('');
  const part = { type: 'output_text', text, annotations };
  const item = { id, type: 'message', role: 'assistant', status: 'completed', content: [part] };
  return {
    item,
    events: (output_index) => [
      { type: 'response.output_item.added', output_index, item: { ...item, status: 'in_progress', content: [] } },
      {
        type: 'response.content_part.added',
        output_index,
        item_id: id,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      },
      ...chunks.map((c) =>
        typeof c === 'string'
          ? { type: 'response.output_text.delta', output_index, item_id: id, content_index: 0, delta: c, logprobs: [] }
          : c,
      ),
      ...annotations.map((annotation, annotation_index) => ({
        type: 'response.output_text.annotation.added',
        output_index,
        item_id: id,
        content_index: 0,
        annotation_index,
        annotation,
      })),
      { type: 'response.output_text.done', output_index, item_id: id, content_index: 0, text, logprobs: [] },
      { type: 'response.content_part.done', output_index, item_id: id, content_index: 0, part },
      { type: 'response.output_item.done', output_index, item },
    ],
  };
}

export function reasoning(id: string, summaries: string[][]): Output {
  const item = { id, type: 'reasoning', summary: summaries.map((chunks) => ({ type: 'summary_text', text: chunks.join('') })) };
  return {
    item,
    events: (output_index) => [
      { type: 'response.output_item.added', output_index, item: { id, type: 'reasoning', summary: [] } },
      ...summaries.flatMap((chunks, summary_index) => [
        {
          type: 'response.reasoning_summary_part.added',
          output_index,
          item_id: id,
          summary_index,
          part: { type: 'summary_text', text: '' },
        },
        ...chunks.map((delta) => ({ type: 'response.reasoning_summary_text.delta', output_index, item_id: id, summary_index, delta })),
        { type: 'response.reasoning_summary_text.done', output_index, item_id: id, summary_index, text: chunks.join('') },
        {
          type: 'response.reasoning_summary_part.done',
          output_index,
          item_id: id,
          summary_index,
          part: { type: 'summary_text', text: chunks.join('') },
        },
      ]),
      { type: 'response.output_item.done', output_index, item },
    ],
  };
}

export function image(id: string, partials: string[], result: string): Output {
  const item = { id, type: 'image_generation_call', status: 'completed', result };
  return {
    item,
    events: (output_index) => [
      {
        type: 'response.output_item.added',
        output_index,
        item: { id, type: 'image_generation_call', status: 'in_progress', result: null },
      },
      { type: 'response.image_generation_call.in_progress', output_index, item_id: id },
      { type: 'response.image_generation_call.generating', output_index, item_id: id },
      ...partials.map((partial_image_b64, partial_image_index) => ({
        type: 'response.image_generation_call.partial_image',
        output_index,
        item_id: id,
        partial_image_index,
        partial_image_b64,
      })),
      { type: 'response.image_generation_call.completed', output_index, item_id: id },
      { type: 'response.output_item.done', output_index, item },
    ],
  };
}

export function functionCall(id: string, callId: string, name: string, args: Record<string, unknown>): Output {
  const item = { id, type: 'function_call', call_id: callId, name, arguments: JSON.stringify(args), status: 'completed' };
  return {
    item,
    events: (output_index) => [
      { type: 'response.output_item.added', output_index, item: { ...item, arguments: '', status: 'in_progress' } },
      { type: 'response.function_call_arguments.delta', output_index, item_id: id, delta: item.arguments },
      { type: 'response.function_call_arguments.done', output_index, item_id: id, name, arguments: item.arguments },
      { type: 'response.output_item.done', output_index, item },
    ],
  };
}

/** A whole streamed response: created, in progress, the outputs' events, completed. */
export function response(id: string, ...outputs: Output[]): Step[] {
  const base = {
    id,
    object: 'response',
    created_at: 1,
    model: 'gpt-test',
    instructions: null,
    error: null,
    incomplete_details: null,
    metadata: {},
    parallel_tool_calls: true,
    temperature: 1,
    top_p: 1,
    tool_choice: 'auto',
    tools: [],
  };
  const usage = {
    input_tokens: 3,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 5,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 8,
  };
  return [
    { type: 'response.created', response: { ...base, status: 'in_progress', output: [], usage: null } },
    { type: 'response.in_progress', response: { ...base, status: 'in_progress', output: [], usage: null } },
    ...outputs.flatMap((output, index) => output.events(index)),
    { type: 'response.completed', response: { ...base, status: 'completed', output: outputs.map((o) => o.item), usage } },
  ];
}

export interface SeenRequest {
  body: Record<string, any>;
  problems: string[];
  /** Resolves when the client closed the connection before the script ended. */
  closedEarly: Promise<void>;
}

export interface ResponsesStandIn {
  baseURL: string;
  seen: SeenRequest[];
  /** Queues one answer per request: a scripted stream, or an HTTP error. */
  answer(...answers: Array<Step[] | { status: number }>): void;
  close(): Promise<void>;
}

export async function startResponsesStandIn(): Promise<ResponsesStandIn> {
  const seen: SeenRequest[] = [];
  const queue: Array<Step[] | { status: number }> = [];
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}') as Record<string, any>;
    const problems: string[] = [];
    if (req.method !== 'POST' || req.url !== '/v1/responses') problems.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Bearer ${API_KEY}`) problems.push('wrong bearer key');
    if (body.stream !== true) problems.push('not streamed');
    if (typeof body.model !== 'string') problems.push('no model');
    if (!Array.isArray(body.input)) problems.push('input is not a list');
    let finished = false;
    const closedEarly = new Promise<void>((resolve) => res.on('close', () => !finished && resolve()));
    seen.push({ body, problems, closedEarly });
    const answer = queue.shift() ?? { status: 500 };
    if (!Array.isArray(answer)) {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: `Incorrect API key provided: ${API_KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let sequence = 0;
    for (const step of answer) {
      if (isGate(step)) {
        step.arrive();
        await step.released;
        if (res.destroyed) return;
        continue;
      }
      res.write(`event: ${step.type}\ndata: ${JSON.stringify({ ...step, sequence_number: sequence++ })}\n\n`);
    }
    finished = true;
    res.end();
  });
  const { url, close } = await listenOnLoopback(server);
  return { baseURL: `${url}/v1`, seen, answer: (...answers) => queue.push(...answers), close };
}
