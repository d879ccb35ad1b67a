/**
 * The launcher's chat panel. It comes with the core, loaded when the chat first starts:
 * a launcher nobody opens never pays for it. Like the button, it is a manual popover in
 * the top layer; it is shown after the button, so it stacks above it. It is a `div` with
 * the dialog role rather than a `<dialog>`: showing a `<dialog>` as a popover moves focus
 * into it, which would steal the page's focus whenever a remembered or moved panel
 * reappears. When it fills a small screen it is `aria-modal`, and the element keeps
 * focus inside it.
 */
import { icon, make } from '../element/dom.js';
import { CLOSE_ICON } from './icons.js';

export interface LauncherPanel {
  readonly panel: HTMLElement;
  /** Where the state view (chat box, loading, error) goes. */
  readonly body: HTMLElement;
  sync(state: LauncherPanelState): void;
}

export interface LauncherPanelState {
  open: boolean;
  /** The panel fills the viewport (small screens). */
  fullscreen: boolean;
  /** Accessible name of the panel. */
  title: string;
  /** Accessible name of the close control, and its language. */
  close: string;
  language: string;
}

export function createLauncherPanel(root: ShadowRoot, onClose: () => void): LauncherPanel {
  const doc = root.ownerDocument;
  const panel = make(doc, 'div', { part: 'panel', id: 'panel', class: 'panel', role: 'dialog', tabindex: '-1' });
  // Browsers before the Popover API (2024) get fixed elements stacked by z-index.
  const popover = typeof panel.togglePopover === 'function';
  if (popover) panel.popover = 'manual';
  else panel.classList.add('fixed');
  const bar = make(doc, 'div', { class: 'bar' });
  const close = make(doc, 'button', { part: 'close-button', type: 'button' });
  close.append(icon(doc, CLOSE_ICON, 'close-icon'));
  close.addEventListener('click', onClose);
  bar.append(close);
  const body = make(doc, 'div', { class: 'body' });
  panel.append(bar, body);
  root.append(panel);

  return {
    panel,
    body,
    sync(state) {
      close.lang = state.language;
      close.setAttribute('aria-label', state.close);
      panel.classList.toggle('full', state.fullscreen);
      panel.setAttribute('aria-label', state.title);
      panel.setAttribute('aria-modal', String(state.fullscreen));
      if (!popover) panel.hidden = !state.open;
      // Showing needs a connected element; removal hides it, the next update shows it again.
      else if (panel.isConnected && panel.matches(':popover-open') !== state.open) panel.togglePopover(state.open);
    },
  };
}
