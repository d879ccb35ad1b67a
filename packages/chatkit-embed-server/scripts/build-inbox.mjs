// Builds the site owner's inbox page (src/admin/inbox) into dist/inbox-page: one
// minified module with Lit inlined, its stylesheet and its HTML. The server serves these
// files as they are; its runtime never loads Lit. Part of the package's build.
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const source = fileURLToPath(new URL('../src/admin/inbox/', import.meta.url));
const out = fileURLToPath(new URL('../dist/inbox-page/', import.meta.url));

export async function buildInbox() {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [`${source}main.ts`],
    outfile: `${out}inbox.js`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // Lit's production build (no dev-mode warnings), the default export condition.
    conditions: ['production'],
    logLevel: 'warning',
  });
  await copyFile(`${source}index.html`, `${out}index.html`);
  await copyFile(`${source}inbox.css`, `${out}inbox.css`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildInbox();
