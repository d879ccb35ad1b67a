// `npm run bench`: sizes, secret refresh, browser measurements and server throughput,
// printed as tables and written to bench/results.md with an SVG chart. Ratios within one
// run are what to compare; absolute times depend on the machine. PostgreSQL rows need
// Debian's postgresql package or DATABASE_URL.
import { writeFileSync } from 'node:fs';
import { adminBench } from './admin.mjs';
import { browserBench } from './browser.mjs';
import { importCosts } from './imports.mjs';
import { inboxBench } from './inbox.mjs';
import { startupCosts } from './startup.mjs';
import { refresh } from './refresh.mjs';
import { serverBench } from './server.mjs';
import { sizes } from './size.mjs';

const kb = (n) => (n / 1024).toFixed(2);
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function chart(title, bars, unit) {
  const width = 640;
  const barHeight = 22;
  const labelWidth = 300;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const height = 40 + bars.length * (barHeight + 8);
  const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = bars
    .map((bar, i) => {
      const y = 36 + i * (barHeight + 8);
      const w = Math.max(1, ((width - labelWidth - 80) * bar.value) / max);
      return `<text x="0" y="${y + 15}" font-size="12">${escape(bar.label)}</text><rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${bar.ours ? '#0f62fe' : '#8d8d8d'}"/><text x="${labelWidth + w + 6}" y="${y + 15}" font-size="12">${escape(bar.value.toFixed(1))} ${unit}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif"><text x="0" y="18" font-size="14" font-weight="600">${escape(title)}</text>${rows}</svg>`;
}

const size = await sizes();
const refreshResult = await refresh();
const browser = await browserBench();
const server = await serverBench();
const imports = importCosts();
const startup = await startupCosts();
const admin = await adminBench();
const inbox = await inboxBench();

const sizeTable = table(
  ['Bundle', 'raw KB', 'gzip KB', 'brotli KB'],
  size.map((r) => (r.missing ? [r.name, r.missing, '', ''] : [r.name, kb(r.raw), kb(r.gzip), kb(r.brotli)])),
);
const refreshTable = table(
  ['getClientSecret(current)', 'median ms'],
  [
    [`after the proactive refresh`, refreshResult.cachedMs.toFixed(3)],
    [`on demand (endpoint latency ${refreshResult.latencyMs} ms)`, refreshResult.onDemandMs.toFixed(1)],
  ],
);
const browserTable = browser.skipped
  ? `Skipped: ${browser.skipped}.`
  : [
      table(
        ['Host page', 'script ms', 'all tasks ms', 'long tasks', 'layout shift', 'requests'],
        [
          [
            'without the bundle',
            browser.empty.scriptMs.toFixed(1),
            browser.empty.taskMs.toFixed(1),
            browser.empty.longTasks,
            browser.empty.layoutShift.toFixed(3),
            browser.empty.requests,
          ],
          [
            'with one inline chat',
            browser.inline.scriptMs.toFixed(1),
            browser.inline.taskMs.toFixed(1),
            browser.inline.longTasks,
            browser.inline.layoutShift.toFixed(3),
            browser.inline.requests,
          ],
          [
            'with the launcher snippet, before any interaction',
            browser.launcher.scriptMs.toFixed(1),
            browser.launcher.taskMs.toFixed(1),
            browser.launcher.longTasks,
            browser.launcher.layoutShift.toFixed(3),
            browser.launcher.requests,
          ],
        ],
      ),
      `Requests before any interaction in launcher mode, beyond the page and our bundle: ${
        browser.launcher.others.length ? browser.launcher.others.join(', ') : 'none'
      }.`,
      table(
        ['Time to chatkit.ready, median ms', 'script latency', 'session latency', 'chatkit-embed', "official binding's pattern", 'ratio'],
        browser.ready.readiness.map((r) => [
          'inline chat, from before our script loads',
          `${r.script} ms`,
          `${r.session} ms`,
          r.ours.toFixed(0),
          r.sequential.toFixed(0),
          (r.ours / r.sequential).toFixed(2),
        ]),
      ),
      `The official binding's pattern loads ChatKit's script, then sets options, then fetches the secret; ours starts both at once, so it waits for the longer of the two rather than their sum. Launcher, from pointing at the button (the core, then script and session, ${browser.ready.latencyMs} ms each): ${browser.ready.launcher.toFixed(0)} ms.`,
      ...[
        ['Memory, inline', browser.memory, 'mount/unmount cycles'],
        ['Memory, launcher', browser.launcherMemory, 'open/close cycles'],
      ].map(([name, m, what]) =>
        table(
          [name, 'after warm-up', `after ${m.cycles} ${what}`, `after ${2 * m.cycles}`],
          [
            ['JS heap after GC, KB', m.before.heapKb.toFixed(0), m.after.heapKb.toFixed(0), m.again.heapKb.toFixed(0)],
            ['listeners on window and document', m.before.listeners, m.after.listeners, m.again.listeners],
          ],
        ),
      ),
    ].join('\n\n');
const serverTable = table(
  ['Server path', 'clients', 'req/s', 'p99 ms', 'errors'],
  server.rows.map((r) => (r.skipped ? [r.name, '', r.skipped, '', ''] : [r.name, r.connections, r.rps.toFixed(0), r.p99, r.errors])),
);
const importTable = table(
  ['Server entry', 'what it is', 'packages loaded', 'import ms (median)', 'RSS MB after'],
  imports.map((r) => [
    `\`${r.specifier}\``,
    r.what,
    r.packages.length ? `${r.packages.length}: ${r.packages.join(', ')}` : '0',
    r.ms.toFixed(0),
    r.rssMb.toFixed(0),
  ]),
);
const startupTable = table(
  ['`serve` configuration', 'start-up ms (spawn to ready, median)', 'idle RSS MB'],
  startup.map((r) => [r.name, r.ms.toFixed(0), r.rssMb.toFixed(0)]),
);
const adminTable = table(
  ['Store', 'first page ms', 'page 5,000 threads in ms', 'search that finds 10 ms', 'search that finds none ms'],
  admin.map((r) => [r.store, r.first.toFixed(1), r.deep.toFixed(1), r.hit.toFixed(1), r.miss.toFixed(1)]),
);
const inboxTable = inbox.skipped
  ? `Skipped: ${inbox.skipped}.`
  : table(
      ['Store', 'sign in to 50 threads ms', 'Load more to 100 ms', 'search to its 10 threads ms', 'open a transcript ms'],
      inbox.rows.map((r) => [r.store, r.signIn.toFixed(0), r.more.toFixed(0), r.search.toFixed(0), r.open.toFixed(0)]),
    );
const growthTable = table(
  ['Thread items', "time to the responder's first event, p50 ms", 'p99 ms'],
  server.growth.map((g) => [g.items, g.p50.toFixed(1), g.p99.toFixed(1)]),
);

const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}. Compare ratios within one run; absolute numbers depend on the machine.

## Size

${sizeTable}

Our bundles do not include OpenAI's \`chatkit.js\` (the chat UI itself), which every
ChatKit embed, \`@openai/chatkit-react\` included, loads from OpenAI's CDN at run time;
the peers ship their own chat UI in their bundle. \`chatkit.js\` cannot be fetched where
this benchmark runs, so it is in no row: a real page loads it on top of our figures. The
chart puts our two script-tag files together beside the peers' bundles. The npm rows
count what loads up front as the entry and every chunk it imports statically; "in an
app" bundles Lit too, which an app that does not use Lit otherwise adds.

![sizes](chart.svg)

## Secret refresh

${refreshTable}

Two latencies, not a ratio: the second is the session endpoint's latency (a fixed
${refreshResult.latencyMs} ms here) plus the request, which the proactive refresh takes
off the chat's path.

## In the browser (Chromium)

${browserTable}

## Server

${serverTable}

Every row authenticates as \`serve\` does, with a JWT verified on each request. The
\`ChatKit stream (memory), …\` rows are the same server behind three Node adapters,
measured in turn at each load level: the adapter \`toNodeHandler\` replaced, Hono's
\`@hono/node-server\`, and \`toNodeHandler\` itself; compare their ratios within this
run.

### Start-up: what each entry of chatkit-embed-server loads

${importTable}

Each row is a fresh \`node\` process importing one entry, median of five. A bare
\`node\` process is the floor for RSS.

### Start-up of the served backend, per configuration

${startupTable}

\`npx chatkit-embed-server serve\` as users start it (token key generated, HTTP server
listening), median of three. Each configuration loads only what it needs: the OpenAI SDK
only with hosted sessions on, \`pg\` only with a \`postgres://\` store, the Agents SDK
and the TypeScript loader only with \`--agent\` or \`--workflow\`, the workflow check's parser
(\`@babel/parser\`) only with \`--workflow\`.

### The site owner's listing and search on 10,000 threads

${adminTable}

\`AdminStore.listAllThreads\` with 50 threads a page, across 500 visitors, each thread
with a user and an assistant message; median of seven calls. Search reads titles and
message texts in the store; no index covers it, so a search that finds little reads
every message.

### The inbox page on 10,000 threads (Chromium)

${inboxTable}

The same 10,000 threads through the standalone server's inbox page (\`serve --admin\`):
from the key press or click to the page showing the result, median of five runs. Paging
and search run in the store; the page holds only the rows loaded. The page itself is
${inbox.skipped ? 'not measured' : `${kb(inbox.bytes)} KB gzip`} (HTML, script with Lit inlined, stylesheet).

### History: the responder's first event on a short and a long thread

${growthTable}
`;
console.log(
  `${sizeTable}\n\n${refreshTable}\n\n${browserTable}\n\n${serverTable}\n\n${importTable}\n\n${startupTable}\n\n${adminTable}\n\n${inboxTable}\n\n${growthTable}`,
);
writeFileSync('bench/results.md', report);
writeFileSync(
  'bench/chart.svg',
  chart(
    'Script-tag install, everything it loads, gzip',
    [
      // Like with like: the peers' bundles hold their whole chat UI, so ours is shell and
      // core together; OpenAI's chatkit.js, which ours also loads, is not in the bar.
      {
        // An English page: a page in another language adds one translation (its own row).
        label: "chatkit-embed shell + core (not OpenAI's chatkit.js)",
        value:
          size.filter((r) => r.name.includes('(script tag') && !r.name.includes('translation')).reduce((sum, r) => sum + r.gzip, 0) / 1024,
        ours: true,
      },
      ...size
        .filter((r) => !r.missing && !r.name.startsWith('chatkit-embed') && !r.name.startsWith('@openai/'))
        .map((r) => ({ label: r.name, value: r.gzip / 1024, ours: false })),
    ],
    'KB',
  ),
);
console.log('\nWrote bench/results.md and bench/chart.svg.');
