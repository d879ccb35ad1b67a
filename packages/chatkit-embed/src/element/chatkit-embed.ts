import { ReactiveElement, unsafeCSS, type PropertyValues } from '@lit/reactive-element';
import type { ChatKitOptions, OpenAIChatKit } from '@openai/chatkit';
import type { Connector } from '../connector/connector.js';
import type { ConnectorHost, Failure } from '../connector/host.js';
import type { ChatKitEmbedLogEntry, ChatKitEmbedMode, ChatKitEmbedState } from './types.js';
import type { ChatKitEmbedDiagnostic } from '../diagnostics/diagnostics.js';
import type { ChatView } from './chat-view.js';
import { LoadingPolicyController, type LoadingPolicy } from './loading-policy-controller.js';
import { loadCore } from './core-loader.js';
import { ChatKitEmbedError } from './errors.js';
import {
  ChatKitEmbedCloseEvent,
  ChatKitEmbedDiagnosticEvent,
  ChatKitEmbedErrorEvent,
  ChatKitEmbedOpenEvent,
  ChatKitEmbedReadyEvent,
  ChatKitEmbedScriptLoadEvent,
} from './events.js';
import { memoryKey, recall, remember } from '../launcher/launcher-memory.js';
import { launcherStyles } from '../launcher/launcher-styles.js';
import { createLauncherButton, type LauncherButton } from '../launcher/launcher-button.js';
import { ReadyGate } from '../connector/ready-gate.js';
import { createFallbackView, type FallbackView } from './fallback-view.js';
import { styles } from './styles.js';
import { trustedScriptURL } from '../connector/trusted-types.js';
import { LanguageController } from '../i18n/language-controller.js';
import { loadStrings } from '../i18n/locale-loader.js';
import { stringsConverter, withOverrides, type ChatKitEmbedStrings } from '../i18n/strings.js';

export type { ChatKitEmbedLogEntry, ChatKitEmbedMode, ChatKitEmbedState } from './types.js';

/** The first parameter of one of ChatKit's methods. */
type ChatKitMethodParam<K extends keyof OpenAIChatKit> = OpenAIChatKit[K] extends (param: infer P, ...rest: never[]) => unknown ? P : never;

/**
 * Puts an OpenAI ChatKit chat on any page. Loads OpenAI's ChatKit script, fetches and
 * refreshes the session secrets (hosted) or bearer tokens (self-hosted), and passes the
 * full option set to ChatKit whenever an attribute or property changes.
 *
 * @tagname chatkit-embed
 * @summary An OpenAI ChatKit chat as one tag, for hosted and self-hosted backends.
 *
 * @fires {ChatKitEmbedScriptLoadDetail} chatkit-embed-script-load - OpenAI's ChatKit script is loaded and `openai-chatkit` is defined. `detail: { src }`.
 * @fires chatkit-embed-ready - ChatKit is ready; method calls queued before now have started running.
 * @fires {ChatKitEmbedDiagnostic} chatkit-embed-diagnostic - The element found a likely reason for a blank or broken chat. `detail: { code, level, message, fix, params }`; codes are listed under "Why is my chat blank?".
 * @fires chatkit-embed-open - Launcher: the panel is about to open, by the button or `open()`/`toggle()`. Cancelable.
 * @fires chatkit-embed-close - Launcher: the panel is about to close, by the button, Esc, the close control or `close()`/`toggle()`. Cancelable.
 * @fires {ChatKitEmbedErrorDetail} chatkit-embed-error - Something failed. `detail: { code, message, attribute?, status?, fatal, error }`; `code` is `script-load-failed`, `session-failed`, `config-invalid` or `not-ready`. With `fatal` the element shows its error state.
 * @fires chatkit.ready - Re-dispatched from ChatKit: its frame has loaded.
 * @fires {ChatKitErrorDetail} chatkit.error - Re-dispatched from ChatKit: `detail: { error }`.
 * @fires {ChatKitEffectDetail} chatkit.effect - Re-dispatched from ChatKit: a client effect, `detail: { name, data? }`.
 * @fires {ChatKitDeeplinkDetail} chatkit.deeplink - Re-dispatched from ChatKit: a `chatkit-link://` was clicked, `detail: { name, data? }`.
 * @fires chatkit.response.start - Re-dispatched from ChatKit: the assistant started answering.
 * @fires chatkit.response.end - Re-dispatched from ChatKit: the assistant finished answering.
 * @fires chatkit.history.open - Re-dispatched from ChatKit: the history view opened.
 * @fires chatkit.history.close - Re-dispatched from ChatKit: the history view closed.
 * @fires {ChatKitThreadChangeDetail} chatkit.thread.change - Re-dispatched from ChatKit: `detail: { threadId }`.
 * @fires {ChatKitThreadLoadDetail} chatkit.thread.load.start - Re-dispatched from ChatKit: `detail: { threadId }`.
 * @fires {ChatKitThreadLoadDetail} chatkit.thread.load.end - Re-dispatched from ChatKit: `detail: { threadId }`.
 * @fires {ChatKitToolChangeDetail} chatkit.tool.change - Re-dispatched from ChatKit: `detail: { toolId }`.
 * @fires {ChatKitLogDetail} chatkit.log - Re-dispatched from ChatKit: diagnostics, `detail: { name, data? }`.
 *
 * @csspart chat - The box that holds ChatKit; it fills the element.
 * @csspart loading - The loading state, shown until ChatKit is ready.
 * @csspart error - The error state; also the short notice shown, with `retry-button`, when the element's core could not load.
 * @csspart error-message - The error state's explanation.
 * @csspart error-details - The error state's technical details for the site owner, in English: a `<details>`, closed unless `debug` is set.
 * @csspart error-fix - The error state's advice on fixing it, when the element knows the cause.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart launcher-button - Launcher: the floating button.
 * @csspart launcher-icon - Launcher: the button's icons (chat when closed, close when open).
 * @csspart launcher-label - Launcher: the button's visible text, from `label`.
 * @csspart unread-indicator - Launcher: the dot shown when a reply arrived while the panel was closed.
 * @csspart panel - Launcher: the chat panel, a popover in the top layer (modal when full screen). It comes with the element's core, when the chat first starts.
 * @csspart close-button - Launcher: the panel's close control, shown when the panel is full screen.
 *
 * @cssprop [--chatkit-embed-height=600px] - Height of the element.
 * @cssprop [--chatkit-embed-min-height=320px] - Height below which the element never shrinks.
 * @cssprop [--chatkit-embed-overlay-background=Canvas] - Background of the loading and error states.
 * @cssprop [--chatkit-embed-overlay-color=CanvasText] - Text colour of the loading and error states.
 * @cssprop [--chatkit-embed-focus-color=Highlight] - Focus ring of the retry button.
 * @cssprop [--chatkit-embed-launcher-size=56px] - Launcher: height (and minimum width) of the button.
 * @cssprop [--chatkit-embed-launcher-offset-x=20px] - Launcher: distance of the button from the side of the viewport.
 * @cssprop [--chatkit-embed-launcher-offset-y=20px] - Launcher: distance of the button from the bottom of the viewport.
 * @cssprop [--chatkit-embed-launcher-background=#0d0d0d] - Launcher: background of the button.
 * @cssprop [--chatkit-embed-launcher-color=#fff] - Launcher: icon and text colour of the button.
 * @cssprop [--chatkit-embed-unread-color=#e5484d] - Launcher: colour of the unread indicator.
 * @cssprop [--chatkit-embed-panel-width=400px] - Launcher: width of the panel (capped by the viewport).
 * @cssprop [--chatkit-embed-panel-height=640px] - Launcher: height of the panel (capped by the viewport).
 * @cssprop [--chatkit-embed-panel-radius=16px] - Launcher: corner radius of the panel.
 */
export class ChatKitEmbed extends ReactiveElement {
  // Our own literal CSS: `unsafeCSS` only skips the checks the `css` tag makes on `${}`
  // parts, which it has none of, and keeps that tag's code out of the script-tag bundle.
  static override styles = unsafeCSS(styles + launcherStyles);
  // Declared here rather than with decorators: Lit's decorator helpers cost the
  // script-tag bundle about 0.4 KB gzip. Each property's JSDoc stays on its field;
  // test/types/element-properties.ts fails to compile on a name the class does not have.
  static override properties = {
    mode: { reflect: true },
    opened: { type: Boolean, reflect: true, attribute: 'open' },
    loading: {},
    label: {},
    position: { reflect: true },
    remember: { type: Boolean },
    debug: { type: Boolean },
    log: { attribute: false },
    fullscreenWidth: { type: Number, attribute: 'fullscreen-width' },
    sessionUrl: { attribute: 'session-url' },
    apiUrl: { attribute: 'api-url' },
    domainKey: { attribute: 'domain-key' },
    scriptSrc: { attribute: 'script-src' },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    sessionTimeout: { type: Number, attribute: 'session-timeout' },
    theme: {},
    accentColor: { attribute: 'accent-color' },
    radius: {},
    density: {},
    locale: {},
    strings: { converter: stringsConverter },
    greeting: {},
    placeholder: {},
    starterPrompts: { attribute: 'starter-prompts' },
    headerTitle: { attribute: 'header-title' },
    noHistory: { type: Boolean, attribute: 'no-history' },
    threadId: { attribute: 'thread-id' },
    disclaimer: {},
    frameTitle: { attribute: 'frame-title' },
    options: { attribute: false },
    getClientSecret: { attribute: false },
    sessionHeaders: { attribute: false },
    sessionCredentials: { attribute: false },
    sessionBody: { attribute: false },
    _state: { state: true },
    _error: { state: true },
    _unread: { state: true },
  };

  readonly #loadingPolicy = new LoadingPolicyController(this, () => this.#begin());
  readonly #language = new LanguageController(this, {
    locale: () => this.locale,
    load: (language) => loadStrings(language, { nonce: this.nonce, timeoutMs: this.loadTimeout }),
    onError: (language, error) => this.#log('element', 'strings.failed', { language, message: (error as Error).message }),
  });

  readonly #gate = new ReadyGate<OpenAIChatKit>();
  /** The part that talks to ChatKit, loaded when the chat first starts. */
  #connector?: Connector;
  /** Bumped on every start and removal, so a late core load of an old start is dropped. */
  #attempt = 0;
  #needsStart = false;
  /** Something asked for the chat (a method call, opening) before it could start. */
  #wanted = false;
  /** What a started chat shows; it comes with the core. */
  #view?: ChatView;
  #button?: LauncherButton;
  /** The notice for a core that did not load, the one error the shell draws itself. */
  #fallback?: FallbackView;
  /** The mode the views were built for. */
  #builtMode?: ChatKitEmbedMode;
  /** Opened before the panel was built and shown: where focus was then, to move it into the panel once it is. */
  #focusFrom?: Element | null;
  #diagnostics: ChatKitEmbedDiagnostic[] = [];
  /** The thread ChatKit shows now: reopened after a reconnect, and kept by `remember`. */
  #threadId: string | null = null;

  private _state: ChatKitEmbedState = 'idle';
  private _error: ChatKitEmbedError | null = null;
  private _unread = false;

  /** `inline` shows the chat in the element's box; `launcher` shows a floating button that opens it in a panel. */
  mode: ChatKitEmbedMode = 'inline';

  /** Launcher: whether the panel is open. Reflected as the `open` attribute. Use `open()`, `close()` and `toggle()` for the events. */
  opened = false;

  /** When the chat loads: `eager` at once, `lazy` when the element nears the viewport (inline default), `intent` when the reader points at, touches or focuses it (launcher default). */
  loading: LoadingPolicy | null = null;

  /** Launcher: visible text on the button next to its icon; its accessible name is "Chat" without it. */
  label: string | null = null;

  /** Launcher: the corner of the button, `end` (right on left-to-right pages) or `start`. */
  position: 'end' | 'start' = 'end';

  /** Launcher: keeps the open state and the current thread across page loads, in `localStorage`, per endpoint. */
  remember = false;

  /** Logs the element's timeline (script, secrets, options, ready, diagnostics) to the console, with every secret and token redacted. */
  debug = false;

  /** Receives each timeline entry, and ChatKit's `chatkit.log` and `chatkit.error` events, as one `ChatKitEmbedLogEntry` shape. Secrets are redacted. */
  log: ((entry: ChatKitEmbedLogEntry) => void) | null = null;

  /** Launcher: the panel fills the screen (and keeps focus) on viewports at most this many pixels wide, or at most 500 px high. */
  fullscreenWidth = 640;

  /** Hosted mode: endpoint that answers `POST` with `{ client_secret, expires_at? }`. With `api-url`: endpoint for the backend's bearer tokens, same shape. */
  sessionUrl: string | null = null;

  /** Self-hosted mode: URL of your ChatKit-protocol server. */
  apiUrl: string | null = null;

  /** Self-hosted mode: the domain key from OpenAI's domain allowlist (any placeholder on localhost). */
  domainKey: string | null = null;

  /**
   * URL of OpenAI's ChatKit script, for tests or a proxy.
   */
  scriptSrc = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';

  /**
   * Milliseconds to wait for ChatKit, first for its script to define `openai-chatkit`, then for it to be ready, before showing an error.
   */
  loadTimeout = 30_000;

  /**
   * Milliseconds each request to `session-url` may take before it is abandoned (and retried).
   */
  sessionTimeout = 10_000;

  /** Colour scheme: `light`, `dark`, or `auto` to follow the reader's system setting live. */
  theme: 'light' | 'dark' | 'auto' | null = null;

  /** Accent colour, any CSS colour (`theme.color.accent.primary`). */
  accentColor: string | null = null;

  /** Corner roundness: `pill`, `round`, `soft` or `sharp`. */
  radius: 'pill' | 'round' | 'soft' | 'sharp' | null = null;

  /** Spacing: `compact`, `normal` or `spacious`. */
  density: 'compact' | 'normal' | 'spacious' | null = null;

  /** Language of ChatKit and of the element's own words, such as `de` or `fr-CA`; defaults to the page's `lang`, then the browser's. */
  locale: string | null = null;

  /** The element's own words, replacing any of its texts in every language: a JSON object such as `{"retry": "Reload"}` (see "Languages"). */
  strings: Partial<ChatKitEmbedStrings> | null = null;

  /** Greeting on the start screen. */
  greeting: string | null = null;

  /** Placeholder of the message box. */
  placeholder: string | null = null;

  /** Starter prompts: `First|Second`, or a JSON array of strings or `{label, prompt, icon?}`. */
  starterPrompts: string | null = null;

  /** Fixed header title, instead of the thread's title. */
  headerTitle: string | null = null;

  /** Turns the thread history panel off. */
  noHistory = false;

  /** Thread to open first (ChatKit's `initialThread`). */
  threadId: string | null = null;

  /** Markdown disclaimer below the message box. */
  disclaimer: string | null = null;

  /** Accessible title of ChatKit's frame. */
  frameTitle: string | null = null;

  /** Any `ChatKitOptions`, functions included. Attributes override the fields they name; `api` comes from the backend attributes when they are set. */
  options: Partial<ChatKitOptions> | null = null;

  /** Hosted mode: your own `getClientSecret(current)`, used instead of `session-url`. */
  getClientSecret: ((currentClientSecret: string | null) => Promise<string>) | null = null;

  /** Extra headers for requests to `session-url`: a plain object, `Headers` or name/value pairs. None may hold an API key. */
  sessionHeaders: HeadersInit | null = null;

  /** Credentials mode for requests to `session-url` (`include` for a cross-origin endpoint that uses cookies). */
  sessionCredentials: RequestCredentials = 'same-origin';

  /** JSON body for requests to `session-url`; `{}` when unset. */
  sessionBody: unknown = null;

  /** What the element shows now; mirrored in the `state` attribute for CSS. */
  get state(): ChatKitEmbedState {
    return this._state;
  }

  /** The error behind the error state, or `null`. */
  get error(): ChatKitEmbedError | null {
    return this._error;
  }

  /** What the element found wrong since the chat last started, oldest first (a copy). */
  get diagnostics(): ChatKitEmbedDiagnostic[] {
    return [...this.#diagnostics];
  }

  constructor() {
    super();
    // Esc from the button or anywhere in the panel closes it.
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.opened && !event.defaultPrevented && this.#setOpen(false, true)) event.preventDefault();
    });
    this.addEventListener('chatkit.response.end', () => {
      if (this.mode === 'launcher' && !this.opened) this._unread = true;
    });
    this.addEventListener('chatkit.thread.change', (event) => {
      this.#threadId = event.detail.threadId;
      this.#remember();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Started from the next update (`willUpdate`), so properties a framework sets right
    // after insertion are in place before anything is resolved.
    this.#needsStart = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#needsStart = false;
    this.#attempt++;
    this.#connector?.stop();
    this.#view?.release();
    this.#gate.close(new ChatKitEmbedError('not-ready', 'The chat was removed from the page before ChatKit was ready.'));
    this._state = 'idle';
  }

  // Decisions that change `_state` are taken here, before rendering, so they never cost
  // a second update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const connecting = this.#needsStart;
    if (connecting) {
      this.#needsStart = false;
      if (this.remember && this.mode === 'launcher') {
        const memory = recall(this.#memoryKey());
        this.#threadId = memory?.threadId ?? null;
        if (memory?.open) this.opened = true;
      }
    }
    // On connect, and when the mode or policy changes before the chat started: load now
    // if something already asks for the chat (an open panel, a method call), else wait
    // for the policy's moment.
    if (this._state === 'idle' && (connecting || changed.has('mode') || changed.has('loading'))) {
      if (this.#wanted || (this.mode === 'launcher' && this.opened)) this.#begin();
      else this.#loadingPolicy.arm(this.loading ?? (this.mode === 'launcher' ? 'intent' : 'lazy'));
    }
    if (connecting || changed.has('locale')) this.#language.refresh();
    if (changed.has('opened') && this.opened) {
      this._unread = false;
      this.#begin(); // an open panel shows the chat, whatever the loading policy
    }
    this.#connector?.configure(changed.keys());
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    if (this.#builtMode !== this.mode) this.#build();
    const { language } = this.#language;
    const strings = withOverrides(this.#language.strings, this.strings);
    const view = this.#view;
    // The button first: a popover shown later stacks above, and the panel must cover the
    // button (a full-screen panel does), also when both come back after a move in the page.
    this.#button?.sync({ open: this.opened, unread: this._unread, label: this.label, controls: view?.panel?.id, strings, language });
    view?.sync({ state: this._state, error: this._error, strings, language, debug: this.debug, title: this.headerTitle || strings.chat });
    // Only a core that did not load leaves an error with no view to show it.
    const stranded = !view && this._state === 'error';
    if (stranded) this.#fallback ??= createFallbackView(this.renderRoot as ShadowRoot, this.mode === 'launcher', () => this.retry());
    this.#fallback?.show(stranded && (this.mode === 'inline' || this.opened), strings.loadFailed, strings.retry, language);
    // Set on a change only: a page watching the attribute sees each state once.
    if ((changed as PropertyValues).has('_state')) this.setAttribute('state', this._state);
  }

  // Runs after every update, including those the media-query controllers ask for; the
  // connector sends nothing unless the options really changed.
  protected override updated(changed: PropertyValues<this>): void {
    this.#connector?.apply();
    if (changed.has('opened')) this.#remember();
  }

  /** Builds the shell's part of the shadow DOM for the current mode; a change of mode rebuilds it and restarts the chat. */
  #build(): void {
    const rebuild = this.#builtMode !== undefined;
    this.#builtMode = this.mode;
    // Only what the element put there: browsers without adoptable style sheets keep the
    // styles in the root as <style> elements.
    this.#button?.button.remove();
    this.#fallback?.remove();
    this.#view?.remove();
    this.#button = this.#fallback = this.#view = undefined;
    if (this.mode === 'launcher')
      this.#button = createLauncherButton(this.renderRoot as ShadowRoot, () => this.#setOpen(!this.opened, true));
    if (rebuild && this._state !== 'idle') void this.#start();
  }

  /**
   * Opens or closes the panel after a cancelable event; moves focus into the chat on
   * open and back to the button on close. Returns whether the state changed.
   */
  #setOpen(open: boolean, moveFocus: boolean): boolean {
    if (this.mode !== 'launcher' || open === this.opened) return false;
    if (!this.dispatchEvent(open ? new ChatKitEmbedOpenEvent() : new ChatKitEmbedCloseEvent())) return false;
    // In the panel, or in the notice standing in for it.
    const active = this.shadowRoot!.activeElement;
    const focusWasInside = !!active && active !== this.#button?.button;
    this.opened = open;
    if (moveFocus || focusWasInside) void this.updateComplete.then(() => this.#moveFocus());
    return true;
  }

  #moveFocus(): void {
    const button = this.#button?.button;
    const panel = this.#view?.panel;
    const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
    if (!button) return;
    if (!this.opened) {
      this.#focusFrom = undefined;
      return button.focus();
    }
    // The panel comes with the core, and shows at the update after: focus goes in then
    // (`#start` calls again), unless the reader has moved it elsewhere meanwhile.
    if (!panel || this.isUpdatePending) {
      this.#focusFrom ??= active;
      if (panel) void this.updateComplete.then(() => this.#moveFocus());
      return;
    }
    const from = this.#focusFrom;
    this.#focusFrom = undefined;
    if (from !== undefined && from !== active) return;
    // The panel itself until ChatKit is ready, then its message box.
    panel.focus();
    void this.#gate
      .call((chatkit) => (this.opened && this.shadowRoot!.activeElement === panel ? chatkit.focusComposer() : Promise.resolve()))
      .catch(() => {});
  }

  #memoryKey(): string {
    return memoryKey(this.apiUrl ?? this.sessionUrl, this.id, document.baseURI);
  }

  #remember(): void {
    if (this.remember && this.mode === 'launcher') {
      remember(this.#memoryKey(), { open: this.opened, threadId: this.#threadId });
    }
  }

  /** Runs a ChatKit method once ChatKit is ready; calling one is reason enough to load it. */
  #call(run: (chatkit: OpenAIChatKit) => Promise<void>): Promise<void> {
    const result = this.#gate.call(run);
    this.#begin();
    return result;
  }

  /** Starts the chat unless it has started already; before the first update, remembers to. */
  #begin(): void {
    this.#loadingPolicy.disarm();
    if (!this.isConnected || this.#needsStart) this.#wanted = true;
    else if (this._state === 'idle') void this.#start();
  }

  /** Loads the core if needed (with it the chat's views), then starts a run with the connector. */
  async #start(): Promise<void> {
    const attempt = ++this.#attempt;
    this.#wanted = false;
    this.#connector?.stop();
    // Calls made from now on wait for the next ChatKit, not the one being replaced.
    this.#gate.reset();
    this._error = null;
    this._state = 'loading';
    this.#diagnostics = [];
    try {
      const core = await loadCore({ nonce: this.nonce, timeoutMs: this.loadTimeout });
      if (attempt === this.#attempt && !this.#view) {
        this.#fallback?.remove();
        this.#fallback = undefined;
        this.#view = new core.ChatView(this, { retry: () => this.retry(), close: () => this.#setOpen(false, true) });
        this.requestUpdate();
        if (this.#focusFrom !== undefined) void this.updateComplete.then(() => this.#moveFocus());
      }
      this.#connector ??= new core.Connector(this.#connectorHost());
    } catch (error) {
      if (attempt === this.#attempt) {
        const reason = (error as Error).message;
        // The core holds the diagnostics table, and it is what failed: this one is spelled out here.
        this.#fail(
          toError({
            code: 'script-load-failed',
            message: reason,
            cause: error,
            diagnostic: {
              code: 'core-load-failed',
              level: 'error',
              message: `chatkit-embed's own core script did not load: ${reason}`,
              fix: CORE_FIX,
              params: { reason },
            },
          }),
        );
      }
      return;
    }
    if (attempt === this.#attempt) void this.#connector.start();
  }

  #connectorHost(): ConnectorHost {
    // The getters below read private fields, and inside them `this` is the object literal.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const host = this;
    return {
      element: this,
      get chatBox() {
        return host.#view!.chat;
      },
      // The thread shown last: a chat moved in the page (or put back by a single-page
      // site) carries on with it, and with `remember` one restored from storage.
      get fallbackThreadId() {
        return host.#threadId;
      },
      scriptURL: (url) => trustedScriptURL(window, url),
      restart: () => void this.#start(),
      error: toError,
      onScriptLoad: (src) => this.dispatchEvent(new ChatKitEmbedScriptLoadEvent(src)),
      onDiagnostic: (diagnostic) => this.#diagnose(diagnostic),
      log: (source, event, data) => this.#log(source, event, data),
      onReady: (chatkit) => {
        this.#log('element', 'ready');
        this._state = 'ready';
        this.dispatchEvent(new ChatKitEmbedReadyEvent());
        void this.#gate.open(chatkit);
      },
      onFailure: (failure, fatal) => {
        const error = toError(failure);
        if (fatal) this.#fail(error);
        else {
          if (error.diagnostic) this.#diagnose(error.diagnostic);
          this.dispatchEvent(new ChatKitEmbedErrorEvent(error, false));
        }
      },
    };
  }

  /** Records a diagnostic once per start and tells the page. */
  #diagnose(diagnostic: ChatKitEmbedDiagnostic): void {
    if (this.#diagnostics.some((known) => known.code === diagnostic.code && known.message === diagnostic.message)) return;
    this.#diagnostics.push(diagnostic);
    this.#log('element', 'diagnostic', diagnostic);
    this.dispatchEvent(new ChatKitEmbedDiagnosticEvent(diagnostic));
  }

  /** `data` comes redacted from the connector; the shell adds only its own, secret-free entries. */
  #log(source: ChatKitEmbedLogEntry['source'], event: string, data?: unknown): void {
    const entry: ChatKitEmbedLogEntry = { time: Date.now(), source, event, ...(data !== undefined && { data }) };
    if (this.debug) console.info(`[chatkit-embed] ${source === 'chatkit' ? '' : 'element '}${event}`, data ?? '');
    try {
      this.log?.(entry);
    } catch {
      // A broken log hook must not break the chat.
    }
  }

  #fail(error: ChatKitEmbedError): void {
    if (error.diagnostic) this.#diagnose(error.diagnostic);
    this.#log('element', 'error', { code: error.code, message: error.message });
    this._error = error;
    this._state = 'error';
    this.#gate.close(new ChatKitEmbedError('not-ready', `ChatKit is not ready: ${error.message}`, { cause: error }));
    this.dispatchEvent(new ChatKitEmbedErrorEvent(error, true));
  }

  /** Starts over after an error: reloads the script if it failed and fetches a new session. */
  retry(): void {
    if (this.isConnected) void this.#start();
  }

  /**
   * Launcher: `open()` opens the panel (and loads the chat if needed) and moves focus into
   * it; it returns false if the panel was open already or a listener cancelled it. Assigning a boolean (`el.open = true`, which React, Vue
   * and Svelte do for an `open` attribute on a custom element) sets `opened` instead of
   * replacing the method.
   */
  get open(): () => boolean {
    return this.#open;
  }
  set open(value: boolean | (() => boolean)) {
    if (typeof value !== 'function') this.opened = Boolean(value);
  }
  readonly #open = () => this.#setOpen(true, true);

  /** Launcher: closes the panel (focus goes back to the button if it was in the panel). Returns false if it was closed already or a listener cancelled it. */
  close(): boolean {
    return this.#setOpen(false, false);
  }

  /** Launcher: opens the panel if it is closed, closes it if it is open. Returns false if a listener cancelled it. */
  toggle(): boolean {
    return this.#setOpen(!this.opened, true);
  }

  /** Focuses ChatKit's message box. */
  focusComposer(): Promise<void> {
    return this.#call((chatkit) => chatkit.focusComposer());
  }

  /** Opens a thread by id, or a new thread with `null`. */
  setThreadId(threadId: string | null): Promise<void> {
    return this.#call((chatkit) => chatkit.setThreadId(threadId));
  }

  /** Sends a user message. */
  sendUserMessage(message: ChatKitMethodParam<'sendUserMessage'>): Promise<void> {
    return this.#call((chatkit) => chatkit.sendUserMessage(message));
  }

  /** Fills the message box without sending. */
  setComposerValue(value: ChatKitMethodParam<'setComposerValue'>): Promise<void> {
    return this.#call((chatkit) => chatkit.setComposerValue(value));
  }

  /** Sends a custom action to the backend. */
  sendCustomAction(action: { type: string; payload?: Record<string, unknown> }, itemId?: string): Promise<void> {
    return this.#call((chatkit) => chatkit.sendCustomAction(action, itemId));
  }

  /** Opens the thread history view. */
  showHistory(): Promise<void> {
    return this.#call((chatkit) => chatkit.showHistory());
  }

  /** Closes the thread history view. */
  hideHistory(): Promise<void> {
    return this.#call((chatkit) => chatkit.hideHistory());
  }

  /** Asks ChatKit to fetch thread updates from the backend. */
  fetchUpdates(): Promise<void> {
    return this.#call((chatkit) => chatkit.fetchUpdates());
  }
}

const CORE_FIX =
  'Script tag: keep chatkit-embed-core.js next to chatkit-embed.js and allow its origin in script-src. ' +
  'npm: reload the page (a new deployment may have replaced the chunk) and check that the bundler emitted it.';

function toError({ code, message, ...init }: Failure): ChatKitEmbedError {
  return new ChatKitEmbedError(code, message, init);
}
