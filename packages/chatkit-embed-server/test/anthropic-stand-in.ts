/**
 * A local stand-in for Anthropic's Messages API (POST /v1/messages with `stream: true`),
 * so that a real provider package, @ai-sdk/anthropic, can be tested here with no network.
 * It checks each request against the documented wire format (path, method, x-api-key,
 * anthropic-version, the body's model, max_tokens, system and messages) and answers with
 * the documented server-sent events: message_start, content_block_start/delta/stop,
 * message_delta, message_stop.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from '../../../scripts/loopback.mjs';

export const ANTHROPIC_TEST_KEY = 'sk-ant-api03-TESTKEY0123456789abcdefghij';

export interface AnthropicRequest {
  body: {
    model?: unknown;
    max_tokens?: unknown;
    system?: unknown;
    stream?: unknown;
    messages?: Array<{ role: string; content: unknown }>;
  };
  /** What did not match the wire format; empty when the request was well formed. */
  problems: string[];
}

export async function startAnthropicStandIn() {
  const seen: AnthropicRequest[] = [];
  const answers: string[][] = [];
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const problems: string[] = [];
    if (req.method !== 'POST' || req.url !== '/v1/messages') problems.push(`${req.method} ${req.url}`);
    if (req.headers['x-api-key'] !== ANTHROPIC_TEST_KEY) problems.push('x-api-key');
    if (req.headers['anthropic-version'] !== '2023-06-01') problems.push(`anthropic-version ${req.headers['anthropic-version']}`);
    let body: AnthropicRequest['body'] = {};
    try {
      body = JSON.parse(raw);
    } catch {
      problems.push('body is not JSON');
    }
    if (typeof body.model !== 'string') problems.push('model');
    if (typeof body.max_tokens !== 'number') problems.push('max_tokens');
    if (body.stream !== true) problems.push('stream');
    if (!Array.isArray(body.messages) || !body.messages.every((m) => m.role === 'user' || m.role === 'assistant'))
      problems.push('messages');
    seen.push({ body, problems });
    const deltas = answers.shift() ?? ['(no answer scripted)'];
    const events: Array<[string, unknown]> = [
      [
        'message_start',
        {
          type: 'message_start',
          message: {
            id: 'msg_test',
            type: 'message',
            role: 'assistant',
            model: body.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 10, output_tokens: 1 },
          },
        },
      ],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
      ...deltas.map((text): [string, unknown] => [
        'content_block_delta',
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
      ]),
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      [
        'message_delta',
        { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: deltas.length } },
      ],
      ['message_stop', { type: 'message_stop' }],
    ];
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const [event, data] of events) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    res.end();
  });
  const { url, close } = await listenOnLoopback(server);
  return { baseURL: `${url}/v1`, seen, answer: (...deltas: string[]) => answers.push(deltas), close };
}
