import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringsIssues } from '../../src/element/attribute-parsers.js';
import { chatKitLocale } from '../../src/i18n/chatkit-locale.js';
import { TRANSLATED, matchLanguage } from '../../src/i18n/languages.js';
import { english } from '../../src/i18n/core-english.js';
import { shellEnglish, stringsConverter, withOverrides, type ChatKitEmbedStrings } from '../../src/i18n/strings.js';
import { translations } from '../../src/i18n/translations.js';

describe('matchLanguage', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE-at', 'de'],
    ['fr_CA', 'fr'],
    ['es-419', 'es'],
    ['en-GB', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hans-HK', 'zh'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['pt', 'pt'],
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt-PT'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['fil-PH', 'tl'],
    [' ar ', 'ar'],
    ['he', null],
    ['x-klingon', null],
    ['', null],
    [null, null],
    [5, null],
    [{}, null],
  ])('%j → %j', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });
});

describe('the translations', () => {
  const files = readdirSync(new URL('../../src/i18n/locales/', import.meta.url)).map((name) => name.replace(/\.ts$/, ''));

  it('are one file and one loader per language, and nothing else', () => {
    expect([...files].sort()).toEqual([...TRANSLATED].sort());
    expect(Object.keys(translations).sort()).toEqual([...TRANSLATED].sort());
  });

  it.each(TRANSLATED)('%s has every text, each its own and not empty', async (language) => {
    const { strings } = (await import(`../../src/i18n/locales/${language}.ts`)) as { strings: ChatKitEmbedStrings };
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    for (const text of Object.values(strings)) expect(text.trim()).not.toBe('');
    // Untranslated English left behind would show up here first: every language words
    // its loading state differently.
    expect(strings.loading).not.toBe(english.loading);
    expect((await translations[language]!()).strings).toBe(strings);
  });
});

describe('chatKitLocale', () => {
  // Read from ChatKit's published types, so a locale ChatKit adds fails here.
  const types = readFileSync(chatKitTypes(), 'utf8');
  const union = (name: string) =>
    [
      ...types
        .slice(types.indexOf(`export type ${name} =`))
        .split(';')[0]!
        .matchAll(/'([^']+)'/g),
    ].map((m) => m[1]!);
  const supported = [...union('TranslatedLocale'), ...union('SupportedLocale')];

  it('finds every locale ChatKit supports', () => {
    expect(supported.length).toBeGreaterThan(100);
    for (const locale of supported) {
      expect(chatKitLocale(locale), locale).toBe(locale);
      expect(chatKitLocale(locale.toUpperCase()), locale).toBe(locale);
    }
  });

  it('gives the language for a region ChatKit lacks, and English where the element speaks English', () => {
    expect(chatKitLocale('de-AT')).toBe('de');
    expect(chatKitLocale('zh-Hant-TW')).toBe('zh-Hant');
    expect(chatKitLocale('es-MX')).toBe('es-419');
    expect(chatKitLocale('es_AR')).toBe('es-419');
    expect(chatKitLocale('es-ES')).toBe('es-ES');
    expect(chatKitLocale('es')).toBe('es');
    expect(chatKitLocale('he')).toBe('en');
    expect(chatKitLocale(null)).toBeUndefined();
  });
});

describe('strings', () => {
  it('overrides with non-empty texts only, also names English in the shell does not carry', () => {
    const overrides = { chat: 'Help', retry: '', close: 42, loading: 'Wait', nope: 'x' } as unknown as Partial<ChatKitEmbedStrings>;
    // An unknown name rides along unread; the connector reports it (see stringsIssues).
    expect(withOverrides(shellEnglish, overrides)).toEqual({ ...shellEnglish, chat: 'Help', loading: 'Wait', nope: 'x' });
    expect(withOverrides(english, null)).toEqual(english);
    expect(withOverrides(shellEnglish, JSON.parse('{"__proto__": "x"}'))).toEqual(shellEnglish);
  });

  it('has every text in English once, split between the shell and the core', () => {
    expect(Object.keys(english).sort()).toEqual([
      'chat',
      'chatNewReply',
      'close',
      'connectFailed',
      'details',
      'loadFailed',
      'loading',
      'newReply',
      'retry',
      'unavailable',
    ]);
  });

  it('reads the attribute as a JSON object, and anything else as nothing', () => {
    expect(stringsConverter.fromAttribute('{"chat":"Help"}')).toEqual({ chat: 'Help' });
    expect(stringsConverter.fromAttribute('["Help"]')).toBeNull();
    expect(stringsConverter.fromAttribute('{"chat":')).toBeNull();
    expect(stringsConverter.fromAttribute(null)).toBeNull();
  });

  it('reports a value that is not an object once, and inherited names as unknown', () => {
    expect(stringsIssues('{"retry":"x"}', null).map((issue) => issue.message)).toEqual([
      'strings must be an object of texts by name, such as { retry: "Reload" }; it is ignored.',
    ]);
    expect(stringsIssues(['x'], null)).toHaveLength(1);
    expect(stringsIssues(JSON.parse('{"toString": "x"}'), null)[0]!.message).toContain('"toString"');
  });

  it('names each problem', () => {
    expect(stringsIssues({ chat: 'Help' }, '{"chat":"Help"}')).toEqual([]);
    expect(stringsIssues(null, null)).toEqual([]);
    expect(stringsIssues(null, '{"chat":')[0]!.message).toBe('strings="{\\"chat\\":" is not a JSON object; it is ignored.');
    expect(stringsIssues({ chta: 'Help', retry: 3 }, null).map((issue) => issue.message)).toEqual([
      `strings has no text named "chta"; the names are ${Object.keys(english).join(', ')}.`,
      'strings.retry must be a non-empty string; it is ignored.',
    ]);
  });
});

/** ChatKit's published types, found the way Node finds a package: up the folders. */
function chatKitTypes(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'node_modules/@openai/chatkit/types/index.d.ts');
    if (existsSync(file)) return file;
  }
  throw new Error('@openai/chatkit is not installed');
}
