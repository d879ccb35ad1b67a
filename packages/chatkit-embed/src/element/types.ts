/** The element's public value types, in a module of their own so that the connector can name them without importing the element. */

/** One entry of the element's timeline, for the `log` callback and the `debug` console output. Never holds a secret. */
export interface ChatKitEmbedLogEntry {
  /** `Date.now()` when it happened. */
  time: number;
  /** The element's own lifecycle, or ChatKit's `chatkit.log` and `chatkit.error` events. */
  source: 'element' | 'chatkit';
  /** `script.requested`, `secret.received`, `ready`, `diagnostic`, `chatkit.log`, ... */
  event: string;
  data?: unknown;
}

/** How the chat sits in the page: in the element's own box, or behind a floating button. */
export type ChatKitEmbedMode = 'inline' | 'launcher';

/** What the element is showing: nothing yet, a loading state, the chat, or an error. */
export type ChatKitEmbedState = 'idle' | 'loading' | 'ready' | 'error';
