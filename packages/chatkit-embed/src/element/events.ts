/**
 * The element's own events. Each bubbles and is composed; names follow the tag.
 * ChatKit's `chatkit.*` events are re-dispatched on the element as they are.
 */
import type { ChatKitEvents } from '@openai/chatkit';
import type { ChatKitEmbedDiagnostic } from '../diagnostics/diagnostics.js';
import type { ChatKitEmbedError, ChatKitEmbedErrorCode } from './errors.js';

const init = { bubbles: true, composed: true } as const;

export interface ChatKitEmbedScriptLoadDetail {
  /** The script URL that defined `openai-chatkit`. */
  src: string;
}

/** OpenAI's ChatKit script is loaded and `openai-chatkit` is defined. */
export class ChatKitEmbedScriptLoadEvent extends CustomEvent<ChatKitEmbedScriptLoadDetail> {
  static readonly eventName = 'chatkit-embed-script-load';
  constructor(src: string) {
    super(ChatKitEmbedScriptLoadEvent.eventName, { ...init, detail: { src } });
  }
}

/** ChatKit is ready: queued method calls run now. */
export class ChatKitEmbedReadyEvent extends CustomEvent<void> {
  static readonly eventName = 'chatkit-embed-ready';
  constructor() {
    super(ChatKitEmbedReadyEvent.eventName, init);
  }
}

/** The launcher's panel is about to open. Cancelable: `preventDefault()` keeps it closed. */
export class ChatKitEmbedOpenEvent extends Event {
  static readonly eventName = 'chatkit-embed-open';
  constructor() {
    super(ChatKitEmbedOpenEvent.eventName, { ...init, cancelable: true });
  }
}

/** The launcher's panel is about to close. Cancelable: `preventDefault()` keeps it open. */
export class ChatKitEmbedCloseEvent extends Event {
  static readonly eventName = 'chatkit-embed-close';
  constructor() {
    super(ChatKitEmbedCloseEvent.eventName, { ...init, cancelable: true });
  }
}

/** The element found a likely reason for a blank or broken chat. `detail` is the diagnostic. */
export class ChatKitEmbedDiagnosticEvent extends CustomEvent<ChatKitEmbedDiagnostic> {
  static readonly eventName = 'chatkit-embed-diagnostic';
  constructor(diagnostic: ChatKitEmbedDiagnostic) {
    super(ChatKitEmbedDiagnosticEvent.eventName, { ...init, detail: diagnostic });
  }
}

export interface ChatKitEmbedErrorDetail {
  code: ChatKitEmbedErrorCode;
  message: string;
  /** The attribute or option at fault, for `config-invalid`. */
  attribute?: string;
  /** The session endpoint's HTTP status, for `session-failed`. */
  status?: number;
  /** Whether the element stopped and shows its error state. */
  fatal: boolean;
  error: ChatKitEmbedError;
}

/** Something failed. `detail.code` says what; the message is safe to show or log. */
export class ChatKitEmbedErrorEvent extends CustomEvent<ChatKitEmbedErrorDetail> {
  static readonly eventName = 'chatkit-embed-error';
  constructor(error: ChatKitEmbedError, fatal: boolean) {
    super(ChatKitEmbedErrorEvent.eventName, {
      ...init,
      detail: {
        code: error.code,
        message: error.message,
        ...(error.attribute !== undefined && { attribute: error.attribute }),
        ...(error.status !== undefined && { status: error.status }),
        fatal,
        error,
      },
    });
  }
}

declare global {
  // ChatKit's events reach the page from <chatkit-embed> under their own names.
  interface GlobalEventHandlersEventMap extends ChatKitEvents {
    'chatkit-embed-script-load': ChatKitEmbedScriptLoadEvent;
    'chatkit-embed-ready': ChatKitEmbedReadyEvent;
    'chatkit-embed-error': ChatKitEmbedErrorEvent;
    'chatkit-embed-open': ChatKitEmbedOpenEvent;
    'chatkit-embed-diagnostic': ChatKitEmbedDiagnosticEvent;
    'chatkit-embed-close': ChatKitEmbedCloseEvent;
  }
}
