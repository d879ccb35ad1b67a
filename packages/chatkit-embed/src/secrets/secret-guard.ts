/**
 * Refuses OpenAI API keys on the page. A key in the browser can be read by anyone who
 * loads the page and spent on the owner's account, so the element never sends one
 * anywhere. Messages name where the key was found, never the key.
 */

import { looksLikeApiKey } from '../shared/api-key.js';

export { looksLikeApiKey };

/**
 * Path of the first string that looks like an API key inside `value` (plain objects and
 * arrays only; functions and class instances are not walked), or `undefined`.
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

export function apiKeyMessage(where: string): string {
  return (
    `${where} looks like an OpenAI API key (sk-...), so the chat refuses it. API keys must ` +
    'stay on your server: anyone who loads this page could read one and spend on your ' +
    'account. Create ChatKit sessions on the server and point session-url at that endpoint.'
  );
}
