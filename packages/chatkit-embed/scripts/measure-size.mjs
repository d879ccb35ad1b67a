// Bundle size measurement shared by the size budget check and the benchmarks.
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

/**
 * The npm entry as a bundler ships it: minified, with Lit and ChatKit's types external,
 * split where the code says `import()`. `entry` is what a page loads up front; `lazy` is
 * the connector chunk, fetched when a chat first starts.
 */
export async function npmEntryBytes() {
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
    external: ['lit', 'lit/*', '@lit/*', '@openai/chatkit'],
  });
  const entryPath = Object.entries(result.metafile.outputs).find(([, out]) => out.entryPoint === 'dist/index.js')[0];
  const chunks = result.outputFiles.filter((file) => file.path.endsWith('.js'));
  const entry = chunks.find((file) => file.path.endsWith(entryPath));
  const lazy = Buffer.concat(chunks.filter((file) => file !== entry).map((file) => file.contents));
  return { entry: entry.contents, lazy };
}
