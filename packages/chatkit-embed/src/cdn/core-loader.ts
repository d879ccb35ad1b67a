/**
 * The script-tag build's `loadCore`: loads `chatkit-embed-core.js` from the folder the
 * bundle itself came from, with the same nonce and Trusted Types policy as every other
 * script the element adds.
 */
import type { Core } from '../element/core-loader.js';
import { loadScript, type ScriptLoadOptions } from '../connector/script-loader.js';
import { CORE_KEY } from './core-key.js';
import { ownScript } from './own-script.js';

const bundle = ownScript?.src;

export async function loadCore(options: ScriptLoadOptions): Promise<Core> {
  const registry = globalThis as Record<symbol, Core | undefined>;
  if (!registry[CORE_KEY]) {
    if (!bundle) throw new Error('chatkit-embed could not tell where its own script came from.');
    await loadScript(document, { ...options, src: new URL('chatkit-embed-core.js', bundle).href, label: "chatkit-embed's core script" });
  }
  const core = registry[CORE_KEY];
  if (!core) throw new Error("chatkit-embed's core script loaded but did not register itself.");
  return core;
}
