import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Server rendering (Nuxt, SvelteKit, Angular, Next) imports the package in Node, where
// there is no DOM. Plain Node, not Vitest's transform, so resolution is the users'.
describe('the built package in Node', () => {
  it.each(['chatkit-embed', 'chatkit-embed/element', 'chatkit-embed/define'])('import("%s") does not throw', (specifier) => {
    expect(existsSync('dist/index.js'), 'run `npm run build` first').toBe(true);
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).sort().join(','))`],
      { encoding: 'utf8' },
    );
    if (specifier !== 'chatkit-embed/define') expect(out).toContain('ChatKitEmbed');
  });
});
