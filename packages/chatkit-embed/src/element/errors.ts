/**
 * Why the element could not show a chat. Stable: pages switch on it.
 *
 * - `script-load-failed`: OpenAI's ChatKit script did not load or never defined
 *   `openai-chatkit` (offline, ad blocker, Content-Security-Policy, Trusted Types).
 * - `session-failed`: the session endpoint (or a `getClientSecret` function) failed.
 * - `config-invalid`: an attribute or option is missing or has a value the element refuses.
 * - `not-ready`: a method was called but ChatKit never became ready to run it.
 */
export type ChatKitEmbedErrorCode = 'script-load-failed' | 'session-failed' | 'config-invalid' | 'not-ready';

import type { ChatKitEmbedDiagnostic } from '../diagnostics/diagnostics.js';

export interface ChatKitEmbedErrorInit {
  /** The attribute (or `options.<path>`) at fault, for `config-invalid`. */
  attribute?: string;
  /** HTTP status of the session endpoint, for `session-failed`. */
  status?: number;
  /** The diagnostic behind the error: its stable code and the fix. */
  diagnostic?: ChatKitEmbedDiagnostic;
  cause?: unknown;
}

/**
 * The one error type the element reports. Its message is written for the site owner and
 * never contains a secret, a token or a response body.
 */
export class ChatKitEmbedError extends Error {
  override readonly name = 'ChatKitEmbedError';
  readonly code: ChatKitEmbedErrorCode;
  readonly attribute?: string;
  readonly status?: number;
  readonly diagnostic?: ChatKitEmbedDiagnostic;

  constructor(code: ChatKitEmbedErrorCode, message: string, init: ChatKitEmbedErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    if (init.attribute !== undefined) this.attribute = init.attribute;
    if (init.status !== undefined) this.status = init.status;
    if (init.diagnostic !== undefined) this.diagnostic = init.diagnostic;
  }
}
