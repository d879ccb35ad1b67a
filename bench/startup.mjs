// The served backend's start-up per configuration: `chatkit-embed-server serve` started as
// users start it, timed from spawn to its ready banner, and its resident memory once
// idle (Linux /proc). Each configuration loads only what it uses.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresInstalled, startPostgres } from '../scripts/throwaway-postgres.mjs';

const CLI = 'packages/chatkit-embed-server/dist/cli/bin.js';
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function startOnce(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!out.includes('token key generated')) return;
      const ms = performance.now() - started;
      // Idle: let start-up garbage settle before reading the resident set.
      setTimeout(() => {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        child.kill();
        resolve({ ms, rssMb: Number(rss) / 1024 });
      }, 1000);
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => code !== null && code !== 0 && reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

export async function startupCosts() {
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-startup-'));
  const postgres = postgresInstalled() ? await startPostgres() : undefined;
  const postgresUrl = postgres?.url;
  const base = { OPENAI_API_KEY: '', CHATKIT_WORKFLOW_ID: '', OPENAI_AGENTS_DISABLE_TRACING: '1' };
  const configurations = [
    ['hosted sessions only', [], { OPENAI_API_KEY: 'sk-bench-0000000000000000', CHATKIT_WORKFLOW_ID: 'wf_bench' }],
    ['ChatKit + SQLite (--offline)', ['--offline', '--data', join(dir, 'startup.sqlite')], {}],
    ...(postgresUrl ? [['ChatKit + PostgreSQL (--offline)', ['--offline', '--data', postgresUrl], {}]] : []),
    [
      'ChatKit + SQLite + Agents SDK (--agent)',
      ['--agent', 'packages/chatkit-embed-server/test/fixtures/agents/agent.ts', '--data', join(dir, 'agent.sqlite')],
      {},
    ],
  ];
  const rows = [];
  try {
    for (const [name, args, env] of configurations) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await startOnce(args, { ...base, ...env }));
      rows.push({ name, ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await postgres?.stop();
  }
  return rows;
}
