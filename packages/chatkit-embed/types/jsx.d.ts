import type {
  ChatKitEmbed,
  ChatKitEmbedScriptLoadDetail,
  ChatKitEmbedDiagnostic,
  ChatKitEmbedErrorDetail,
  ChatKitErrorDetail,
  ChatKitEffectDetail,
  ChatKitDeeplinkDetail,
  ChatKitThreadChangeDetail,
  ChatKitThreadLoadDetail,
  ChatKitToolChangeDetail,
  ChatKitLogDetail,
} from "chatkit-embed/element";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 */
export type ScopedElements<Prefix extends string = "", Suffix extends string = ""> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: any;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl";
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: Record<string, string | number>;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no";
};

type BaseEvents = {};

export type ChatKitEmbedProps = {
  /** `inline` shows the chat in the element's box; `launcher` shows a floating button that opens it in a panel. */
  mode?: ChatKitEmbed["mode"];
  /** Launcher: whether the panel is open. Reflected as the `open` attribute. Use `open()`, `close()` and `toggle()` for the events. */
  open?: ChatKitEmbed["opened"];
  /** When the chat loads: `eager` at once, `lazy` when the element nears the viewport (inline default), `intent` when the reader points at, touches or focuses it (launcher default). */
  loading?: ChatKitEmbed["loading"];
  /** Launcher: visible text on the button next to its icon; its accessible name is "Chat" without it. */
  label?: ChatKitEmbed["label"];
  /** Launcher: the corner of the button, `end` (right on left-to-right pages) or `start`. */
  position?: ChatKitEmbed["position"];
  /** Launcher: keeps the open state and the current thread across page loads, in `localStorage`, per endpoint. */
  remember?: ChatKitEmbed["remember"];
  /** Logs the element's timeline (script, secrets, options, ready, diagnostics) to the console, with every secret and token redacted. */
  debug?: ChatKitEmbed["debug"];
  /** Launcher: the panel fills the screen (and keeps focus) on viewports at most this many pixels wide, or at most 500 px high. */
  "fullscreen-width"?: ChatKitEmbed["fullscreenWidth"];
  /** Hosted mode: endpoint that answers `POST` with `{ client_secret, expires_at? }`. With `api-url`: endpoint for the backend's bearer tokens, same shape. */
  "session-url"?: ChatKitEmbed["sessionUrl"];
  /** Self-hosted mode: URL of your ChatKit-protocol server. */
  "api-url"?: ChatKitEmbed["apiUrl"];
  /** Self-hosted mode: the domain key from OpenAI's domain allowlist (any placeholder on localhost). */
  "domain-key"?: ChatKitEmbed["domainKey"];
  /** URL of OpenAI's ChatKit script, for tests or a proxy. */
  "script-src"?: ChatKitEmbed["scriptSrc"];
  /** Milliseconds to wait for ChatKit, first for its script to define `openai-chatkit`, then for it to be ready, before showing an error. */
  "load-timeout"?: ChatKitEmbed["loadTimeout"];
  /** Milliseconds each request to `session-url` may take before it is abandoned (and retried). */
  "session-timeout"?: ChatKitEmbed["sessionTimeout"];
  /** Colour scheme: `light`, `dark`, or `auto` to follow the reader's system setting live. */
  theme?: ChatKitEmbed["theme"];
  /** Accent colour, any CSS colour (`theme.color.accent.primary`). */
  "accent-color"?: ChatKitEmbed["accentColor"];
  /** Corner roundness: `pill`, `round`, `soft` or `sharp`. */
  radius?: ChatKitEmbed["radius"];
  /** Spacing: `compact`, `normal` or `spacious`. */
  density?: ChatKitEmbed["density"];
  /** Language of ChatKit and of the element's own words, such as `de` or `fr-CA`; defaults to the page's `lang`, then the browser's. */
  locale?: ChatKitEmbed["locale"];
  /** The element's own words, replacing any of its texts in every language: a JSON object such as `{"retry": "Reload"}` (see "Languages"). */
  strings?: ChatKitEmbed["strings"];
  /** Greeting on the start screen. */
  greeting?: ChatKitEmbed["greeting"];
  /** Placeholder of the message box. */
  placeholder?: ChatKitEmbed["placeholder"];
  /** Starter prompts: `First|Second`, or a JSON array of strings or `{label, prompt, icon?}`. */
  "starter-prompts"?: ChatKitEmbed["starterPrompts"];
  /** Fixed header title, instead of the thread's title. */
  "header-title"?: ChatKitEmbed["headerTitle"];
  /** Turns the thread history panel off. */
  "no-history"?: ChatKitEmbed["noHistory"];
  /** Thread to open first (ChatKit's `initialThread`). */
  "thread-id"?: ChatKitEmbed["threadId"];
  /** Markdown disclaimer below the message box. */
  disclaimer?: ChatKitEmbed["disclaimer"];
  /** Accessible title of ChatKit's frame. */
  "frame-title"?: ChatKitEmbed["frameTitle"];
  /** Receives each timeline entry, and ChatKit's `chatkit.log` and `chatkit.error` events, as one `ChatKitEmbedLogEntry` shape. Secrets are redacted. */
  log?: ChatKitEmbed["log"];
  /** Any `ChatKitOptions`, functions included. Attributes override the fields they name; `api` comes from the backend attributes when they are set. */
  options?: ChatKitEmbed["options"];
  /** Hosted mode: your own `getClientSecret(current)`, used instead of `session-url`. */
  getClientSecret?: ChatKitEmbed["getClientSecret"];
  /** Extra headers for requests to `session-url`: a plain object, `Headers` or name/value pairs. None may hold an API key. */
  sessionHeaders?: ChatKitEmbed["sessionHeaders"];
  /** Credentials mode for requests to `session-url` (`include` for a cross-origin endpoint that uses cookies). */
  sessionCredentials?: ChatKitEmbed["sessionCredentials"];
  /** JSON body for requests to `session-url`; `{}` when unset. */
  sessionBody?: ChatKitEmbed["sessionBody"];
  /** What the element shows now; mirrored in the `state` attribute for CSS. */
  state?: ChatKitEmbed["state"];
  /** The error behind the error state, or `null`. */
  error?: ChatKitEmbed["error"];
  /** What the element found wrong since the chat last started, oldest first (a copy). */
  diagnostics?: ChatKitEmbed["diagnostics"];
  /** Launcher: `open()` opens the panel (and loads the chat if needed) and moves focus into
it; it returns false if the panel was open already or a listener cancelled it. Assigning a boolean (`el.open = true`, which React, Vue
and Svelte do for an `open` attribute on a custom element) sets `opened` instead of
replacing the method. */
  open?: ChatKitEmbed["open"];
  /** OpenAI's ChatKit script is loaded and `openai-chatkit` is defined. `detail: { src }`. */
  "onchatkit-embed-script-load"?: (e: CustomEvent<ChatKitEmbedScriptLoadDetail>) => void;
  /** ChatKit is ready; method calls queued before now have started running. */
  "onchatkit-embed-ready"?: (e: CustomEvent<never>) => void;
  /** The element found a likely reason for a blank or broken chat. `detail: { code, level, message, fix, params }`; codes are listed under "Why is my chat blank?". */
  "onchatkit-embed-diagnostic"?: (e: CustomEvent<ChatKitEmbedDiagnostic>) => void;
  /** Launcher: the panel is about to open, by the button or `open()`/`toggle()`. Cancelable. */
  "onchatkit-embed-open"?: (e: CustomEvent<never>) => void;
  /** Launcher: the panel is about to close, by the button, Esc, the close control or `close()`/`toggle()`. Cancelable. */
  "onchatkit-embed-close"?: (e: CustomEvent<never>) => void;
  /** Something failed. `detail: { code, message, attribute?, status?, fatal, error }`; `code` is `script-load-failed`, `session-failed`, `config-invalid` or `not-ready`. With `fatal` the element shows its error state. */
  "onchatkit-embed-error"?: (e: CustomEvent<ChatKitEmbedErrorDetail>) => void;
  /** Re-dispatched from ChatKit: its frame has loaded. */
  "onchatkit.ready"?: (e: CustomEvent<never>) => void;
  /** Re-dispatched from ChatKit: `detail: { error }`. */
  "onchatkit.error"?: (e: CustomEvent<ChatKitErrorDetail>) => void;
  /** Re-dispatched from ChatKit: a client effect, `detail: { name, data? }`. */
  "onchatkit.effect"?: (e: CustomEvent<ChatKitEffectDetail>) => void;
  /** Re-dispatched from ChatKit: a `chatkit-link://` was clicked, `detail: { name, data? }`. */
  "onchatkit.deeplink"?: (e: CustomEvent<ChatKitDeeplinkDetail>) => void;
  /** Re-dispatched from ChatKit: the assistant started answering. */
  "onchatkit.response.start"?: (e: CustomEvent<never>) => void;
  /** Re-dispatched from ChatKit: the assistant finished answering. */
  "onchatkit.response.end"?: (e: CustomEvent<never>) => void;
  /** Re-dispatched from ChatKit: the history view opened. */
  "onchatkit.history.open"?: (e: CustomEvent<never>) => void;
  /** Re-dispatched from ChatKit: the history view closed. */
  "onchatkit.history.close"?: (e: CustomEvent<never>) => void;
  /** Re-dispatched from ChatKit: `detail: { threadId }`. */
  "onchatkit.thread.change"?: (e: CustomEvent<ChatKitThreadChangeDetail>) => void;
  /** Re-dispatched from ChatKit: `detail: { threadId }`. */
  "onchatkit.thread.load.start"?: (e: CustomEvent<ChatKitThreadLoadDetail>) => void;
  /** Re-dispatched from ChatKit: `detail: { threadId }`. */
  "onchatkit.thread.load.end"?: (e: CustomEvent<ChatKitThreadLoadDetail>) => void;
  /** Re-dispatched from ChatKit: `detail: { toolId }`. */
  "onchatkit.tool.change"?: (e: CustomEvent<ChatKitToolChangeDetail>) => void;
  /** Re-dispatched from ChatKit: diagnostics, `detail: { name, data? }`. */
  "onchatkit.log"?: (e: CustomEvent<ChatKitLogDetail>) => void;
};

export type CustomElements = {
  /**
   * An OpenAI ChatKit chat as one tag, for hosted and self-hosted backends.
   * ---
   *
   *
   * ### **Events:**
   *  - **chatkit-embed-script-load** - OpenAI's ChatKit script is loaded and `openai-chatkit` is defined. `detail: { src }`.
   * - **chatkit-embed-ready** - ChatKit is ready; method calls queued before now have started running.
   * - **chatkit-embed-diagnostic** - The element found a likely reason for a blank or broken chat. `detail: { code, level, message, fix, params }`; codes are listed under "Why is my chat blank?".
   * - **chatkit-embed-open** - Launcher: the panel is about to open, by the button or `open()`/`toggle()`. Cancelable.
   * - **chatkit-embed-close** - Launcher: the panel is about to close, by the button, Esc, the close control or `close()`/`toggle()`. Cancelable.
   * - **chatkit-embed-error** - Something failed. `detail: { code, message, attribute?, status?, fatal, error }`; `code` is `script-load-failed`, `session-failed`, `config-invalid` or `not-ready`. With `fatal` the element shows its error state.
   * - **chatkit.ready** - Re-dispatched from ChatKit: its frame has loaded.
   * - **chatkit.error** - Re-dispatched from ChatKit: `detail: { error }`.
   * - **chatkit.effect** - Re-dispatched from ChatKit: a client effect, `detail: { name, data? }`.
   * - **chatkit.deeplink** - Re-dispatched from ChatKit: a `chatkit-link://` was clicked, `detail: { name, data? }`.
   * - **chatkit.response.start** - Re-dispatched from ChatKit: the assistant started answering.
   * - **chatkit.response.end** - Re-dispatched from ChatKit: the assistant finished answering.
   * - **chatkit.history.open** - Re-dispatched from ChatKit: the history view opened.
   * - **chatkit.history.close** - Re-dispatched from ChatKit: the history view closed.
   * - **chatkit.thread.change** - Re-dispatched from ChatKit: `detail: { threadId }`.
   * - **chatkit.thread.load.start** - Re-dispatched from ChatKit: `detail: { threadId }`.
   * - **chatkit.thread.load.end** - Re-dispatched from ChatKit: `detail: { threadId }`.
   * - **chatkit.tool.change** - Re-dispatched from ChatKit: `detail: { toolId }`.
   * - **chatkit.log** - Re-dispatched from ChatKit: diagnostics, `detail: { name, data? }`.
   *
   * ### **Methods:**
   *  - **retry(): _void_** - Starts over after an error: reloads the script if it failed and fetches a new session.
   * - **close(): _boolean_** - Launcher: closes the panel (focus goes back to the button if it was in the panel). Returns false if it was closed already or a listener cancelled it.
   * - **toggle(): _boolean_** - Launcher: opens the panel if it is closed, closes it if it is open. Returns false if a listener cancelled it.
   * - **focusComposer(): _Promise<void>_** - Focuses ChatKit's message box.
   * - **setThreadId(threadId: _string | null_): _Promise<void>_** - Opens a thread by id, or a new thread with `null`.
   * - **sendUserMessage(message: _ChatKitMethodParam<'sendUserMessage'>_): _Promise<void>_** - Sends a user message.
   * - **setComposerValue(value: _ChatKitMethodParam<'setComposerValue'>_): _Promise<void>_** - Fills the message box without sending.
   * - **sendCustomAction(action: _{ type: string; payload?: Record<string, unknown> }_, itemId: _string_): _Promise<void>_** - Sends a custom action to the backend.
   * - **showHistory(): _Promise<void>_** - Opens the thread history view.
   * - **hideHistory(): _Promise<void>_** - Closes the thread history view.
   * - **fetchUpdates(): _Promise<void>_** - Asks ChatKit to fetch thread updates from the backend.
   *
   * ### **CSS Properties:**
   *  - **--chatkit-embed-height** - Height of the element. _(default: 600px)_
   * - **--chatkit-embed-min-height** - Height below which the element never shrinks. _(default: 320px)_
   * - **--chatkit-embed-overlay-background** - Background of the loading and error states. _(default: Canvas)_
   * - **--chatkit-embed-overlay-color** - Text colour of the loading and error states. _(default: CanvasText)_
   * - **--chatkit-embed-focus-color** - Focus ring of the retry button. _(default: Highlight)_
   * - **--chatkit-embed-launcher-size** - Launcher: height (and minimum width) of the button. _(default: 56px)_
   * - **--chatkit-embed-launcher-offset-x** - Launcher: distance of the button from the side of the viewport. _(default: 20px)_
   * - **--chatkit-embed-launcher-offset-y** - Launcher: distance of the button from the bottom of the viewport. _(default: 20px)_
   * - **--chatkit-embed-launcher-background** - Launcher: background of the button. _(default: #0d0d0d)_
   * - **--chatkit-embed-launcher-color** - Launcher: icon and text colour of the button. _(default: #fff)_
   * - **--chatkit-embed-unread-color** - Launcher: colour of the unread indicator. _(default: #e5484d)_
   * - **--chatkit-embed-panel-width** - Launcher: width of the panel (capped by the viewport). _(default: 400px)_
   * - **--chatkit-embed-panel-height** - Launcher: height of the panel (capped by the viewport). _(default: 640px)_
   * - **--chatkit-embed-panel-radius** - Launcher: corner radius of the panel. _(default: 16px)_
   *
   * ### **CSS Parts:**
   *  - **chat** - The box that holds ChatKit; it fills the element.
   * - **loading** - The loading state, shown until ChatKit is ready.
   * - **error** - The error state; also the short notice shown, with `retry-button`, when the element's core could not load.
   * - **error-message** - The error state's explanation.
   * - **error-details** - The error state's technical details for the site owner, in English: a `<details>`, closed unless `debug` is set.
   * - **error-fix** - The error state's advice on fixing it, when the element knows the cause.
   * - **retry-button** - The error state's "Try again" button.
   * - **launcher-button** - Launcher: the floating button.
   * - **launcher-icon** - Launcher: the button's icons (chat when closed, close when open).
   * - **launcher-label** - Launcher: the button's visible text, from `label`.
   * - **unread-indicator** - Launcher: the dot shown when a reply arrived while the panel was closed.
   * - **panel** - Launcher: the chat panel, a popover in the top layer (modal when full screen). It comes with the element's core, when the chat first starts.
   * - **close-button** - Launcher: the panel's close control, shown when the panel is full screen.
   */
  "chatkit-embed": Partial<ChatKitEmbedProps & BaseProps & BaseEvents>;
};
