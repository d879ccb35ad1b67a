// Writes (--write) or checks (default) the README's API section, generated from
// custom-elements.json so the two cannot drift apart.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start (generated from custom-elements.json by npm run analyze) -->';
const END = '<!-- api:end -->';

export function apiMarkdown(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'chatkit-embed');
  if (!element) throw new Error('custom-elements.json has no <chatkit-embed>');
  const cell = (text = '') => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
  const code = (text) => (text ? `\`${cell(text)}\`` : '');
  const table = (head, rows) =>
    rows.length
      ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
      : '_None._';

  const attributes = element.attributes ?? [];
  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const fields = (element.members ?? []).filter((m) => m.kind === 'field');
  const methods = (element.members ?? []).filter((m) => m.kind === 'method');
  const signature = (m) => `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ')})`;

  return [
    '### Attributes',
    '',
    table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]),
    ),
    '',
    '### Properties (not reflected to attributes)',
    '',
    table(
      ['Property', 'Type', 'Default', 'Description'],
      fields
        .filter((f) => !attributeFields.has(f.name))
        .map((f) => [code(f.name) + (f.readonly ? ' (read-only)' : ''), code(f.type?.text), code(f.default), cell(f.description)]),
    ),
    '',
    '### Methods',
    '',
    table(
      ['Method', 'Returns', 'Description'],
      methods.map((m) => [code(signature(m)), code(m.return?.type?.text), cell(m.description)]),
    ),
    '',
    '### Events',
    '',
    table(
      ['Event', 'Description'],
      (element.events ?? []).map((e) => [code(e.name), cell(e.description)]),
    ),
    '',
    '### CSS parts',
    '',
    table(
      ['Part', 'Description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    '',
    '### CSS custom properties',
    '',
    table(
      ['Property', 'Default', 'Description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  ].join('\n');
}

export function withApi(readme, manifest) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n\n${apiMarkdown(manifest)}\n\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const readme = readFileSync('README.md', 'utf8');
  const next = withApi(readme, manifest);
  if (process.argv.includes('--write')) {
    writeFileSync('README.md', next);
  } else if (next !== readme) {
    console.error('README.md API section is out of date: run `npm run analyze`.');
    process.exit(1);
  }
}
