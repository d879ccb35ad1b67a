/**
 * The launcher's floating button, part of the element's shell: it is what the page
 * shows before anyone wants the chat. The panel it opens comes with the core
 * (`launcher-panel.ts`), loaded when the chat first starts. The button is a manual
 * popover, so it lives in the top layer: the host page's z-index, `overflow` and
 * transformed ancestors can neither hide, clip nor move it. Plain DOM calls, like the
 * other views.
 */
import { icon, make } from '../element/dom.js';
import type { ShellStrings } from '../i18n/strings.js';
import { CHAT_ICON, CLOSE_ICON } from './icons.js';

export interface LauncherButton {
  readonly button: HTMLButtonElement;
  sync(state: LauncherButtonState): void;
}

export interface LauncherButtonState {
  open: boolean;
  unread: boolean;
  /** Visible text next to the icon; without it the accessible name is `strings.chat`. */
  label: string | null;
  /** The id of the panel the button opens, once it exists. */
  controls: string | undefined;
  strings: ShellStrings;
  /** The language of `strings`, for `lang` on what says them. */
  language: string;
}

export function createLauncherButton(root: ShadowRoot, onToggle: () => void): LauncherButton {
  const doc = root.ownerDocument;
  const button = make(doc, 'button', { part: 'launcher-button', class: 'launcher', type: 'button', 'aria-expanded': 'false' });
  const closedIcon = icon(doc, CHAT_ICON, 'launcher-icon');
  const openIcon = icon(doc, CLOSE_ICON, 'launcher-icon');
  const label = make(doc, 'span', { part: 'launcher-label' });
  const unread = make(doc, 'span', { part: 'unread-indicator', class: 'unread' });
  const unreadNote = make(doc, 'span', { class: 'visually-hidden' });
  unread.append(unreadNote);
  button.append(closedIcon, openIcon, label, unread);
  button.addEventListener('click', onToggle);
  // Browsers before the Popover API (2024) get a fixed element stacked by z-index.
  if (typeof button.togglePopover === 'function') button.popover = 'manual';
  root.append(button);

  return {
    button,
    sync(state) {
      const { strings, language } = state;
      // Our words are read in their language; the page's own `label` is in the page's.
      unreadNote.lang = language;
      unreadNote.textContent = strings.newReply;
      button.setAttribute('aria-expanded', String(state.open));
      if (state.controls) button.setAttribute('aria-controls', state.controls);
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
      // Showing needs a connected element; removal hides it, the next update shows it again.
      if (button.popover && button.isConnected && !button.matches(':popover-open')) button.showPopover();
    },
  };
}
