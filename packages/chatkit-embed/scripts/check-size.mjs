// Size budgets, enforced by `npm test`: the script-tag bundle, and the npm entry as a
// bundler would ship it (minified, Lit external). Each has two parts: what the page loads
// up front (the element's shell), and the core loaded when a chat first starts.
// Prints what it measured.
import { readFileSync } from 'node:fs';
import { largestCdnTranslation, measure, npmEntryBytes } from './measure-size.mjs';

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

const npm = await npmEntryBytes();
const budgets = [
  // What every page pays: the element's properties, methods and events, the launcher's
  // button, and English. What only a started chat needs is in the core.
  ['dist/cdn/chatkit-embed.js', readFileSync('dist/cdn/chatkit-embed.js'), 10 * 1024],
  // The core holds the diagnostics table (about 2.3 KB of it), the loader of ChatKit's
  // script, and the chat's views: its box, loading and error states, and the launcher's panel.
  ['dist/cdn/chatkit-embed-core.js (on demand)', readFileSync('dist/cdn/chatkit-embed-core.js'), 14 * 1024],
  // Up front: the entry chunk and every chunk it imports statically.
  ['npm entry, up front (minified, Lit external)', npm.entry, 8 * 1024],
  ['npm, on demand (the core)', npm.lazy, 13.5 * 1024],
  // The element's own words in one language other than English, loaded only where needed.
  ['dist/cdn/locales/*.js, the largest (on demand)', largestCdnTranslation(), 1024],
  ['npm, the table of languages and the largest one (on demand)', npm.translation, 2 * 1024],
];
let over = false;
for (const [name, bytes, budget] of budgets) {
  const size = measure(bytes);
  console.log(`${name}: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli (budget ${kb(budget)} gzip)`);
  if (size.gzip > budget) {
    console.error(`  over budget by ${size.gzip - budget} bytes gzip`);
    over = true;
  }
}
if (over) process.exit(1);
