/**
 * Every translation of an npm build, each a chunk of its own that a bundler splits off.
 * One `import()` per language, spelled out, because every bundler splits a literal path
 * and not all of them a template. This table is itself loaded on demand (see
 * `locale-loader.ts`), so an English page never downloads it.
 */
import type { ChatKitEmbedStrings } from './strings.js';

type Translation = () => Promise<{ strings: ChatKitEmbedStrings }>;

export const translations: Record<string, Translation> = {
  am: () => import('./locales/am.js'),
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  bn: () => import('./locales/bn.js'),
  bs: () => import('./locales/bs.js'),
  ca: () => import('./locales/ca.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  gu: () => import('./locales/gu.js'),
  hi: () => import('./locales/hi.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  hy: () => import('./locales/hy.js'),
  id: () => import('./locales/id.js'),
  is: () => import('./locales/is.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ka: () => import('./locales/ka.js'),
  kk: () => import('./locales/kk.js'),
  kn: () => import('./locales/kn.js'),
  ko: () => import('./locales/ko.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  mk: () => import('./locales/mk.js'),
  ml: () => import('./locales/ml.js'),
  mn: () => import('./locales/mn.js'),
  mr: () => import('./locales/mr.js'),
  ms: () => import('./locales/ms.js'),
  my: () => import('./locales/my.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  pa: () => import('./locales/pa.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  'pt-PT': () => import('./locales/pt-PT.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  so: () => import('./locales/so.js'),
  sq: () => import('./locales/sq.js'),
  sr: () => import('./locales/sr.js'),
  sv: () => import('./locales/sv.js'),
  sw: () => import('./locales/sw.js'),
  ta: () => import('./locales/ta.js'),
  te: () => import('./locales/te.js'),
  th: () => import('./locales/th.js'),
  tl: () => import('./locales/tl.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  ur: () => import('./locales/ur.js'),
  vi: () => import('./locales/vi.js'),
  zh: () => import('./locales/zh.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
};

export async function loadTranslation(language: string): Promise<ChatKitEmbedStrings> {
  const load = translations[language];
  if (!load) throw new Error(`chatkit-embed has no translation for "${language}".`);
  return (await load()).strings;
}
