// Framework typings for <chatkit-embed>, generated from custom-elements.json by
// well-kept generators (custom-element-jsx-integration, custom-element-vuejs-integration):
//   types/jsx.d.ts     JSX props and events (used by types/react.d.ts for React 19)
//   types/vue.d.ts     Vue's GlobalComponents
// (custom-element-svelte-integration emits Svelte 4's `on:` events only, so Svelte 5
// typings are not generated yet.)
// `node scripts/framework-types.mjs [outdir]` writes them (default: types).
import { readFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

export function writeFrameworkTypes(outdir) {
  const read = () => JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  // The generators announce each file even with hideLogs; the checks stay quiet.
  const log = console.log;
  console.log = () => undefined;
  try {
    generate(outdir, read);
  } finally {
    console.log = log;
  }
}

function generate(outdir, read) {
  // Element and detail types come from the side-effect-free class module.
  const common = { outdir, componentTypePath: () => 'chatkit-embed/element', hideLogs: true };
  // Each generator gets its own copy: some annotate the manifest object they are given.
  generateJsxTypes(read(), { ...common, fileName: 'jsx.d.ts' });
  generateVuejsTypes(read(), { ...common, fileName: 'vue.d.ts' });
}

if (import.meta.url === `file://${process.argv[1]}`) writeFrameworkTypes(process.argv[2] ?? 'types');
