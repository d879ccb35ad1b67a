import { describe, expect, it } from 'vitest';
import { CHATKIT_EVENT_NAMES, forwardChatKitEvents } from '../../src/connector/chatkit-events.js';

describe('forwardChatKitEvents', () => {
  it('lists the thirteen ChatKit events', () => {
    expect(CHATKIT_EVENT_NAMES).toHaveLength(13);
    expect(CHATKIT_EVENT_NAMES).toContain('chatkit.thread.change');
  });

  it.each([true, false])('re-dispatches on the host, bubbling and composed whatever the original (original bubbles: %s)', (bubbles) => {
    const inner = new EventTarget();
    const host = new EventTarget();
    const seen: CustomEvent[] = [];
    const observed: string[] = [];
    forwardChatKitEvents(inner, host, (e) => observed.push(e.type));
    host.addEventListener('chatkit.thread.change', (e) => seen.push(e as CustomEvent));
    inner.dispatchEvent(new CustomEvent('chatkit.thread.change', { detail: { threadId: 't' }, bubbles, composed: bubbles }));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail).toEqual({ threadId: 't' });
    expect(seen[0]!.bubbles).toBe(true);
    expect(seen[0]!.composed).toBe(true);
    expect(observed).toEqual(['chatkit.thread.change']);
  });

  it('passes preventDefault back to a cancelable original', () => {
    const inner = new EventTarget();
    const host = new EventTarget();
    forwardChatKitEvents(inner, host);
    host.addEventListener('chatkit.deeplink', (e) => e.preventDefault());
    const original = new CustomEvent('chatkit.deeplink', { detail: { name: 'x' }, cancelable: true });
    inner.dispatchEvent(original);
    expect(original.defaultPrevented).toBe(true);
  });

  it('stops forwarding once cleaned up', () => {
    const inner = new EventTarget();
    const host = new EventTarget();
    const stop = forwardChatKitEvents(inner, host);
    let count = 0;
    host.addEventListener('chatkit.log', () => count++);
    stop();
    inner.dispatchEvent(new CustomEvent('chatkit.log', { detail: { name: 'n' } }));
    expect(count).toBe(0);
  });
});
