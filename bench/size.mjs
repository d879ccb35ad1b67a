// Bundle sizes: ours (script tag, and the npm entry with Lit external) against the
// script-tag bundles peers publish on npm, measured in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, npmEntryBytes } from '../packages/chatkit-embed/scripts/measure-size.mjs';

const PEERS = [
  // [package, the file their docs load with a <script> tag]
  ['@typebot.io/js', 'dist/web.js'],
  ['flowise-embed', 'dist/web.js'],
  ['deep-chat', 'dist/deepChat.bundle.js'],
  ['@n8n/chat', 'dist/chat.bundle.es.js'],
];

/** Unpacks a package from the npm registry into a cache folder (once). */
function peerFile(name, file) {
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
  const path = join(dir, 'package', file);
  return { version: pkg.version, bytes: existsSync(path) ? readFileSync(path) : undefined };
}

export async function sizes() {
  const shell = readFileSync('packages/chatkit-embed/dist/cdn/chatkit-embed.js');
  const core = readFileSync('packages/chatkit-embed/dist/cdn/chatkit-embed-core.js');
  const npm = await npmEntryBytes();
  const rows = [
    { name: 'chatkit-embed (script tag, loaded up front)', ...measure(shell) },
    { name: 'chatkit-embed (script tag, core loaded when a chat starts)', ...measure(core) },
    { name: 'chatkit-embed (npm entry, Lit external)', ...measure(npm.entry) },
    { name: 'chatkit-embed (npm connector chunk)', ...measure(npm.lazy) },
  ];
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
