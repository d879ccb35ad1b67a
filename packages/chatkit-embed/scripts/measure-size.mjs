// Bundle size measurement shared by the size budget check and the benchmarks.
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// The package's own folder, so that the benchmark can measure from the repository root.
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Raw, gzip (level 9) and brotli (quality 11) bytes. */
export function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The largest of the script-tag build's translations: a page loads at most one. */
export function largestCdnTranslation() {
  const folder = `${packageDir}dist/cdn/locales`;
  return readdirSync(folder)
    .map((name) => readFileSync(`${folder}/${name}`))
    .reduce((largest, bytes) => (bytes.length > largest.length ? bytes : largest));
}

/**
 * The npm entry as a bundler ships it: minified, split where the code says `import()`.
 * `entry` is what a page loads up front: the entry chunk and every chunk it imports
 * statically; `lazy` is what loads when a chat first starts; `translation` is what a
 * page in another language than English loads for the element's own words: the table
 * of languages and the largest one-language chunk. ChatKit's types are
 * external (types only); Lit is external unless `withLit`, which is what an app that
 * does not use Lit otherwise really adds.
 */
export async function npmEntryBytes({ withLit = false } = {}) {
  const result = await build({
    absWorkingDir: packageDir,
    entryPoints: ['dist/index.js'],
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: 'npm-size',
    write: false,
    metafile: true,
    external: ['@openai/chatkit', ...(withLit ? [] : ['lit', 'lit/*', '@lit/*'])],
  });
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'dist/index.js');
  const upFront = new Set();
  const visit = (path) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const { path: imported, kind } of outputs[path].imports) if (kind === 'import-statement' && outputs[imported]) visit(imported);
  };
  visit(entryPath);
  const chunks = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  const isUpFront = (file) => [...upFront].some((path) => file.path.endsWith(path));
  const chunkOf = (entryPoint) => (file) =>
    Object.keys(outputs).some((path) => entryPoint(outputs[path].entryPoint ?? '') && file.path.endsWith(path));
  const isTable = chunkOf((entry) => entry === 'dist/i18n/translations.js');
  const isLanguage = chunkOf((entry) => entry.startsWith('dist/i18n/locales/'));
  const languages = chunks.filter(isLanguage);
  if (!languages.length || !chunks.some(isTable)) throw new Error('The npm build has no translation chunks: did the locale loader change?');
  const largest = languages.reduce((found, file) => (file.contents.length > found.contents.length ? file : found));
  return {
    entry: Buffer.concat(chunks.filter(isUpFront).map((file) => file.contents)),
    lazy: Buffer.concat(chunks.filter((file) => !isUpFront(file) && !isTable(file) && !isLanguage(file)).map((file) => file.contents)),
    translation: Buffer.concat([...chunks.filter(isTable), largest].map((file) => file.contents)),
  };
}
