// Fails when custom-elements.json, the README API section or the framework typings are
// stale: regenerates them into a scratch folder and compares. Fix with `npm run analyze`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { writeFrameworkTypes } from './framework-types.mjs';
import { withApi } from './readme-api.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'cem-'));
try {
  // The analyzer takes outdir relative to the working directory.
  const outdir = relative(process.cwd(), scratch);
  execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.resolve('@custom-elements-manifest/analyzer/cem.js')), 'analyze', '--outdir', outdir],
    {
      stdio: 'ignore',
    },
  );
  const fresh = readFileSync(join(scratch, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is out of date: run `npm run analyze`.');
    process.exit(1);
  }
  const readme = readFileSync('README.md', 'utf8');
  if (withApi(readme, JSON.parse(committed)) !== readme) {
    console.error('README.md API section is out of date: run `npm run analyze`.');
    process.exit(1);
  }
  writeFrameworkTypes(scratch);
  for (const file of ['jsx.d.ts', 'vue.d.ts']) {
    if (readFileSync(join(scratch, file), 'utf8') !== readFileSync(join('types', file), 'utf8')) {
      console.error(`types/${file} is out of date: run \`npm run analyze\`.`);
      process.exit(1);
    }
  }
  console.log('custom-elements.json, the README API section and the framework typings are up to date.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
