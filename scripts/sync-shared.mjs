// The rules both packages need (what an OpenAI API key looks like, the session answer's
// shape) have one source, packages/shared/src. Each package builds from a generated copy
// in its own src/shared/ (git-ignored), so a published package holds everything it
// imports and the two sides cannot drift. Runs on `npm install` (the root's `prepare`)
// and before every build.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';

const root = new URL('../packages/', import.meta.url);
const source = new URL('shared/src/', root);
const consumers = ['chatkit-embed', 'chatkit-embed-server'];

for (const name of readdirSync(source).filter((file) => file.endsWith('.ts'))) {
  const text = `// Generated from packages/shared/src/${name} by scripts/sync-shared.mjs: edit it there.\n${readFileSync(new URL(name, source), 'utf8')}`;
  for (const consumer of consumers) {
    const dir = new URL(`${consumer}/src/shared/`, root);
    mkdirSync(dir, { recursive: true });
    const target = new URL(name, dir);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) writeFileSync(target, text);
  }
}
