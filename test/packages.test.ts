import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

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

// What a page's project gets from `npm install chatkit-embed`: the element and what it
// runs on, nothing of the server, and no install scripts.
describe('chatkit-embed installed from its packed tarball into an empty folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-embed-install-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let installOutput = '';

  beforeAll(async () => {
    const [{ filename }] = JSON.parse(
      (
        await run('npm', ['pack', '--workspace', 'chatkit-embed', '--pack-destination', dir, '--ignore-scripts', '--json'], {
          timeout: 120_000,
        })
      ).stdout,
    );
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true}');
    const result = await run('npm', ['install', join(dir, filename), '--no-audit', '--no-fund'], { cwd: app, timeout: 300_000 });
    installOutput = result.stdout + result.stderr;
  }, 420_000);

  /** Every installed package folder (a folder in node_modules with a package.json). */
  function installed(root: string): string[] {
    const found: string[] = [];
    const visit = (modules: string) => {
      if (!existsSync(modules)) return;
      for (const entry of readdirSync(modules)) {
        if (entry.startsWith('.')) continue;
        const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
        for (const name of names) {
          const pkgDir = join(modules, name);
          if (!existsSync(join(pkgDir, 'package.json'))) continue;
          found.push(name);
          visit(join(pkgDir, 'node_modules'));
        }
      }
    };
    visit(join(root, 'node_modules'));
    return found;
  }

  function bytesIn(path: string): number {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.size;
    return readdirSync(path).reduce((sum, entry) => sum + bytesIn(join(path, entry)), 0);
  }

  it("holds at most 10 packages and 10 MB, none of them the server's", () => {
    const app = join(dir, 'app');
    const packages = installed(app);
    expect(packages).toContain('chatkit-embed');
    expect(packages.length, packages.join(', ')).toBeLessThanOrEqual(10);
    expect(bytesIn(join(app, 'node_modules')) / 2 ** 20).toBeLessThanOrEqual(10);
    for (const server of ['openai', '@openai/agents', 'pg', 'jose', 'zod', 'esbuild', 'lit']) expect(packages).not.toContain(server);
  });

  it('runs no install scripts', () => {
    expect(installOutput).not.toMatch(/install scripts?/i);
    const app = join(dir, 'app');
    for (const name of installed(app)) {
      const { scripts = {} } = JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8'));
      for (const hook of ['preinstall', 'install', 'postinstall']) expect(scripts[hook], `${name} ${hook}`).toBeUndefined();
    }
  });
});
