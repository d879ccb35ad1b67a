/**
 * Carries the inner `openai-chatkit`'s events out to the host element.
 */
import type { ChatKitEvents } from '@openai/chatkit';

// `satisfies` makes this list break the build when ChatKit adds or drops an event.
const NAMES = {
  'chatkit.ready': 1,
  'chatkit.error': 1,
  'chatkit.effect': 1,
  'chatkit.deeplink': 1,
  'chatkit.response.start': 1,
  'chatkit.response.end': 1,
  'chatkit.history.open': 1,
  'chatkit.history.close': 1,
  'chatkit.thread.change': 1,
  'chatkit.thread.load.start': 1,
  'chatkit.thread.load.end': 1,
  'chatkit.tool.change': 1,
  'chatkit.log': 1,
} as const satisfies Record<keyof ChatKitEvents, 1>;

export type ChatKitEventName = keyof ChatKitEvents;

// The details of ChatKit's events, by name, for typings generated from the manifest.
type DetailOf<K extends ChatKitEventName> = ChatKitEvents[K]['detail'];
export type ChatKitErrorDetail = DetailOf<'chatkit.error'>;
export type ChatKitEffectDetail = DetailOf<'chatkit.effect'>;
export type ChatKitDeeplinkDetail = DetailOf<'chatkit.deeplink'>;
export type ChatKitThreadChangeDetail = DetailOf<'chatkit.thread.change'>;
export type ChatKitThreadLoadDetail = DetailOf<'chatkit.thread.load.start'>;
export type ChatKitToolChangeDetail = DetailOf<'chatkit.tool.change'>;
export type ChatKitLogDetail = DetailOf<'chatkit.log'>;
export const CHATKIT_EVENT_NAMES = Object.keys(NAMES) as ChatKitEventName[];

/**
 * Re-dispatches every `chatkit.*` event of `inner` on `host`, same name and detail,
 * bubbling and composed. ChatKit lets some of its events (`chatkit.ready`) bubble out
 * of the shadow root by themselves and not others; stopping the original at the inner
 * element and sending one copy from the host means each listener sees each event once,
 * whatever ChatKit does. A page's `preventDefault()` on the copy reaches the original.
 *
 * Returns the function that removes the listeners.
 */
export function forwardChatKitEvents(inner: EventTarget, host: EventTarget, observe?: (event: CustomEvent) => void): () => void {
  const forward = (event: Event) => {
    if (event.target !== inner) return;
    event.stopPropagation();
    const original = event as CustomEvent;
    const copy = new CustomEvent(original.type, {
      detail: original.detail,
      bubbles: true,
      composed: true,
      cancelable: original.cancelable,
    });
    if (!host.dispatchEvent(copy)) original.preventDefault();
    observe?.(original);
  };
  for (const name of CHATKIT_EVENT_NAMES) inner.addEventListener(name, forward);
  return () => {
    for (const name of CHATKIT_EVENT_NAMES) inner.removeEventListener(name, forward);
  };
}
