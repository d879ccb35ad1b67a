/**
 * Fetches the element's core (`core.ts`: the connector and the chat view) when a chat
 * first starts. Bundlers turn this `import()` into a separate chunk; the script-tag
 * build swaps this module for `cdn/core-loader.ts`, which loads a second classic script.
 */
import type { ScriptLoadOptions } from '../connector/script-loader.js';

export type Core = typeof import('./core.js');

export function loadCore(_options: ScriptLoadOptions): Promise<Core> {
  return import('./core.js');
}
