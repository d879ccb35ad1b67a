/**
 * Helpers for `respond` (and `action`) authors: build the stream events ChatKit
 * understands without spelling out the protocol by hand.
 */
import type { AssistantMessageItem, ThreadMetadata, ThreadStreamEvent, WidgetItem, WidgetRoot } from './types.js';
import { generateId } from '../stores/store.js';
import { diffWidget } from './widget-diff.js';

/** Throw inside `respond` to end the stream with this message shown to the user. */
export class ChatKitStreamError extends Error {
  override readonly name = 'ChatKitStreamError';
  readonly allowRetry: boolean;
  constructor(message: string, options: { allowRetry?: boolean } = {}) {
    super(message);
    this.allowRetry = options.allowRetry ?? false;
  }
}

export const now = () => new Date().toISOString();

/** What the reader sees when a model's API answered with an HTTP error (any SDK, any provider). */
export function modelHttpError(status: number): ChatKitStreamError {
  if (status === 401 || status === 403) return new ChatKitStreamError(`The assistant is not allowed to use the model (HTTP ${status}).`);
  if (status === 429)
    return new ChatKitStreamError('The model is busy or over its quota (HTTP 429). Try again shortly.', { allowRetry: true });
  if (status >= 500) return new ChatKitStreamError(`The model service failed (HTTP ${status}).`, { allowRetry: true });
  return new ChatKitStreamError(`The model refused the request (HTTP ${status}).`);
}

export function progress(text: string, icon?: string): ThreadStreamEvent {
  return { type: 'progress_update', text, ...(icon && { icon }) };
}

export function clientEffect(name: string, data: Record<string, unknown> = {}): ThreadStreamEvent {
  return { type: 'client_effect', name, data };
}

export function notice(level: 'info' | 'warning' | 'danger', message: string, title?: string): ThreadStreamEvent {
  return { type: 'notice', level, message, ...(title && { title }) };
}

export function errorEvent(message: string, allowRetry = false): ThreadStreamEvent {
  return { type: 'error', code: 'custom', message, allow_retry: allowRetry };
}

/**
 * Streams an assistant message from text chunks: item added, content part added, one
 * text delta per chunk, content part done, item done (which the server saves).
 */
export async function* streamAssistantMessage(
  thread: ThreadMetadata,
  chunks: AsyncIterable<string> | Iterable<string>,
  id: string = generateId('message'),
): AsyncGenerator<ThreadStreamEvent, AssistantMessageItem> {
  const item: AssistantMessageItem = { type: 'assistant_message', id, thread_id: thread.id, created_at: now(), content: [] };
  yield { type: 'thread.item.added', item };
  yield {
    type: 'thread.item.updated',
    item_id: id,
    update: { type: 'assistant_message.content_part.added', content_index: 0, content: { type: 'output_text', text: '', annotations: [] } },
  };
  let text = '';
  for await (const delta of chunks) {
    if (!delta) continue;
    text += delta;
    yield {
      type: 'thread.item.updated',
      item_id: id,
      update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta },
    };
  }
  const content = { type: 'output_text' as const, text, annotations: [] };
  yield { type: 'thread.item.updated', item_id: id, update: { type: 'assistant_message.content_part.done', content_index: 0, content } };
  const done: AssistantMessageItem = { ...item, content: [content] };
  yield { type: 'thread.item.done', item: done };
  return done;
}

/**
 * Streams a widget: a single state is sent as one finished item; successive states
 * (an async iterable) as an added item, then the updates between states (appended text
 * as text deltas, anything else as a new root), then the final state.
 */
export async function* streamWidget(
  thread: ThreadMetadata,
  widget: WidgetRoot | AsyncIterable<WidgetRoot>,
  options: { copyText?: string; id?: string } = {},
): AsyncGenerator<ThreadStreamEvent> {
  const id = options.id ?? generateId('message');
  const base = {
    type: 'widget' as const,
    id,
    thread_id: thread.id,
    created_at: now(),
    ...(options.copyText && { copy_text: options.copyText }),
  };
  if (!(Symbol.asyncIterator in widget)) {
    yield { type: 'thread.item.done', item: { ...base, widget } satisfies WidgetItem };
    return;
  }
  let last: WidgetRoot | undefined;
  for await (const state of widget) {
    if (!last) yield { type: 'thread.item.added', item: { ...base, widget: state } };
    else for (const update of diffWidget(last, state)) yield { type: 'thread.item.updated', item_id: id, update };
    last = structuredClone(state);
  }
  if (last) yield { type: 'thread.item.done', item: { ...base, widget: last } };
}
