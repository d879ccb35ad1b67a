/**
 * The sixteen ChatKit request types (chatkit-python `types.py`), validated with zod.
 * A request that does not match gets a protocol error naming the field, never a crash.
 */
import { z } from 'zod';

const inferenceOptions = z.object({
  tool_choice: z.object({ id: z.string() }).nullish(),
  model: z.string().nullish(),
});

const userMessageContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }),
  z.object({
    type: z.literal('input_tag'),
    id: z.string(),
    text: z.string(),
    data: z.record(z.string(), z.unknown()),
    group: z.string().nullish(),
    interactive: z.boolean().optional(),
  }),
]);

const userMessageInput = z.object({
  content: z.array(userMessageContent),
  attachments: z.array(z.string()).default([]),
  quoted_text: z.string().nullish(),
  inference_options: inferenceOptions.default({}),
});

const action = z.object({ type: z.string(), payload: z.unknown().optional() });
const threadId = z.string().min(1);
const order = z.enum(['asc', 'desc']).default('desc');
const limit = z.number().int().positive().nullish();
const after = z.string().nullish();

const request = <T extends string, P extends z.ZodType>(type: T, params: P) =>
  z.object({ type: z.literal(type), params, metadata: z.record(z.string(), z.unknown()).default({}) });

/** The longest file name an attachment may have (most file systems allow 255 bytes). */
export const MAX_FILE_NAME = 255;

export const STREAMING_TYPES = [
  'threads.create',
  'threads.add_user_message',
  'threads.add_client_tool_output',
  'threads.add_structured_input',
  'threads.retry_after_item',
  'threads.custom_action',
] as const;

export const chatKitRequest = z.discriminatedUnion('type', [
  // Streaming
  request('threads.create', z.object({ input: userMessageInput })),
  request('threads.add_user_message', z.object({ input: userMessageInput, thread_id: threadId })),
  request('threads.add_client_tool_output', z.object({ thread_id: threadId, result: z.unknown() })),
  request(
    'threads.add_structured_input',
    z.object({
      thread_id: threadId,
      item_id: z.string(),
      input: z.object({
        status: z.enum(['answered', 'skipped']).default('answered'),
        answers: z
          .record(z.string(), z.object({ values: z.array(z.string()).default([]), skipped: z.boolean().default(false) }))
          .default({}),
      }),
    }),
  ),
  request('threads.retry_after_item', z.object({ thread_id: threadId, item_id: z.string() })),
  request('threads.custom_action', z.object({ thread_id: threadId, item_id: z.string().nullish(), action })),
  // Non-streaming
  request('threads.get_by_id', z.object({ thread_id: threadId })),
  request('threads.list', z.object({ limit, order, after }).default({ order: 'desc' })),
  request('items.list', z.object({ thread_id: threadId, limit, order, after })),
  request('items.feedback', z.object({ thread_id: threadId, item_ids: z.array(z.string()), kind: z.enum(['positive', 'negative']) })),
  request(
    'attachments.create',
    // Bounded here, for every attachment handler: a name or type of any length was stored
    // as given, on every call (300 calls with 900 KB names filled 270 MB).
    z.object({
      name: z.string().min(1).max(MAX_FILE_NAME),
      size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      mime_type: z
        .string()
        .max(127)
        .regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type such as image/png'),
    }),
  ),
  request('attachments.delete', z.object({ attachment_id: z.string() })),
  request('threads.update', z.object({ thread_id: threadId, title: z.string() })),
  request('threads.delete', z.object({ thread_id: threadId })),
  request('input.transcribe', z.object({ audio_base64: z.string(), mime_type: z.string() })),
  request('threads.sync_custom_action', z.object({ thread_id: threadId, item_id: z.string().nullish(), action })),
]);

export type ChatKitRequest = z.infer<typeof chatKitRequest>;
export type ChatKitRequestType = ChatKitRequest['type'];
export type RequestOf<T extends ChatKitRequestType> = Extract<ChatKitRequest, { type: T }>;
export type StreamingRequest = RequestOf<(typeof STREAMING_TYPES)[number]>;

export function isStreamingRequest(req: ChatKitRequest): req is StreamingRequest {
  return (STREAMING_TYPES as readonly string[]).includes(req.type);
}

/** Parses a request body; `error` names what is wrong, for a 400 answer. */
export function parseChatKitRequest(body: unknown): { request: ChatKitRequest } | { error: string } {
  const unstorable = findUnstorableText(body, []);
  if (unstorable) {
    return {
      error: `Invalid ChatKit request at ${unstorable.join('.') || 'body'}: text with a NUL character or an unpaired surrogate cannot be stored.`,
    };
  }
  const result = chatKitRequest.safeParse(body);
  if (result.success) return { request: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'body';
  return { error: `Invalid ChatKit request at ${where}: ${issue.message}` };
}

/**
 * The path of the first string (or key) that no store can keep as given: U+0000, which
 * PostgreSQL's text and JSONB refuse, and unpaired surrogates (`"\ud800"` in JSON), which
 * are not Unicode text. Refused the same way for every store, before anything is saved.
 */
// NUL is the point here: PostgreSQL cannot store it.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnstorableText(value: unknown, path: Array<string | number>): Array<string | number> | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key];
      const found = findUnstorableText(child, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
