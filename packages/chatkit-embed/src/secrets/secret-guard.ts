/**
 * Refuses OpenAI API keys on the page. A key in the browser can be read by anyone who
 * loads the page and spent on the owner's account, so the element never sends one
 * anywhere. Messages name where the key was found, never the key.
 */

import { looksLikeApiKey } from '../shared/api-key.js';

export { looksLikeApiKey };

/**
 * Path of the first string that looks like an API key inside `value`, or `undefined`.
 * Walks plain objects, arrays (header pairs included) and the iterable containers a
 * page may pass as headers or a body: `Headers`, `Map`, `URLSearchParams`, `FormData`.
 * Functions and other class instances are not walked.
 */
export function findApiKey(value: unknown, path: string): string | undefined {
  const seen = new Set<unknown>();
  const walk = (node: unknown, at: string): string | undefined => {
    if (looksLikeApiKey(node)) return at;
    if (node === null || typeof node !== 'object' || seen.has(node)) return undefined;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const hit = walk(node[i], `${at}[${i}]`);
        if (hit) return hit;
      }
      return undefined;
    }
    const entries = containerEntries(node);
    if (entries) {
      for (const [key, child] of entries) {
        // A key used as the name itself is reported without repeating it.
        if (looksLikeApiKey(key)) return `${at} (an entry's name)`;
        const hit = walk(child, `${at}[${typeof key === 'string' ? JSON.stringify(key) : '…'}]`);
        if (hit) return hit;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== null) return undefined;
    for (const [key, child] of Object.entries(node)) {
      const hit = walk(child, `${at}.${key}`);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(value, path);
}

/** The entries of a `Headers`, `Map`, `URLSearchParams` or `FormData`, else `undefined`. */
function containerEntries(node: object): Iterable<[unknown, unknown]> | undefined {
  // `instanceof` per global, since a runtime may lack some (Node has no FormData in old versions).
  const kinds = [globalThis.Headers, globalThis.Map, globalThis.URLSearchParams, globalThis.FormData];
  if (!kinds.some((kind) => typeof kind === 'function' && node instanceof kind)) return undefined;
  return (node as { entries(): Iterable<[unknown, unknown]> }).entries();
}

export function apiKeyMessage(where: string): string {
  return (
    `${where} looks like an OpenAI API key (sk-...), so the chat refuses it. API keys must ` +
    'stay on your server: anyone who loads this page could read one and spend on your ' +
    'account. Create ChatKit sessions on the server and point session-url at that endpoint.'
  );
}
