// Bundle size measurement shared by the size budget check and the benchmarks.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Raw, gzip (level 9) and brotli (quality 11) bytes. */
export function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The npm entry as a bundler ships it: minified, with Lit and ChatKit's types external. */
export async function npmEntryBytes() {
  const result = await build({
    entryPoints: ['dist/index.js'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['lit', 'lit/*', '@lit/*', '@openai/chatkit'],
  });
  return result.outputFiles[0].contents;
}
