/**
 * Loads a translation in an npm build: first the table of languages (a small chunk),
 * then the one language the page needs. The script-tag build swaps this module for
 * `cdn/locale-loader.ts`, which loads one small classic script instead.
 */
import type { ScriptLoadOptions } from '../connector/script-loader.js';
import type { ChatKitEmbedStrings } from './strings.js';

export async function loadStrings(language: string, _options: ScriptLoadOptions): Promise<ChatKitEmbedStrings> {
  return (await import('./translations.js')).loadTranslation(language);
}
