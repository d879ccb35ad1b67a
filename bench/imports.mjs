// What importing each entry of chatkit-embed-server costs in a fresh Node process: the
// packages it loads, the import time and the memory after it (median of a few runs).
import { execFileSync } from 'node:child_process';

const ENTRIES = [
  ['node:path', 'nothing: a bare Node process, the floor'],
  ['chatkit-embed-server', 'root entry: every part that needs no optional peer'],
  ['chatkit-embed-server/session', 'hosted sessions'],
  ['chatkit-embed-server/tokens', 'tokens'],
  ['chatkit-embed-server/http', 'Node adapter, router, endpoint'],
  ['chatkit-embed-server/chatkit', 'ChatKit server and memory store'],
  ['chatkit-embed-server/sqlite', 'SQLite store'],
  ['chatkit-embed-server/postgres', 'PostgreSQL store (pg loads on open)'],
  ['chatkit-embed-server/standalone', 'the served backend, without hosted sessions'],
  ['chatkit-embed-server/agents', 'Agents SDK adapter'],
  ['chatkit-embed-server/workflow', 'Agent Builder exports'],
  ['chatkit-embed-server/ai-sdk', 'AI SDK adapter'],
];
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const probe = new URL('import-probe.mjs', import.meta.url).pathname;

export function importCosts() {
  return ENTRIES.map(([specifier, what]) => {
    const runs = Array.from({ length: RUNS }, () =>
      JSON.parse(execFileSync(process.execPath, ['--expose-gc', probe, specifier], { encoding: 'utf8' })),
    );
    return { specifier, what, packages: runs[0].packages, ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb)) };
  });
}
