// Size budgets, enforced by `npm test`: the script-tag bundle, and the npm entry as a
// bundler would ship it (minified, Lit external). Prints what it measured.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const npmEntry = await build({
  entryPoints: ['dist/index.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  external: ['lit', 'lit/*', '@lit/*', '@openai/chatkit'],
});

const budgets = [
  ['dist/cdn/chatkit-embed.js', readFileSync('dist/cdn/chatkit-embed.js'), 12 * 1024],
  ['npm entry (minified, Lit external)', npmEntry.outputFiles[0].contents, 10 * 1024],
];
let over = false;
for (const [name, bytes, budget] of budgets) {
  const size = gzip(bytes);
  console.log(`${name}: ${kb(bytes.length)} raw, ${kb(size)} gzip, ${kb(brotli(bytes))} brotli (budget ${kb(budget)} gzip)`);
  if (size > budget) {
    console.error(`  over budget by ${size - budget} bytes gzip`);
    over = true;
  }
}
if (over) process.exit(1);
