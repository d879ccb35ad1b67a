// Generated from custom-elements.json by scripts/framework-types.mjs (npm run analyze): do not edit.
import type { DefineComponent } from 'vue';
import type { ChatKitEmbed } from 'chatkit-embed/element';

/**
 * What a Vue template may pass to <chatkit-embed>. Vue camelizes names before it checks
 * them, so `session-url="…"` and `:sessionUrl="…"` are the same prop here, and
 * `@chatkit-embed-ready` is the listener `onChatkitEmbedReady`. With Vue's
 * `strictTemplates` (or `checkUnknownProps` and `checkUnknownEvents`), a misspelt
 * name is an error too; without them Vue lets unknown names through as attributes.
 */
export interface ChatKitEmbedVueProps {
  /** `inline` shows the chat in the element's box; `launcher` shows a floating button that opens it in a panel. */
  mode?: ChatKitEmbed['mode'];
  /** Launcher: whether the panel is open. Reflected as the `open` attribute. Use `open()`, `close()` and `toggle()` for the events. */
  open?: ChatKitEmbed['opened'];
  /** When the chat loads: `eager` at once, `lazy` when the element nears the viewport (inline default), `intent` when the reader points at, touches or focuses it (launcher default). */
  loading?: ChatKitEmbed['loading'];
  /** Launcher: visible text on the button next to its icon; its accessible name is "Chat" without it. */
  label?: ChatKitEmbed['label'];
  /** Launcher: the corner of the button, `end` (right on left-to-right pages) or `start`. */
  position?: ChatKitEmbed['position'];
  /** Launcher: keeps the open state and the current thread across page loads, in `localStorage`, per endpoint. */
  remember?: ChatKitEmbed['remember'];
  /** Logs the element's timeline (script, secrets, options, ready, diagnostics) to the console, with every secret and token redacted. */
  debug?: ChatKitEmbed['debug'];
  /** Receives each timeline entry, and ChatKit's `chatkit.log` and `chatkit.error` events, as one `ChatKitEmbedLogEntry` shape. Secrets are redacted. */
  log?: ChatKitEmbed['log'];
  /** Launcher: the panel fills the screen (and keeps focus) on viewports at most this many pixels wide, or at most 500 px high. */
  fullscreenWidth?: ChatKitEmbed['fullscreenWidth'];
  /** Hosted mode: endpoint that answers `POST` with `{ client_secret, expires_at? }`. With `api-url`: endpoint for the backend's bearer tokens, same shape. */
  sessionUrl?: ChatKitEmbed['sessionUrl'];
  /** Self-hosted mode: URL of your ChatKit-protocol server. */
  apiUrl?: ChatKitEmbed['apiUrl'];
  /** Self-hosted mode: the domain key from OpenAI's domain allowlist (any placeholder on localhost). */
  domainKey?: ChatKitEmbed['domainKey'];
  /** URL of OpenAI's ChatKit script, for tests or a proxy. */
  scriptSrc?: ChatKitEmbed['scriptSrc'];
  /** Milliseconds to wait for ChatKit, first for its script to define `openai-chatkit`, then for it to be ready, before showing an error. */
  loadTimeout?: ChatKitEmbed['loadTimeout'];
  /** Milliseconds each request to `session-url` may take before it is abandoned (and retried). */
  sessionTimeout?: ChatKitEmbed['sessionTimeout'];
  /** Colour scheme: `light`, `dark`, or `auto` to follow the reader's system setting live. */
  theme?: ChatKitEmbed['theme'];
  /** Accent colour, any CSS colour (`theme.color.accent.primary`). */
  accentColor?: ChatKitEmbed['accentColor'];
  /** Corner roundness: `pill`, `round`, `soft` or `sharp`. */
  radius?: ChatKitEmbed['radius'];
  /** Spacing: `compact`, `normal` or `spacious`. */
  density?: ChatKitEmbed['density'];
  /** Language of ChatKit and of the element's own words, such as `de` or `fr-CA`; defaults to the page's `lang`, then the browser's. */
  locale?: ChatKitEmbed['locale'];
  /** The element's own words, replacing any of its texts in every language: a JSON object such as `{"retry": "Reload"}` (see "Languages"). */
  strings?: ChatKitEmbed['strings'];
  /** Greeting on the start screen. */
  greeting?: ChatKitEmbed['greeting'];
  /** Placeholder of the message box. */
  placeholder?: ChatKitEmbed['placeholder'];
  /** Starter prompts: `First|Second`, or a JSON array of strings or `{label, prompt, icon?}`. */
  starterPrompts?: ChatKitEmbed['starterPrompts'];
  /** Fixed header title, instead of the thread's title. */
  headerTitle?: ChatKitEmbed['headerTitle'];
  /** Turns the thread history panel off. */
  noHistory?: ChatKitEmbed['noHistory'];
  /** Thread to open first (ChatKit's `initialThread`). */
  threadId?: ChatKitEmbed['threadId'];
  /** Markdown disclaimer below the message box. */
  disclaimer?: ChatKitEmbed['disclaimer'];
  /** Accessible title of ChatKit's frame. */
  frameTitle?: ChatKitEmbed['frameTitle'];
  /** Any `ChatKitOptions`, functions included. Attributes override the fields they name; `api` comes from the backend attributes when they are set. */
  options?: ChatKitEmbed['options'];
  /** Hosted mode: your own `getClientSecret(current)`, used instead of `session-url`. */
  getClientSecret?: ChatKitEmbed['getClientSecret'];
  /** Extra headers for requests to `session-url`: a plain object, `Headers` or name/value pairs. None may hold an API key. */
  sessionHeaders?: ChatKitEmbed['sessionHeaders'];
  /** Credentials mode for requests to `session-url` (`include` for a cross-origin endpoint that uses cookies). */
  sessionCredentials?: ChatKitEmbed['sessionCredentials'];
  /** JSON body for requests to `session-url`; `{}` when unset. */
  sessionBody?: ChatKitEmbed['sessionBody'];
  /** OpenAI's ChatKit script is loaded and `openai-chatkit` is defined. `detail: { src }`. */
  onChatkitEmbedScriptLoad?: (event: GlobalEventHandlersEventMap['chatkit-embed-script-load']) => void;
  /** ChatKit is ready; method calls queued before now have started running. */
  onChatkitEmbedReady?: (event: GlobalEventHandlersEventMap['chatkit-embed-ready']) => void;
  /** The element found a likely reason for a blank or broken chat. `detail: { code, level, message, fix, params }`; codes are listed under "Why is my chat blank?". */
  onChatkitEmbedDiagnostic?: (event: GlobalEventHandlersEventMap['chatkit-embed-diagnostic']) => void;
  /** Launcher: the panel is about to open, by the button or `open()`/`toggle()`. Cancelable. */
  onChatkitEmbedOpen?: (event: GlobalEventHandlersEventMap['chatkit-embed-open']) => void;
  /** Launcher: the panel is about to close, by the button, Esc, the close control or `close()`/`toggle()`. Cancelable. */
  onChatkitEmbedClose?: (event: GlobalEventHandlersEventMap['chatkit-embed-close']) => void;
  /** Something failed. `detail: { code, message, attribute?, status?, fatal, error }`; `code` is `script-load-failed`, `session-failed`, `config-invalid` or `not-ready`. With `fatal` the element shows its error state. */
  onChatkitEmbedError?: (event: GlobalEventHandlersEventMap['chatkit-embed-error']) => void;
  /** Re-dispatched from ChatKit: its frame has loaded. */
  'onChatkit.ready'?: (event: GlobalEventHandlersEventMap['chatkit.ready']) => void;
  /** Re-dispatched from ChatKit: `detail: { error }`. */
  'onChatkit.error'?: (event: GlobalEventHandlersEventMap['chatkit.error']) => void;
  /** Re-dispatched from ChatKit: a client effect, `detail: { name, data? }`. */
  'onChatkit.effect'?: (event: GlobalEventHandlersEventMap['chatkit.effect']) => void;
  /** Re-dispatched from ChatKit: a `chatkit-link://` was clicked, `detail: { name, data? }`. */
  'onChatkit.deeplink'?: (event: GlobalEventHandlersEventMap['chatkit.deeplink']) => void;
  /** Re-dispatched from ChatKit: the assistant started answering. */
  'onChatkit.response.start'?: (event: GlobalEventHandlersEventMap['chatkit.response.start']) => void;
  /** Re-dispatched from ChatKit: the assistant finished answering. */
  'onChatkit.response.end'?: (event: GlobalEventHandlersEventMap['chatkit.response.end']) => void;
  /** Re-dispatched from ChatKit: the history view opened. */
  'onChatkit.history.open'?: (event: GlobalEventHandlersEventMap['chatkit.history.open']) => void;
  /** Re-dispatched from ChatKit: the history view closed. */
  'onChatkit.history.close'?: (event: GlobalEventHandlersEventMap['chatkit.history.close']) => void;
  /** Re-dispatched from ChatKit: `detail: { threadId }`. */
  'onChatkit.thread.change'?: (event: GlobalEventHandlersEventMap['chatkit.thread.change']) => void;
  /** Re-dispatched from ChatKit: `detail: { threadId }`. */
  'onChatkit.thread.load.start'?: (event: GlobalEventHandlersEventMap['chatkit.thread.load.start']) => void;
  /** Re-dispatched from ChatKit: `detail: { threadId }`. */
  'onChatkit.thread.load.end'?: (event: GlobalEventHandlersEventMap['chatkit.thread.load.end']) => void;
  /** Re-dispatched from ChatKit: `detail: { toolId }`. */
  'onChatkit.tool.change'?: (event: GlobalEventHandlersEventMap['chatkit.tool.change']) => void;
  /** Re-dispatched from ChatKit: diagnostics, `detail: { name, data? }`. */
  'onChatkit.log'?: (event: GlobalEventHandlersEventMap['chatkit.log']) => void;
}

export type CustomElements = {
  /** Puts an OpenAI ChatKit chat on any page. Loads OpenAI's ChatKit script, fetches and refreshes the session secrets (hosted) or bearer tokens (self-hosted), and passes the full option set to ChatKit whenever an attribute or property changes. */
  'chatkit-embed': DefineComponent<ChatKitEmbedVueProps>;
};

declare module 'vue' {
  interface GlobalComponents extends CustomElements {}
}
