// Size budget of the script-tag bundle, enforced by `npm test`. Prints what it measured.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 12 * 1024;
const file = 'dist/cdn/chatkit-embed.js';

const source = readFileSync(file);
const gzip = gzipSync(source, { level: 9 }).length;
const brotli = brotliCompressSync(source, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

console.log(`${file}: ${kb(source.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(BUDGET_GZIP_BYTES)} gzip)`);
if (gzip > BUDGET_GZIP_BYTES) {
  console.error(`Over budget by ${gzip - BUDGET_GZIP_BYTES} bytes gzip.`);
  process.exit(1);
}
