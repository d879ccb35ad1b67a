/**
 * What the shell shows when its core did not load (blocked, offline, a stale deployment):
 * the full states and the launcher's panel come with the core, so this small notice
 * says so in the reader's language and offers "Try again". It uses the error state's
 * parts (`error`, `retry-button`), so a page's styling of them applies. The site owner's
 * explanation and fix are in the `chatkit-embed-error` event, the diagnostic and the
 * `debug` timeline. In the launcher it stands where the panel would, as a popover, so
 * nothing on the page covers it.
 */
import { make } from './dom.js';
import { isRightToLeft } from '../i18n/languages.js';

export interface FallbackView {
  show(visible: boolean, title: string, retry: string, language: string): void;
  remove(): void;
}

/** `floating` for the launcher: a popover where the panel would be. */
export function createFallbackView(root: ShadowRoot, floating: boolean, onRetry: () => void): FallbackView {
  const doc = root.ownerDocument;
  const box = make(doc, 'div', { part: 'error', class: 'overlay fallback', role: 'alert' });
  const title = make(doc, 'p', { class: 'title' });
  const retry = make(doc, 'button', { part: 'retry-button', type: 'button' });
  retry.addEventListener('click', onRetry);
  box.append(title, retry);
  if (floating && typeof box.togglePopover === 'function') box.popover = 'manual';
  root.append(box);

  return {
    show(visible, text, retryText, language) {
      box.lang = language;
      box.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
      title.textContent = text;
      retry.textContent = retryText;
      box.hidden = !visible;
      if (box.popover && box.isConnected && box.matches(':popover-open') !== visible) box.togglePopover(visible);
    },
    remove: () => box.remove(),
  };
}
