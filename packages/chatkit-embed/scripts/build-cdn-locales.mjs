// Writes the script-tag build's translations: dist/cdn/locales/<language>.js, one classic
// script each, registering its texts where `src/cdn/locale-loader.ts` looks for them.
// They are data, so they come from the npm build (dist/i18n/locales) without a bundler.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const files = readdirSync(new URL('i18n/locales/', dist)).filter((name) => name.endsWith('.js'));
if (!files.length) throw new Error('No translations in dist/i18n/locales: run the npm build (npm run build:npm) first.');

mkdirSync(new URL('cdn/locales/', dist), { recursive: true });
for (const file of files) {
  const language = file.slice(0, -3);
  const { strings } = await import(new URL(`i18n/locales/${file}`, dist).href);
  // The key matches LOCALES_KEY in src/cdn/core-key.ts.
  const key = JSON.stringify(`chatkit-embed.locales@${version}`);
  writeFileSync(
    new URL(`cdn/locales/${file}`, dist),
    `(globalThis[Symbol.for(${key})]??={})[${JSON.stringify(language)}]=${JSON.stringify(strings)};\n`,
  );
}
console.log(`dist/cdn/locales: ${files.length} translations`);
