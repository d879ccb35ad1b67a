/**
 * Which language the element speaks, and which of its translations serves a language
 * tag. The list is the languages ChatKit translates its own UI into (`SupportedLocale` in
 * `@openai/chatkit`), one file each under `locales/`, so the frame and the chat agree.
 */

/**
 * Every translation there is, besides English. Regional variants get a file of their own
 * only where the element's few words differ: European Portuguese and Traditional Chinese.
 */
export const TRANSLATED =
  'am ar bg bn bs ca cs da de el es et fi fr gu hi hr hu hy id is it ja ka kk kn ko lt lv mk ml mn mr ms my nb nl pa pl pt pt-PT ro ru sk sl so sq sr sv sw ta te th tl tr uk ur vi zh zh-Hant'.split(
    ' ',
  );

/** Languages whose codes ChatKit or browsers spell another way. */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', fil: 'tl' };

/**
 * The translation for a BCP 47 tag (`de-AT` → `de`, `zh-TW` → `zh-Hant`, `pt-PT` →
 * `pt-PT`), `en` for English, or `null` when there is none and English stands in.
 */
export function matchLanguage(tag: unknown): string | null {
  // A page may set `locale` to anything from script; nothing here may throw.
  const [language = '', ...rest] = (typeof tag === 'string' ? tag : '').trim().toLowerCase().split(/[-_]/);
  const subtags = new Set(rest);
  if (language === 'en') return 'en';
  if (language === 'zh') {
    // The script decides (zh-Hans-HK is Simplified); without one, the region.
    const traditional = subtags.has('hant') || (!subtags.has('hans') && (subtags.has('tw') || subtags.has('hk') || subtags.has('mo')));
    return traditional ? 'zh-Hant' : 'zh';
  }
  if (language === 'pt' && subtags.has('pt')) return 'pt-PT';
  const base = ALIASES[language] ?? language;
  return TRANSLATED.includes(base) ? base : null;
}

/** Scripts written right to left, among the translations. */
export const isRightToLeft = (language: string) => language === 'ar' || language === 'ur';

/**
 * The language the reader gets: `locale` when the page set it, else the nearest `lang`
 * around the element (the page's), else the browser's (`navigator.language`, the one
 * ChatKit follows too, so the frame and the chat agree). A tag with no translation gives
 * `en`: a page that names a language is never overruled by the browser.
 */
export function readerLanguage(locale: unknown, element: Element, browser: string | undefined): string {
  return matchLanguage(locale || pageLanguage(element) || browser) ?? 'en';
}

/**
 * The language the page declares around the element: `lang` on it or an ancestor, out
 * through the shadow roots of the components it sits in (their hosts carry the page's).
 */
export function pageLanguage(element: Element): string | null {
  for (let node: Element | null = element; node;) {
    const found = node.closest('[lang]');
    if (found) return found.getAttribute('lang')!.trim() || null;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
