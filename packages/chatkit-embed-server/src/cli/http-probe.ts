/**
 * Requests made from the command line to a deployed setup, as a page would make them:
 * with the page's Origin, a timeout, and failures described in words (ECONNREFUSED,
 * a timeout) rather than thrown. Shared by `doctor` and `threads`.
 */
import { looksLikeApiKey, maskApiKeys } from '../shared/api-key.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

export type ProbeResult = { ok: true; response: Response; ms: number } | { ok: false; error: string };

/** Fetches `url`, resolving to the response or to what went wrong; never rejects. */
export async function probe(url: string, init: RequestInit, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ProbeResult> {
  const started = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { ok: true, response, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, error: describeFetchError(error, timeoutMs) };
  }
}

/** `ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)`, `no answer within 10 s`, ... */
export function describeFetchError(error: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  if (err?.name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 100) / 10} s`;
  const cause = err?.cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  if (code) return cause?.message ? `${code} (${cause.message})` : code;
  return cause?.message ?? err?.message ?? String(error);
}

/** Whether a page on `origin` calling `url` makes a cross-origin (CORS) request. */
export function isCrossOrigin(origin: string | undefined, url: string): origin is string {
  return origin !== undefined && origin !== new URL(url).origin;
}

/** Headers a request from a page on `origin` carries. */
export function originHeaders(origin: string | undefined): Record<string, string> {
  return origin ? { origin } : {};
}

/** Whether `text` holds something shaped like an OpenAI API key. */
export function containsApiKey(text: string): boolean {
  return looksLikeApiKey(text);
}

/** A secret shown without giving it away: its first three characters and its length. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 3)}… (${secret.length} chars)`;
}

/**
 * The message of a JSON error answer (`{ error: { message } }`, `{ error: "..." }`,
 * `{ message }`), shortened and with anything shaped like a key masked, or `''`.
 */
export function errorMessageOf(body: string): string {
  let message: unknown;
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = json?.error;
    message = typeof error === 'string' ? error : ((error as { message?: unknown })?.message ?? json?.message ?? json?.detail);
  } catch {
    return '';
  }
  if (typeof message !== 'string' || !message.trim()) return '';
  const safe = maskApiKeys(message, maskSecret).replace(/\s+/g, ' ').trim();
  return safe.length > 160 ? `${safe.slice(0, 159)}…` : safe;
}

/** `HTTP 403` plus the answer's own error message, when it has one. */
export function statusWithMessage(status: number, body: string): string {
  const message = errorMessageOf(body);
  return message ? `HTTP ${status}: ${message}` : `HTTP ${status}`;
}

/**
 * A bearer token from a session-style endpoint (`POST` → `{ client_secret }`), as the
 * element gets one. Rejects with a readable message.
 */
export async function mintToken(tokenUrl: string, origin: string | undefined, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  const result = await probe(
    tokenUrl,
    { method: 'POST', headers: { 'content-type': 'application/json', ...originHeaders(origin) }, body: '{}', redirect: 'manual' },
    timeoutMs,
  );
  if (!result.ok) throw new Error(`${tokenUrl}: ${result.error}`);
  const text = await result.response.text();
  if (!result.response.ok) throw new Error(`${tokenUrl} answered ${statusWithMessage(result.response.status, text)}`);
  let secret: unknown;
  try {
    secret = (JSON.parse(text) as { client_secret?: unknown }).client_secret;
  } catch {
    throw new Error(`${tokenUrl} did not answer with JSON.`);
  }
  if (typeof secret !== 'string' || !secret) throw new Error(`${tokenUrl} answered without a client_secret.`);
  if (secret.startsWith('sk-')) {
    throw new Error(
      `${tokenUrl} answered with an OpenAI API key (${maskSecret(secret)}): it is leaking the key. Revoke it at platform.openai.com.`,
    );
  }
  return secret;
}
