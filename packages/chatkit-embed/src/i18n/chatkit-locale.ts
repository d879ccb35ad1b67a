/**
 * The `locale` ChatKit gets when the page sets none but declares a `lang`: the tag
 * itself when it is one of ChatKit's regional locales (`fr-CA` stays `fr-CA`), Latin
 * American Spanish as `es-419`, else the language the element found for it (`de-AT` →
 * `de`), else English, which is what the element's own words fall back to, so the two
 * never disagree. Without a `lang`, nothing: ChatKit follows the browser, as the element
 * does. A unit test checks this against every `SupportedLocale` in ChatKit's types.
 */
import type { SupportedLocale } from '@openai/chatkit';
import { matchLanguage } from './languages.js';

/** ChatKit's regional locales; its language-only ones are the element's languages. */
const REGIONAL =
  'bg-BG bn-BD bs-BA ca-ES cs-CZ da-DK de-DE el-GR es-419 es-ES et-EE fi-FI fr-CA fr-FR gu-IN hi-IN hr-HR hu-HU hy-AM id-ID is-IS it-IT ja-JP ka-GE kn-IN ko-KR lv-LV mk-MK mr-IN ms-MY my-MM nb-NO nl-NL pl-PL pt-BR pt-PT ro-RO ru-RU sk-SK sl-SI so-SO sq-AL sr-RS sv-SE sw-TZ ta-IN te-IN th-TH tr-TR uk-UA vi-VN zh-CN zh-HK zh-TW'.split(
    ' ',
  );

export function chatKitLocale(tag: string | null): SupportedLocale | undefined {
  if (!tag) return undefined;
  const normal = tag.trim().toLowerCase().replace('_', '-');
  const regional = REGIONAL.find((known) => known.toLowerCase() === normal);
  if (regional) return regional as SupportedLocale;
  // Spanish outside Spain (es-MX, es-AR, es-US...) reads ChatKit's Latin American Spanish.
  if (/^es-(?!es\b)[a-z0-9]+$/.test(normal)) return 'es-419';
  return (matchLanguage(tag) ?? 'en') as SupportedLocale;
}
