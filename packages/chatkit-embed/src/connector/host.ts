/**
 * What the connector and the element's shell know of each other. The connector depends
 * on these interfaces, not on the element class, so the lazily loaded core never
 * imports the shell (and the two cannot form an import cycle).
 */
import type { ReactiveControllerHost } from '@lit/reactive-element';
import type { ChatKitOptions, OpenAIChatKit } from '@openai/chatkit';
import type { ChatKitEmbedDiagnostic } from '../diagnostics/diagnostics.js';
import type { RawAttributes } from '../element/attribute-parsers.js';
import type { ChatKitEmbedErrorCode, ChatKitEmbedErrorInit } from '../element/errors.js';
import type { ChatKitEmbedMode, ChatKitEmbedState } from '../element/types.js';

/**
 * The element as the connector reads it: its configuration, its state, the node its
 * events go out from, and a host for the connector's own controllers.
 */
export interface HostElement extends HTMLElement, ReactiveControllerHost, RawAttributes {
  readonly mode: ChatKitEmbedMode;
  readonly state: ChatKitEmbedState;
  readonly error: { readonly code: ChatKitEmbedErrorCode } | null;
  /** Resolves once the shell has rendered (the chat box exists). */
  readonly updateComplete: Promise<boolean>;
  readonly scriptSrc: string;
  readonly apiUrl: string | null;
  readonly domainKey: string | null;
  readonly sessionUrl: string | null;
  readonly loadTimeout: number;
  readonly sessionTimeout: number;
  readonly options: Partial<ChatKitOptions> | null;
  readonly getClientSecret: ((currentClientSecret: string | null) => Promise<string>) | null;
  readonly sessionHeaders: HeadersInit | null;
  readonly sessionCredentials: RequestCredentials;
  readonly sessionBody: unknown;
  readonly strings: unknown;
}

/** A failure as plain data; the shell makes a `ChatKitEmbedError` of it. */
export interface Failure extends ChatKitEmbedErrorInit {
  code: ChatKitEmbedErrorCode;
  message: string;
  /** What the failure means for the site owner, and the fix. */
  diagnostic?: ChatKitEmbedDiagnostic;
}

/** What the connector needs from the element's shell. */
export interface ConnectorHost {
  /** The element: its configuration properties, attributes and events. */
  readonly element: HostElement;
  /** The box `openai-chatkit` goes into. */
  readonly chatBox: HTMLElement;
  /** A thread to open when the page names none (the launcher's remembered thread). */
  readonly fallbackThreadId: string | null;
  /** ChatKit's script URL as a Trusted Types value, through the shell's private policy. */
  scriptURL(url: string): unknown;
  /** The shell's error object for a failure, to throw to ChatKit. */
  error(failure: Failure): Error;
  /** Starts the chat over (a new backend, a fixed configuration). */
  restart(): void;
  onScriptLoad(src: string): void;
  onReady(chatkit: OpenAIChatKit): void;
  onFailure(failure: Failure, fatal: boolean): void;
  /** A finding that stops nothing by itself: warnings, and ChatKit's own errors. */
  onDiagnostic(diagnostic: ChatKitEmbedDiagnostic): void;
  /** One entry of the debug timeline. `data` is already redacted. */
  log(source: 'element' | 'chatkit', event: string, data?: unknown): void;
}
