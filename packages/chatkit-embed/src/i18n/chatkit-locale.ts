/**
 * The `locale` ChatKit gets when the page sets none but declares a `lang`: the tag
 * itself when it is one of ChatKit's regional locales (`fr-CA` stays `fr-CA`), else the
 * language the element found for it (`de-AT` → `de`), else nothing and ChatKit follows
 * the browser. A unit test checks this against every `SupportedLocale` in ChatKit's types.
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
  const normal = tag.trim().toLowerCase();
  const regional = REGIONAL.find((known) => known.toLowerCase() === normal);
  return ((regional ?? matchLanguage(tag)) as SupportedLocale | null) ?? undefined;
}
