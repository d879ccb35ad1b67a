/**
 * Errors a handler answers with: a stable `code` for programs, a `message` for people,
 * never a key, a secret or an upstream body.
 */
export type ServerErrorCode =
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'invalid_json'
  | 'unauthenticated'
  | 'rate_limited'
  | 'openai_key_rejected'
  | 'workflow_not_found'
  | 'openai_rejected_request'
  | 'openai_rate_limited'
  | 'openai_unavailable'
  | 'openai_timeout'
  | 'not_found'
  | 'invalid_request'
  | 'unsupported'
  | 'invalid_upload'
  | 'storage_full'
  | 'store_unavailable'
  | 'store_failed'
  | 'files_not_deleted'
  | 'internal_error';

export class ServerError extends Error {
  override readonly name = 'ServerError';
  readonly status: number;
  readonly code: ServerErrorCode;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ServerErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set('content-type', 'application/json; charset=utf-8');
  response.headers.set('cache-control', 'no-store');
  return response;
}

export function errorResponse(error: ServerError): Response {
  return jsonResponse(error.status, { error: { code: error.code, message: error.message } }, error.headers);
}
