// Framework typings for <chatkit-embed>, generated from custom-elements.json:
//   types/jsx.d.ts     JSX props and events (used by types/react.d.ts for React 19), by
//                      custom-element-jsx-integration
//   types/vue.d.ts     Vue's GlobalComponents, by vueTypes below. The published Vue
//                      generator keys props by attribute name (`session-url`), but Vue
//                      camelizes names before it checks them (`sessionUrl`), so every
//                      multi-word attribute and every listener went unchecked.
// (custom-element-svelte-integration emits Svelte 4's `on:` events only, so Svelte 5
// typings are not generated yet.)
// `node scripts/framework-types.mjs [outdir]` writes them (default: types).
import { readFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  writeFileSync(join(outdir, 'vue.d.ts'), vueTypes(read()));
}

/** Vue's `camelize`: `session-url` → `sessionUrl` (dots stay). */
const camelize = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const comment = (text, indent = '  ') => `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n`;

/**
 * Vue typings: each prop under the name Vue checks it by, the camelized attribute
 * (`session-url` and `:sessionUrl` are both `sessionUrl`), and each event as the
 * listener prop Vue compiles `@name` to (`@chatkit-embed-ready` is `onChatkitEmbedReady`),
 * typed from the element's own GlobalEventHandlersEventMap entries.
 */
export function vueTypes(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement && d.tagName === 'chatkit-embed');
  const props = [];
  const seen = new Set();
  for (const field of element.members.filter((m) => m.kind === 'field' && !m.static && !m.readonly)) {
    const key = field.attribute ? camelize(field.attribute) : field.name;
    // `open` is both the reflected attribute (property `opened`) and a method; Vue sets the attribute.
    if (seen.has(key)) continue;
    seen.add(key);
    props.push(`${comment(field.description ?? '')}  ${key}?: ChatKitEmbed['${field.name}'];\n`);
  }
  const events = element.events.map((event) => {
    const key = `on${camelize(event.name).replace(/^./, (c) => c.toUpperCase())}`;
    const quoted = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
    return `${comment(event.description ?? '')}  ${quoted}?: (event: GlobalEventHandlersEventMap['${event.name}']) => void;\n`;
  });
  return `// Generated from custom-elements.json by scripts/framework-types.mjs (npm run analyze): do not edit.
import type { DefineComponent } from 'vue';
import type { ChatKitEmbed } from 'chatkit-embed/element';

/**
 * What a Vue template may pass to <chatkit-embed>. Vue camelizes names before it checks
 * them, so \`session-url="…"\` and \`:sessionUrl="…"\` are the same prop here, and
 * \`@chatkit-embed-ready\` is the listener \`onChatkitEmbedReady\`. With Vue's
 * \`strictTemplates\` (or \`checkUnknownProps\` and \`checkUnknownEvents\`), a misspelt
 * name is an error too; without them Vue lets unknown names through as attributes.
 */
export interface ChatKitEmbedVueProps {
${props.join('')}${events.join('')}}

export type CustomElements = {
  ${comment(element.description ?? element.summary ?? '', '').trim()}
  'chatkit-embed': DefineComponent<ChatKitEmbedVueProps>;
};

declare module 'vue' {
  interface GlobalComponents extends CustomElements {}
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeFrameworkTypes(process.argv[2] ?? 'types');
