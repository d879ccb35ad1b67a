/**
 * The launcher's shadow DOM: a floating button and the chat panel it opens. Both are
 * manual popovers, so they live in the top layer: the host page's z-index, `overflow`
 * and transformed ancestors can neither hide, clip nor move them. The panel opens after
 * the button, so it stacks above it. It is a `div` with the dialog role rather than a
 * `<dialog>`: showing a `<dialog>` as a popover moves focus into it, which would steal
 * the page's focus whenever a remembered or moved panel reappears. When it fills a small
 * screen it is `aria-modal`, and the element keeps focus inside it. Plain DOM calls,
 * like the state view it holds.
 */
import { icon, make } from '../element/dom.js';
import type { ChatKitEmbedStrings } from '../i18n/strings.js';

export interface LauncherView {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  /** Where the state view (chat box, loading, error) goes. */
  readonly body: HTMLElement;
  sync(state: LauncherViewState): void;
}

export interface LauncherViewState {
  open: boolean;
  unread: boolean;
  /** Visible text next to the icon; without it the accessible name is `strings.chat`. */
  label: string | null;
  /** The panel fills the viewport (small screens). */
  fullscreen: boolean;
  /** Accessible name of the panel. */
  title: string;
  strings: ChatKitEmbedStrings;
  /** The language of `strings`, for `lang` (and `dir`) on what says them. */
  language: string;
}

const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
const CLOSE_ICON = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z';

export function createLauncherView(root: ShadowRoot, on: { toggle(): void; close(): void }): LauncherView {
  const doc = root.ownerDocument;
  const button = make(doc, 'button', {
    part: 'launcher-button',
    class: 'launcher',
    type: 'button',
    'aria-controls': 'panel',
    'aria-expanded': 'false',
  });
  const closedIcon = icon(doc, CHAT_ICON, 'launcher-icon');
  const openIcon = icon(doc, CLOSE_ICON, 'launcher-icon');
  const label = make(doc, 'span', { part: 'launcher-label' });
  const unread = make(doc, 'span', { part: 'unread-indicator', class: 'unread' });
  const unreadNote = make(doc, 'span', { class: 'visually-hidden' });
  unread.append(unreadNote);
  button.append(closedIcon, openIcon, label, unread);
  button.addEventListener('click', on.toggle);

  const panel = make(doc, 'div', { part: 'panel', id: 'panel', class: 'panel', role: 'dialog', tabindex: '-1' });
  // Browsers before the Popover API (2024) get fixed elements stacked by z-index.
  const popover = typeof (panel as Partial<HTMLElement>).togglePopover === 'function';
  if (popover) panel.popover = button.popover = 'manual';
  else panel.classList.add('fixed');
  const bar = make(doc, 'div', { class: 'bar' });
  const close = make(doc, 'button', { part: 'close-button', type: 'button' });
  close.append(icon(doc, CLOSE_ICON, 'close-icon'));
  close.addEventListener('click', on.close);
  bar.append(close);
  const body = make(doc, 'div', { class: 'body' });
  panel.append(bar, body);
  root.append(button, panel);

  return {
    button,
    panel,
    body,
    sync(state) {
      const { strings, language } = state;
      // Our words are read in their language; the page's own `label` is in the page's.
      unreadNote.lang = close.lang = language;
      unreadNote.textContent = strings.newReply;
      close.setAttribute('aria-label', strings.close);
      button.setAttribute('aria-expanded', String(state.open));
      button.classList.toggle('labelled', Boolean(state.label));
      // An aria-label hides the button's text, the unread note included: it says both.
      if (state.label) button.removeAttribute('aria-label');
      else button.setAttribute('aria-label', state.unread ? strings.chatNewReply : strings.chat);
      if (state.label) button.removeAttribute('lang');
      else button.lang = language;
      label.textContent = state.label ?? '';
      label.hidden = !state.label;
      closedIcon.toggleAttribute('hidden', state.open);
      openIcon.toggleAttribute('hidden', !state.open);
      unread.hidden = !state.unread;
      panel.classList.toggle('full', state.fullscreen);
      panel.setAttribute('aria-label', state.title);
      if (!popover) panel.hidden = !state.open;
      // Showing needs connected elements; removal hides both, the next update shows them again.
      else if (panel.isConnected) {
        if (!button.matches(':popover-open')) button.showPopover();
        if (panel.matches(':popover-open') !== state.open) panel.togglePopover(state.open);
      }
      panel.setAttribute('aria-modal', String(state.fullscreen));
    },
  };
}
