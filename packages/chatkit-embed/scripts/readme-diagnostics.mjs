// Writes (--write) or checks (default) the README's list of diagnostics, generated from
// the table the element itself uses (src/diagnostics/diagnostics.ts, built to dist/diagnostics/).
import { readFileSync, writeFileSync } from 'node:fs';
import { DIAGNOSTICS } from '../dist/diagnostics/diagnostics.js';

const START = '<!-- diagnostics:start (generated from src/diagnostics/diagnostics.ts by npm run analyze) -->';
const END = '<!-- diagnostics:end -->';

const cell = (text) => text.replaceAll('|', '\\|').replace(/\{(\w+)\}/g, '_$1_');

export function diagnosticsTable() {
  const rows = Object.entries(DIAGNOSTICS).map(
    ([code, { level, message, fix }]) => `| \`${code}\` | ${level} | ${cell(message)} | ${cell(fix)} |`,
  );
  return ['| Code | Level | What the element found | The fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function withDiagnostics(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no diagnostics markers.');
  return `${readme.slice(0, start + START.length)}\n\n${diagnosticsTable()}\n\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8');
  const fresh = withDiagnostics(readme);
  if (process.argv.includes('--write')) writeFileSync('README.md', fresh);
  else if (fresh !== readme) {
    console.error('README.md diagnostics list is out of date: run `npm run analyze`.');
    process.exit(1);
  }
}
