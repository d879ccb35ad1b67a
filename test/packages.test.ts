import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What npm and bundlers read from each package.json must exist after `npm run build`.
describe.each(['chatkit-embed', 'chatkit-embed-server'])('packages/%s/package.json', (name) => {
  const dir = join('packages', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

  it('points only at files the build produces', () => {
    const targets = [
      pkg.main,
      pkg.types,
      pkg.customElements,
      pkg.unpkg,
      pkg.jsdelivr,
      ...Object.values(pkg.bin ?? {}),
      ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e as object))),
    ].filter((target): target is string => typeof target === 'string');
    for (const target of targets) expect(existsSync(join(dir, target)), target).toBe(true);
  });
});
