import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './openai-stand-in.js';
import { mintUserToken, startSetup, startThread, type Setup } from './doctor-setup.js';

/** Runs the built CLI as users do (`npm test` builds first); resolves with its exit code and output. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/cli/bin.js', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

let setup: Setup;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  expect(existsSync('dist/cli/bin.js'), 'run `npm run build:npm` first').toBe(true);
  setup = await startSetup();
});
afterAll(() => Promise.all([setup.close(), ...closers.map((close) => close())]));

describe('npx chatkit-embed-server doctor', () => {
  it('prints one PASS line per check and exits 0 on a healthy setup', async () => {
    const args = ['doctor', '--page', setup.pageUrl, '--session-url', setup.sessionUrl, '--api-url', setup.apiUrl];
    const [text, json] = await Promise.all([cli(...args), cli(...args, '--json')]);
    expect(text.code, text.stderr).toBe(0);
    const checks = JSON.parse(json.stdout) as Array<{ name: string; status: string }>;
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(checks.length);
    expect(lines.map((line) => line.split(':')[0])).toEqual(checks.map((check) => `PASS  ${check.name}`));
  });

  it('exits 1 when a check fails', async () => {
    const broken = await serve(async () => new Response('Internal Server Error', { status: 500 }));
    closers.push(broken.close);
    const result = await cli('doctor', '--session-url', `${broken.url}/api/chatkit/session`, '--origin', setup.pageOrigin);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}Session endpoint preflight: /m);
    expect(result.stdout).toMatch(/^FAIL {2}Session endpoint: POST answered HTTP 500 → /m);
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli('doctor')).code).toBe(2);
    expect((await cli('doctor', '--page', 'not a url')).code).toBe(2);
    expect((await cli('doctor', '--page', setup.pageUrl, '--port', '1')).code).toBe(2);
  });
});

describe('npx chatkit-embed-server threads', () => {
  it("lists a user's threads, and with --thread its items", async () => {
    const token = await mintUserToken(setup);
    const id = await startThread(setup, token, 'hello from the command line');
    const threads = await cli('threads', '--api-url', setup.apiUrl, '--token', token, '--origin', setup.pageOrigin);
    expect(threads.code, threads.stderr).toBe(0);
    expect(threads.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${id}\\s.*\\sactive\\s+hello from the command line$`)),
    ]);

    const items = await cli('threads', '--api-url', setup.apiUrl, '--token', token, '--thread', id, '--json');
    expect(items.code, items.stderr).toBe(0);
    expect((JSON.parse(items.stdout) as Array<{ type: string }>).map((item) => item.type)).toEqual(['user_message', 'assistant_message']);
  });

  it('exits 1 with the reason when the backend refuses the token, and 2 without one', async () => {
    const refused = await cli('threads', '--api-url', setup.apiUrl, '--token', 'nope');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/HTTP 401/);
    expect((await cli('threads', '--api-url', setup.apiUrl)).code).toBe(2);
  });
});

describe('--help', () => {
  it('each command says what it takes, and only that', async () => {
    const [all, serve, migrate, doctor, threads] = await Promise.all([
      cli('--help'),
      cli('serve', '--help'),
      cli('migrate', '--help'),
      cli('doctor', '--help'),
      cli('threads', '--help'),
    ]);
    for (const command of ['serve', 'migrate', 'doctor', 'threads']) expect(all.stdout).toContain(`chatkit-embed-server ${command}`);
    expect(all.stdout).toContain('<command> --help');
    expect(serve.stdout).toMatch(/^Usage: chatkit-embed-server serve/);
    for (const flag of ['--offline', '--agent', '--workflow', '--allowed-host', '--turns-per-minute', 'CHATKIT_COOKIE_KEY'])
      expect(serve.stdout).toContain(flag);
    expect(serve.stdout).not.toContain('--thread');
    expect(migrate.stdout).toMatch(/^Usage: chatkit-embed-server migrate <workflow\.ts>/);
    expect(migrate.stdout).not.toContain('--offline');
    for (const [help, own] of [
      [doctor, '--page'],
      [threads, '--thread'],
    ] as const) {
      expect(help.stdout).toContain(own);
      expect(help.stdout).not.toContain('--offline');
    }
    expect([all, serve, migrate, doctor, threads].map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
  });
});
