/**
 * The script-tag build's `loadStrings`: a translation is a small classic script of its
 * own, `locales/<language>.js` next to the bundle (written by
 * `scripts/build-cdn-locales.mjs`), which registers itself under `LOCALES_KEY`.
 */
import type { ChatKitEmbedStrings } from '../i18n/strings.js';
import type { ScriptLoadOptions } from '../connector/script-loader.js';
import { LOCALES_KEY } from './core-key.js';
import { loadOwnFile } from './own-files.js';

export function loadStrings(language: string, options: ScriptLoadOptions): Promise<ChatKitEmbedStrings> {
  const registry = ((globalThis as Record<symbol, Record<string, ChatKitEmbedStrings> | undefined>)[LOCALES_KEY] ??= {});
  return loadOwnFile(`locales/${language}.js`, `chatkit-embed's "${language}" texts`, options, () => registry[language]);
}
