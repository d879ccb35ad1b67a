/**
 * The element's shadow DOM: the box ChatKit lives in, and the loading and error states
 * drawn over it. Built once with plain DOM calls, then shown and hidden; three fixed
 * states do not need a template engine, and skipping one keeps the script-tag bundle
 * inside its size budget.
 *
 * The error state speaks to the reader in the reader's language (a title by the kind of
 * failure, and "Try again"); the site owner's explanation and fix are in English, behind
 * a closed "Details", marked `lang="en"` so a screen reader reads them as English.
 */
import { make as makeIn } from './dom.js';
import type { ChatKitEmbedError } from './errors.js';
import { isRightToLeft } from '../i18n/languages.js';
import type { ChatKitEmbedStrings } from '../i18n/strings.js';

export type ViewState = 'idle' | 'loading' | 'ready' | 'error';

export interface StateView {
  /** Where `openai-chatkit` goes. */
  readonly chat: HTMLElement;
  /** `debug` opens the technical details (the reader may still close them). */
  show(state: ViewState, error: ChatKitEmbedError | null, strings: ChatKitEmbedStrings, language: string, debug: boolean): void;
  remove(): void;
}

/** Builds the view into `root`: the shadow root inline, the launcher's panel otherwise (see `chat-view.ts`). */
export function createStateView(root: ParentNode & Node, onRetry: () => void): StateView {
  const doc = root.ownerDocument!;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text = '') => makeIn(doc, tag, attrs, text);

  const chat = make('div', { part: 'chat' });
  const loading = make('div', { part: 'loading', class: 'overlay', role: 'status' });
  const loadingText = make('p', { class: 'title' });
  loading.append(make('span', { class: 'spinner', 'aria-hidden': 'true' }), loadingText);
  const error = make('div', { part: 'error', class: 'overlay', role: 'alert' });
  const title = make('p', { class: 'title' });
  const details = make('details', { part: 'error-details', lang: 'en', dir: 'ltr' });
  const summary = make('summary', {});
  const message = make('p', { part: 'error-message', class: 'detail' });
  const fix = make('p', { part: 'error-fix', class: 'detail' });
  details.append(summary, message, fix);
  const retry = make('button', { part: 'retry-button', type: 'button' });
  retry.addEventListener('click', onRetry);
  error.append(title, retry, details);
  root.append(chat, loading, error);
  let shown: ViewState = 'idle';

  return {
    chat,
    show(state, failure, strings, language, debug) {
      for (const node of [loading, error]) {
        node.lang = language;
        node.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
      }
      loadingText.textContent = strings.loading;
      loading.hidden = state !== 'loading';
      error.hidden = state !== 'error';
      chat.setAttribute('aria-busy', String(state === 'loading'));
      chat.inert = state === 'error';
      const code = failure?.code;
      title.textContent =
        code === 'session-failed' ? strings.connectFailed : code === 'config-invalid' ? strings.unavailable : strings.loadFailed;
      summary.textContent = strings.details;
      retry.textContent = strings.retry;
      message.textContent = failure?.message ?? '';
      fix.textContent = failure?.diagnostic?.fix ?? '';
      fix.hidden = !fix.textContent;
      details.hidden = !message.textContent;
      // Opened as the error appears, so a reader who closes them keeps them closed.
      if (debug && state === 'error' && shown !== 'error') details.open = true;
      shown = state;
      // A configuration mistake is for the site owner to fix; retrying cannot help.
      retry.hidden = code === 'config-invalid';
    },
    remove() {
      for (const node of [chat, loading, error]) node.remove();
    },
  };
}
