/**
 * The script-tag build's `loadCore`: loads `chatkit-embed-core.js` from the folder the
 * bundle itself came from.
 */
import type { Core } from '../element/core-loader.js';
import type { ScriptLoadOptions } from '../connector/script-loader.js';
import { CORE_KEY } from './core-key.js';
import { loadOwnFile } from './own-files.js';

export async function loadCore(options: ScriptLoadOptions): Promise<Core> {
  const registry = globalThis as Record<symbol, Core | undefined>;
  if (!registry[CORE_KEY]) await loadOwnFile('chatkit-embed-core.js', "chatkit-embed's core script", options);
  const core = registry[CORE_KEY];
  if (!core) throw new Error("chatkit-embed's core script loaded but did not register itself.");
  return core;
}
