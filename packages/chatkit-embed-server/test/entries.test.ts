import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../src/runtime/node-version.js';

const run = promisify(execFile);

/**
 * Imports `specifier` in a fresh Node process and lists the packages it loaded (by then
 * running `use`, a statement with the module as `entry`, when given).
 */
async function packagesLoadedBy(specifier: string, hiddenPackage?: string, use?: string): Promise<{ packages: string[]; error?: string }> {
  const script = `
    import { registerHooks } from 'node:module';
    const packages = new Set();
    registerHooks({
      resolve(specifier, context, next) {
        if (${JSON.stringify(hiddenPackage ?? null)} === specifier) {
          // What Node throws when a package is not installed.
          throw Object.assign(new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL), { code: 'ERR_MODULE_NOT_FOUND' });
        }
        const result = next(specifier, context);
        const match = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(result.url);
        if (match) packages.add(match[1]);
        return result;
      },
    });
    let error;
    try {
      const entry = await import(${JSON.stringify(specifier)});
      if (${JSON.stringify(specifier.endsWith('/postgres'))}) await entry.PostgresStore.open('postgres://127.0.0.1:1/none');
      ${use ?? ''}
    } catch (e) {
      error = e.name + ': ' + e.message;
    }
    console.log(JSON.stringify({ packages: [...packages].sort(), error }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000 });
  return JSON.parse(stdout);
}

// Each entry loads only what its part needs, so a serverless function that mints
// sessions does not load the Agents SDK, pg or esbuild on every cold start.
describe('the package entries', () => {
  it('exist after the build', () => {
    expect(existsSync('dist/index.js'), 'run `npm run build` first').toBe(true);
  });

  it.each([
    ['chatkit-embed-server/session', ['openai']],
    ['chatkit-embed-server/tokens', ['jose']],
    ['chatkit-embed-server/http', []],
    ['chatkit-embed-server/chatkit', ['jose', 'zod']],
    ['chatkit-embed-server/sqlite', []],
    ['chatkit-embed-server/standalone', ['jose', 'zod']],
  ])(
    '%s loads %j and nothing else',
    async (specifier, expected) => {
      expect((await packagesLoadedBy(specifier)).packages).toEqual(expected);
    },
    60_000,
  );

  it('the Agents SDK loads only through /agents and /workflow, the AI SDK only through /ai-sdk', async () => {
    const agents = await packagesLoadedBy('chatkit-embed-server/agents');
    expect(agents.packages).toContain('@openai/agents');
    expect(agents.packages).not.toContain('pg');
    expect(agents.packages).not.toContain('esbuild');
    const aiSdk = await packagesLoadedBy('chatkit-embed-server/ai-sdk');
    expect(aiSdk.packages).toContain('ai');
    expect(aiSdk.packages).not.toContain('@openai/agents');
    expect((await packagesLoadedBy('chatkit-embed-server')).packages).not.toContain('ai');
  }, 60_000);

  it('the syntax tree parser loads when a workflow is inspected, not when an entry is imported', async () => {
    const entries = [
      '',
      '/session',
      '/tokens',
      '/http',
      '/chatkit',
      '/sqlite',
      '/postgres',
      '/standalone',
      '/agents',
      '/workflow',
      '/ai-sdk',
      '/admin',
    ];
    for (const entry of entries) {
      expect((await packagesLoadedBy(`chatkit-embed-server${entry}`)).packages, entry || 'root').not.toContain('@babel/parser');
    }
    const inspected = await packagesLoadedBy(
      'chatkit-embed-server/workflow',
      undefined,
      "entry.inspectWorkflowSource('export const a = 1;');",
    );
    expect(inspected.error).toBeUndefined();
    expect(inspected.packages).toContain('@babel/parser');
  }, 120_000);

  it('the root entry imports without the optional peers installed', async () => {
    for (const hidden of ['@openai/agents', 'pg']) {
      const { error, packages } = await packagesLoadedBy('chatkit-embed-server', hidden);
      expect(error, `with ${hidden} missing`).toBeUndefined();
      expect(packages).not.toContain(hidden);
    }
  }, 120_000);

  it('/postgres without pg installed: an error that names the package and how to add it', async () => {
    const { error } = await packagesLoadedBy('chatkit-embed-server/postgres', 'pg');
    expect(error).toBe('MissingPeerError: A PostgreSQL store needs the `pg` package, which is not installed. Add it with: npm install pg');
  }, 60_000);
});

describe('Node.js versions', () => {
  it.each([
    ['v20.20.2', 'chatkit-embed-server needs Node.js 22 or newer; this is Node.js 20.20.2.'],
    ['v18.0.0', 'chatkit-embed-server needs Node.js 22 or newer; this is Node.js 18.0.0.'],
    ['v22.13.0', undefined],
    ['v24.1.0', undefined],
  ])('%s → %s', (version, expected) => {
    expect(nodeTooOld(version)).toBe(expected);
  });

  it('the command says so in one line on an older Node, with no stack trace', async () => {
    // The version Node reports, as Node 20 would; the command checks it before loading anything else.
    const asNode20 = `data:text/javascript,Object.defineProperty(process, 'version', { value: 'v20.20.2' })`;
    const result = await run(process.execPath, ['--import', asNode20, 'dist/cli/bin.js', 'serve'], { timeout: 60_000 }).catch(
      (error) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('chatkit-embed-server needs Node.js 22 or newer; this is Node.js 20.20.2.');
  }, 60_000);
});
