/**
 * The script-tag build's `loadCore`: loads `chatkit-embed-core.js` from the folder the
 * bundle itself came from.
 */
import type { Core } from '../element/core-loader.js';
import type { ScriptLoadOptions } from '../connector/script-loader.js';
import { CORE_KEY } from './core-key.js';
import { loadOwnFile } from './own-files.js';

export function loadCore(options: ScriptLoadOptions): Promise<Core> {
  return loadOwnFile(
    'chatkit-embed-core.js',
    "chatkit-embed's core script",
    options,
    () => (globalThis as Record<symbol, Core | undefined>)[CORE_KEY],
  );
}
