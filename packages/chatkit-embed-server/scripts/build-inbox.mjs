// Builds the site owner's inbox page (src/admin/inbox) into dist/inbox-page: one
// minified module with Lit inlined, its stylesheet and its HTML. The server serves these
// files as they are; its runtime never loads Lit. Part of the package's build.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const source = fileURLToPath(new URL('../src/admin/inbox/', import.meta.url));
const out = fileURLToPath(new URL('../dist/inbox-page/', import.meta.url));

export async function buildInbox() {
  await mkdir(out, { recursive: true });
  const built = await build({
    entryPoints: [`${source}main.ts`],
    outfile: `${out}inbox.js`,
    write: false,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // Lit's production build (no dev-mode warnings), the default export condition.
    conditions: ['production'],
    logLevel: 'warning',
  });
  await replace('inbox.js', built.outputFiles[0].contents);
  await replace('index.html', await readFile(`${source}index.html`));
  await replace('inbox.css', await readFile(`${source}inbox.css`));
}

/** Written whole, then renamed over the old file: a server reading it meanwhile never sees half. */
async function replace(name, contents) {
  const temporary = `${out}.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, contents);
  await rename(temporary, `${out}${name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildInbox();
