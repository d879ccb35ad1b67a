// Bundle sizes: ours (script tag, and the npm entry with Lit external) against the
// script-tag bundles peers publish on npm, measured in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { largestCdnTranslation, measure, npmEntryBytes } from '../packages/chatkit-embed/scripts/measure-size.mjs';

const PEERS = [
  // [package, the file their docs load with a <script> tag]
  ['@typebot.io/js', 'dist/web.js'],
  ['flowise-embed', 'dist/web.js'],
  ['deep-chat', 'dist/deepChat.bundle.js'],
  ['@n8n/chat', 'dist/chat.bundle.es.js'],
];

/** Unpacks a package from the npm registry into a cache folder (once). */
function peerPackage(name) {
  const cache = join('node_modules', '.cache', 'bench-peers');
  const dir = join(cache, name.replace('/', '__'));
  if (!existsSync(join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', name, '--silent', '--pack-destination', dir], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1);
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8'));
  return { version: pkg.version, dir: join(dir, 'package') };
}

function peerFile(name, file) {
  const { version, dir } = peerPackage(name);
  const path = join(dir, file);
  return { version, bytes: existsSync(path) ? readFileSync(path) : undefined };
}

/**
 * What a React app adds with OpenAI's own binding instead: `@openai/chatkit-react`'s
 * entry, minified, with React external (the app has it). Like ours, it loads OpenAI's
 * chatkit.js at run time, which is not counted on either side.
 */
async function chatkitReact() {
  const { version, dir } = peerPackage('@openai/chatkit-react');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = pkg.module ?? pkg.main;
  const result = await build({
    stdin: { contents: `export * from './${entry.replace(/^\.\//, '')}';`, resolveDir: dir },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['react', 'react-dom', 'react/*', '@openai/chatkit'],
  });
  return { name: `@openai/chatkit-react@${version} (React external)`, ...measure(result.outputFiles[0].contents) };
}

export async function sizes() {
  const shell = readFileSync('packages/chatkit-embed/dist/cdn/chatkit-embed.js');
  const core = readFileSync('packages/chatkit-embed/dist/cdn/chatkit-embed-core.js');
  const npm = await npmEntryBytes();
  const app = await npmEntryBytes({ withLit: true });
  const rows = [
    { name: 'chatkit-embed (script tag, loaded up front)', ...measure(shell) },
    { name: 'chatkit-embed (script tag, core loaded when a chat starts)', ...measure(core) },
    { name: 'chatkit-embed (npm, up front, Lit external)', ...measure(npm.entry) },
    { name: 'chatkit-embed (npm, on demand)', ...measure(npm.lazy) },
    // What an app that does not already use Lit really adds.
    { name: 'chatkit-embed (npm in an app, up front, Lit included)', ...measure(app.entry) },
    { name: 'chatkit-embed (npm in an app, on demand, Lit included)', ...measure(app.lazy) },
    // The element's own words on a page in another language than English: at most one of these.
    { name: 'chatkit-embed (script tag, one translation, the largest)', ...measure(largestCdnTranslation()) },
    { name: 'chatkit-embed (npm, the table of languages and the largest translation)', ...measure(npm.translation) },
  ];
  try {
    rows.push(await chatkitReact());
  } catch (error) {
    rows.push({ name: '@openai/chatkit-react', missing: `could not fetch: ${String(error.message).split('\n')[0]}` });
  }
  for (const [name, file] of PEERS) {
    try {
      const { version, bytes } = peerFile(name, file);
      rows.push(
        bytes
          ? { name: `${name}@${version} (${file})`, ...measure(bytes) }
          : { name: `${name}@${version}`, missing: `${file} not in the package` },
      );
    } catch (error) {
      rows.push({ name, missing: `could not fetch: ${String(error.message).split('\n')[0]}` });
    }
  }
  return rows;
}
