/**
 * What a started chat shows, loaded with the core: the box ChatKit lives in with its
 * loading and error states, and in the launcher the panel that holds them, with its
 * full-screen behaviour (focus kept inside, the page behind held still). The shell draws
 * only what the page shows before anyone wants the chat (the launcher's button) and a
 * notice for a core that did not load.
 *
 * Built into the element's shadow root for one mode; the element removes it and builds a
 * new one when the mode changes. Its styles are added to the root's own, once.
 */
import type { ReactiveElement } from '@lit/reactive-element';
import type { ChatKitEmbedError } from './errors.js';
import { MediaQueryController } from './media-query-controller.js';
import { createStateView, type StateView, type ViewState } from './state-view.js';
import { stateStyles } from './state-styles.js';
import type { ChatKitEmbedMode } from './types.js';
import { coreEnglish } from '../i18n/core-english.js';
import type { LoadedStrings } from '../i18n/strings.js';
import { FocusTrapController } from '../launcher/focus-trap-controller.js';
import { createLauncherPanel, type LauncherPanel } from '../launcher/launcher-panel.js';
import { panelStyles } from '../launcher/panel-styles.js';
import { lockScroll } from '../launcher/scroll-lock.js';

/** The element as the view reads it. */
export interface ChatViewHost extends ReactiveElement {
  readonly mode: ChatKitEmbedMode;
  readonly opened: boolean;
  readonly fullscreenWidth: number;
}

export interface ChatViewState {
  state: ViewState;
  error: ChatKitEmbedError | null;
  /** The shell's texts; English fills in what the shell does not carry. */
  strings: LoadedStrings;
  language: string;
  debug: boolean;
  /** Launcher: the accessible name of the panel. */
  title: string;
}

/** Roots that have the core's styles already. */
const styled = new WeakSet<ShadowRoot>();

export class ChatView {
  readonly #host: ChatViewHost;
  readonly #launcher?: LauncherPanel;
  readonly #states: StateView;
  // Narrow screens, and phones held sideways, where a floating panel would be a sliver.
  readonly #narrow: MediaQueryController;
  readonly #trap?: FocusTrapController;
  #unlockScroll?: () => void;

  constructor(host: ChatViewHost, on: { retry(): void; close(): void }) {
    this.#host = host;
    const root = host.renderRoot as ShadowRoot;
    addStyles(root);
    this.#narrow = new MediaQueryController(host, () => `(max-width: ${host.fullscreenWidth}px), (max-height: 500px)`);
    let box: ParentNode & Node = root;
    if (host.mode === 'launcher') {
      this.#launcher = createLauncherPanel(root, on.close);
      box = this.#launcher.body;
      // A full-screen panel covers the page; focus stays in it.
      this.#trap = new FocusTrapController(
        host,
        () => this.#fullscreen,
        () => this.panel,
      );
    }
    this.#states = createStateView(box, on.retry);
  }

  /** Where `openai-chatkit` goes. */
  get chat(): HTMLElement {
    return this.#states.chat;
  }

  /** Launcher: the panel. */
  get panel(): HTMLElement | undefined {
    return this.#launcher?.panel;
  }

  /** The launcher's panel is open and fills the screen. */
  get #fullscreen(): boolean {
    return this.#host.mode === 'launcher' && this.#host.opened && this.#narrow.matches;
  }

  /** Brings the view in line with the element (from the element's `update`). */
  sync({ state, error, strings: loaded, language, debug, title }: ChatViewState): void {
    const strings = { ...coreEnglish, ...loaded };
    this.#states.show(state, error, strings, language, debug);
    const fullscreen = this.#narrow.matches;
    this.#launcher?.sync({ open: this.#host.opened, fullscreen, title, close: strings.close, language });
    // The page behind a full-screen panel stays put.
    const lock = this.#fullscreen;
    if (lock && !this.#unlockScroll) this.#unlockScroll = lockScroll(this.#host.ownerDocument);
    if (!lock) this.release();
  }

  /** Lets the page scroll again; the element calls it when it leaves the page. */
  release(): void {
    this.#unlockScroll?.();
    this.#unlockScroll = undefined;
  }

  /** Takes the view out of the element, for a change of mode. */
  remove(): void {
    this.release();
    this.#host.removeController(this.#narrow);
    if (this.#trap) this.#host.removeController(this.#trap);
    this.#narrow.hostDisconnected();
    this.#trap?.hostDisconnected();
    this.#launcher?.panel.remove();
    this.#states.remove();
  }
}

/** The core's styles as one sheet, shared by every chat on the page. */
let sheet: CSSStyleSheet | undefined;

/**
 * Adds the core's styles after the shell's, once per root. Browsers that cannot adopt
 * style sheets (Safari before 16.4) get a `<style>` element, with the nonce Lit gives its
 * own there (`window.litNonce`).
 */
function addStyles(root: ShadowRoot): void {
  if (styled.has(root)) return;
  styled.add(root);
  const text = stateStyles + panelStyles;
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = root.ownerDocument.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) style.nonce = nonce;
    style.textContent = text;
    root.append(style);
  }
}
