// Packs both published packages as npm would and checks what users will install:
// publint (package.json fields against the files) and Are the Types Wrong (each entry's
// types resolve the way Node and bundlers resolve its JavaScript). Part of `npm run check`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = {
  'chatkit-embed': {
    // The two script-tag files are classic scripts for <script src>, not modules to import.
    attw: ['--exclude-entrypoints', 'cdn/chatkit-embed.js', 'cdn/chatkit-embed-core.js'],
  },
  'chatkit-embed-server': { attw: [] },
};

const scratch = mkdtempSync(join(tmpdir(), 'chatkit-embed-pack-'));
const bin = (name) => join('node_modules', '.bin', name);
let failed = false;
try {
  for (const [name, { attw }] of Object.entries(PACKAGES)) {
    // The build already ran; --ignore-scripts skips prepack's second one.
    const [{ filename }] = JSON.parse(
      execFileSync('npm', ['pack', '--workspace', name, '--pack-destination', scratch, '--ignore-scripts', '--json'], { encoding: 'utf8' }),
    );
    const tarball = join(scratch, filename);
    for (const [tool, args] of [
      ['publint', ['run', tarball, '--strict']],
      // ESM only, on purpose: both packages are "type": "module" and need Node 22.
      ['attw', [tarball, '--profile', 'esm-only', ...attw]],
    ]) {
      try {
        execFileSync(bin(tool), args, { encoding: 'utf8', stdio: 'pipe' });
        console.log(`${tool}: ${name} is clean.`);
      } catch (error) {
        failed = true;
        console.error(`${tool} found problems in ${name}:\n${error.stdout}${error.stderr}`);
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed) process.exit(1);
