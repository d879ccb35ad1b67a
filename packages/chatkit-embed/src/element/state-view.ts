/**
 * The element's shadow DOM: the box ChatKit lives in, and the loading and error states
 * drawn over it. Built once with plain DOM calls, then shown and hidden; three fixed
 * states do not need a template engine, and skipping one keeps the script-tag bundle
 * inside its size budget.
 */
import { make as makeIn } from './dom.js';
import type { ChatKitEmbedError } from './errors.js';

export type ViewState = 'idle' | 'loading' | 'ready' | 'error';

export interface StateView {
  /** Where `openai-chatkit` goes. */
  readonly chat: HTMLElement;
  show(state: ViewState, error: ChatKitEmbedError | null): void;
}

/** Builds the view into `root`: the shadow root inline, the launcher's panel otherwise. */
export function createStateView(root: ParentNode & Node, onRetry: () => void): StateView {
  const doc = root.ownerDocument!;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text = '') => makeIn(doc, tag, attrs, text);

  const chat = make('div', { part: 'chat' });
  const loading = make('div', { part: 'loading', class: 'overlay', role: 'status' });
  loading.append(make('span', { class: 'spinner', 'aria-hidden': 'true' }), make('p', { class: 'title' }, 'Loading chat…'));
  const error = make('div', { part: 'error', class: 'overlay', role: 'alert' });
  const message = make('p', { part: 'error-message', class: 'detail' });
  const fix = make('p', { part: 'error-fix', class: 'detail' });
  const retry = make('button', { part: 'retry-button', type: 'button' }, 'Try again');
  retry.addEventListener('click', onRetry);
  error.append(make('p', { class: 'title' }, 'The chat could not load.'), message, fix, retry);
  root.append(chat, loading, error);

  return {
    chat,
    show(state, failure) {
      loading.hidden = state !== 'loading';
      error.hidden = state !== 'error';
      chat.setAttribute('aria-busy', String(state === 'loading'));
      chat.inert = state === 'error';
      message.textContent = failure?.message ?? '';
      fix.textContent = failure?.diagnostic?.fix ?? '';
      fix.hidden = !fix.textContent;
      // A configuration mistake is for the site owner to fix; retrying cannot help.
      retry.hidden = failure?.code === 'config-invalid';
    },
  };
}
