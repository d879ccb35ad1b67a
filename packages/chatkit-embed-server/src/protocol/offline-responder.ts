/**
 * A responder that needs no network and no API key, and answers the same way every
 * time: the demo's default backend, and a fixture for tests. It names the thread after
 * the first message, shows a progress update, streams its reply word by word, and shows
 * off the protocol on request:
 *   "widget"             a card whose button sends a widget action (see offlineAction)
 *   "where am I"         a client tool call, `get_location`, answered by the page
 *   a message with files the names of the attached files
 */
import { progress, streamAssistantMessage, streamWidget, now } from './events.js';
import type { ActionArgs, RespondArgs } from './chatkit-server.js';
import type { StoreContext } from '../stores/store.js';
import { generateId } from '../stores/store.js';
import type { ThreadStreamEvent, UserMessageItem } from './types.js';

export interface OfflineResponderOptions {
  /** Pause between words, to look like streaming. @default 30 */
  delayMs?: number;
}

export function textOf(item: UserMessageItem | null): string {
  return (item?.content ?? [])
    .map((part) => part.text)
    .join(' ')
    .trim();
}

export function offlineReply(text: string): string {
  if (!text) return 'Done. Anything else I can help with?';
  return (
    `You said: "${text}". I am the offline demo responder: I answer without a network or an API key, ` +
    'so this chat works anywhere. Start the demo with OPENAI_API_KEY set to talk to a real model instead.'
  );
}

export const DEMO_WIDGET = {
  type: 'Card',
  children: [
    { type: 'Text', value: 'This card is a ChatKit widget, streamed by the server.' },
    { type: 'Button', label: 'Send an action', onClickAction: { type: 'demo.thanks', payload: { from: 'offline responder' } } },
  ],
};

export function offlineResponder<C extends StoreContext>(options: OfflineResponderOptions = {}) {
  const delayMs = options.delayMs ?? 30;
  return async function* respond({ thread, input, signal, store, context }: RespondArgs<C>): AsyncGenerator<ThreadStreamEvent> {
    const text = textOf(input);
    if (!input) {
      // Back from a client tool call: answer with what the page returned.
      const last = (await store.loadThreadItems(thread.id, null, 1, 'desc', context)).data[0];
      const output = last?.type === 'client_tool_call' ? JSON.stringify(last.output) : 'nothing';
      yield* streamAssistantMessage(thread, words(`Your page answered the tool call with ${output}.`, delayMs, signal));
      return;
    }
    if (!thread.title && text) thread.title = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    yield progress('Thinking…');
    if (/\bwidget\b/i.test(text)) {
      yield* streamWidget(thread, DEMO_WIDGET, { copyText: 'A demo widget' });
      return;
    }
    if (/\bwhere am i\b/i.test(text)) {
      yield {
        type: 'thread.item.done',
        item: {
          type: 'client_tool_call',
          id: generateId('tool_call'),
          thread_id: thread.id,
          created_at: now(),
          status: 'pending',
          call_id: generateId('tool_call'),
          name: 'get_location',
          arguments: {},
        },
      };
      return;
    }
    const files = input.attachments.map((a) => a.name);
    const reply = files.length ? `I received ${files.join(', ')}. ${offlineReply(text)}` : offlineReply(text);
    yield* streamAssistantMessage(thread, words(reply, delayMs, signal));
  };
}

/** Answers the demo widget's button. */
export function offlineAction<C extends StoreContext>() {
  return async function* action({ thread, action }: ActionArgs<C>): AsyncGenerator<ThreadStreamEvent> {
    yield* streamAssistantMessage(thread, [`The server received the widget action "${action.type}".`]);
  };
}

async function* words(text: string, delayMs: number, signal: AbortSignal): AsyncGenerator<string> {
  for (const part of text.split(/(?<= )/)) {
    if (signal.aborted) return;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    yield part;
  }
}
