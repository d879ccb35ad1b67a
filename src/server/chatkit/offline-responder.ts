/**
 * A responder that needs no network and no API key, and answers the same way every
 * time: the demo's default backend, and a fixture for tests. It names the thread after
 * the first message, shows a progress update, and streams its reply word by word.
 */
import { progress, streamAssistantMessage } from './events.js';
import type { RespondArgs } from './chatkit-server.js';
import type { StoreContext } from './store.js';
import type { ThreadStreamEvent, UserMessageItem } from './types.js';

export interface OfflineResponderOptions {
  /** Pause between words, to look like streaming. @default 30 */
  delayMs?: number;
}

export function textOf(item: UserMessageItem | null): string {
  return (item?.content ?? []).map((part) => part.text).join(' ').trim();
}

export function offlineReply(text: string): string {
  if (!text) return 'Done. Anything else I can help with?';
  return (
    `You said: "${text}". I am the offline demo responder: I answer without a network or an API key, ` +
    'so this chat works anywhere. Start the demo with OPENAI_API_KEY set to talk to a real model instead.'
  );
}

export function offlineResponder<C extends StoreContext>(options: OfflineResponderOptions = {}) {
  const delayMs = options.delayMs ?? 30;
  return async function* respond({ thread, input, signal }: RespondArgs<C>): AsyncGenerator<ThreadStreamEvent> {
    const text = textOf(input);
    if (!thread.title && text) thread.title = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    yield progress('Thinking…');
    yield* streamAssistantMessage(thread, words(offlineReply(text), delayMs, signal));
  };
}

async function* words(text: string, delayMs: number, signal: AbortSignal): AsyncGenerator<string> {
  const parts = text.split(/(?<= )/);
  for (const part of parts) {
    if (signal.aborted) return;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    yield part;
  }
}
