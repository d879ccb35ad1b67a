/**
 * What an OpenAI API key looks like, in one place for the element, the server and the
 * snippet builder. Secret keys start with `sk-` (also `sk-proj-`, `sk-svcacct-`,
 * `sk-admin-`). Two strengths, on purpose:
 * - `looksLikeApiKey`: a whole key, 16 or more characters after `sk-`. The element
 *   refuses its configuration and the doctor fails on it, so a false alarm would stop a
 *   working chat.
 * - `mentionsApiKey` and `maskApiKeys`: anything shaped like one at the start of a word,
 *   short or partly masked (`sk-abc***`). Logs redact it and forms warn about it, where a
 *   false alarm costs nothing.
 */
const WHOLE_KEY = /(^|[^A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}/;
const KEY_LIKE = /\bsk-[A-Za-z0-9_*-]{8,}/g;

export function looksLikeApiKey(value: unknown): boolean {
  return typeof value === 'string' && WHOLE_KEY.test(value);
}

export function mentionsApiKey(text: string): boolean {
  // `search` ignores the global flag's lastIndex, so repeated calls cannot drift.
  return text.search(KEY_LIKE) >= 0;
}

/** `text` with every key-shaped part replaced by `mask(part)` (`[redacted]` by default). */
export function maskApiKeys(text: string, mask: (key: string) => string = () => '[redacted]'): string {
  return text.replace(KEY_LIKE, mask);
}
