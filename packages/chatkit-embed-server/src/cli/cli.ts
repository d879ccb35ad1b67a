/**
 * `npx chatkit-embed-server serve`: a standalone session server configured from flags and the
 * environment. The OpenAI API key is read from the environment only, never from a flag,
 * since flags show up in process lists and shell history.
 * `migrate` checks an Agent Builder export, `doctor` a deployed setup, and `threads`
 * lists what a ChatKit backend stored (with `--admin`, every visitor's, with feedback).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import type { RateLimitStore } from '../http/rate-limiter.js';
import { importPeer } from '../runtime/peer.js';
import type { createStandaloneServer as CreateStandaloneServer } from '../standalone/standalone.js';

// Each command imports what it uses when it runs, so `doctor` never loads the server and
// `serve` loads the workflow compiler and the Agents SDK only with --workflow.

const SERVE_HELP = `Usage: chatkit-embed-server serve [options]

serve    runs a ChatKit backend for <chatkit-embed> at /chatkit, answered by
         --offline, --agent or --workflow, with the token endpoint its pages use; and
         hosted sessions when OPENAI_API_KEY and CHATKIT_WORKFLOW_ID are set.

Options of serve (environment variable in brackets):
  --offline               answer at /chatkit with the offline responder: no key, no model,
                          to try everything end to end
  --agent <file>          answer with your own agent: a module (TypeScript or JavaScript, no
                          build step) exporting an Agents SDK Agent, an AI SDK setup
                          ({ model, system, tools }) or a respond function,
                          as \`respond\`, \`agent\` or its default export
  --workflow <file>       answer with an Agent Builder export (TypeScript or JavaScript)
  --data <url>            where its threads live [DATABASE_URL]: a SQLite file (default
                          .chatkit/chatkit.sqlite), postgres://… (shared by several
                          instances, rate limits included) or memory:
  --files <dir>           where attachments are kept [CHATKIT_FILES_DIR] (default: files/ next
                          to the SQLite file, else .chatkit/files), at most CHATKIT_FILES_MAX_MB
                          (default 1024)
  --rate-limit <n>        requests a minute per user on the token and session endpoints
                          [CHATKIT_RATE_LIMIT] (default 20)
  --turns-per-minute <n>  messages (answered turns) a minute per user at /chatkit
                          [CHATKIT_TURNS_PER_MINUTE] (default 20)
  --concurrent-streams <n> answers streaming at once per user [CHATKIT_CONCURRENT_STREAMS] (default 3)
  --attachments-per-day <n> uploads a day per user [CHATKIT_ATTACHMENTS_PER_DAY] (default 100)
  --admin                 serve the site owner's inbox page at /admin/ and its API at /admin/api,
                          behind CHATKIT_ADMIN_TOKEN (24+ characters, environment only)
  --retention-days <n>    delete threads (and their uploaded files) older than this many days, at start and hourly
                          [CHATKIT_RETENTION_DAYS] (default: keep them)
  --port <n>              port to listen on [PORT] (default 8787)
  --host <address>        address to listen on [HOST] (default 127.0.0.1; 0.0.0.0 in a container)
  --workflow-id <id>      Agent Builder workflow for hosted sessions [CHATKIT_WORKFLOW_ID]
  --workflow-version <v>  its version [CHATKIT_WORKFLOW_VERSION]
  --origin <url>          a page origin allowed to call cross-origin; repeatable
                          [CHATKIT_ALLOWED_ORIGINS, comma-separated]
  --trust-proxy           read client IPs and scheme from X-Forwarded-* [CHATKIT_TRUST_PROXY=1]
  --allowed-host <name>   a host name this server answers to, such as its public name behind a
                          proxy; repeatable, or * for any [CHATKIT_ALLOWED_HOSTS, comma-separated].
                          Localhost names and IP addresses always work; other names get 421
                          (a defence against DNS rebinding)
  --token-key-file <pem>  PKCS#8 private key (ES256) for self-hosted tokens [CHATKIT_TOKEN_PRIVATE_KEY_FILE]
  -h, --help              this text

Environment only:
  OPENAI_API_KEY                 enables hosted sessions (with a workflow id)
  OPENAI_BASE_URL                another OpenAI-compatible base URL
  CHATKIT_TOKEN_PRIVATE_KEY      PEM private key, instead of the file
  CHATKIT_TOKEN_SECRET           HS256 shared secret (32+ bytes), instead of a key pair
  CHATKIT_TOKEN_ISSUER           iss claim of the tokens
  CHATKIT_GUARDRAIL_MESSAGE      what the reader sees when a workflow's guardrail stops a turn
  CHATKIT_MAX_CONNECTIONS        open connections at most (default 1000)
  CHATKIT_HEADERS_TIMEOUT_MS     time a client has to send its request headers (default 10000)
  CHATKIT_REQUEST_TIMEOUT_MS     time a client has to send a whole request (default 120000)
  CHATKIT_COOKIE_KEY             a server key (16+ bytes) that anonymous visitors' ids are derived
                                 with; keep it stable and the same on every instance

Without a token key or secret, a key pair is generated at start: tokens then stop
verifying when the server restarts.`;

const MIGRATE_HELP = `Usage: chatkit-embed-server migrate <workflow.ts>

migrate  checks an Agent Builder export before it is served: its shape, agents and
         tools, what the server does with each, and what needs a hand.
         Exits 1 when the file does not parse or has an error finding.`;

const DOCTOR_THREADS_OPTIONS = `Options of doctor and threads:
  --page <url>            the page with the chat
  --session-url <url>     the element's session-url (with --api-url: its token endpoint)
  --origin <origin>       the page origin requests come from (default: the origin of --page)
  --api-url <url>         the element's api-url, a self-hosted ChatKit backend
  --token <t>             a bearer token for --api-url
  --token-url <url>       an endpoint that mints one (doctor falls back on --session-url)
  --thread <id>           threads: list this thread's items, oldest first
  --limit <n>             threads: at most this many (default 50)
  --json                  print JSON instead of lines`;

const DOCTOR_HELP = `Usage: chatkit-embed-server doctor [--page <url>] [--session-url <url>] [--origin <origin>]
                                   [--api-url <url>] [--token <t> | --token-url <url>] [--json]

doctor   checks a deployed setup as a visitor's browser meets it: the session endpoint
         (CORS, status, secret, expiry), the page (CSP, COEP) and a self-hosted backend.
         One line per check, PASS, WARN or FAIL with the fix; exits 1 if a check fails.

${DOCTOR_THREADS_OPTIONS}`;

const THREADS_HELP = `Usage: chatkit-embed-server threads --api-url <url> (--token <t> | --token-url <url>)
                                    [--origin <origin>] [--thread <id>] [--limit <n>] [--json]
       chatkit-embed-server threads --admin (--api-url <url> | --admin-url <url>)
                                    [--feedback positive|negative] [--thread <id> --user <id>]
                                    [--limit <n>] [--json]

threads  lists a user's threads, newest first, or with --thread one thread's items,
         from a ChatKit backend: to see that it keeps what the chat sent.
         With a visitor's token it reads through the ChatKit protocol, which carries no
         feedback. With --admin it reads through the site owner's API of
         chatkit-embed-server serve --admin instead: every visitor's threads, each with
         its feedback counts (+positive -negative), and with --thread each item marked
         positive, negative or - (a reader's thumbs up or down).

${DOCTOR_THREADS_OPTIONS}

Options of threads --admin:
  --admin                 read through the admin API with CHATKIT_ADMIN_TOKEN (environment
                          only: a flag would show in process lists); no --token
  --admin-url <url>       where the admin API is (default: /admin/api on --api-url's server)
  --feedback <kind>       only threads with at least one item given positive or negative feedback
  --user <id>             with --thread: whose thread it is (the listing shows it); an id
                          that starts with - goes as --user=<id>`;

/** Each command's own help, for `<command> --help`. */
const COMMAND_HELP: Record<string, string> = { serve: SERVE_HELP, migrate: MIGRATE_HELP, doctor: DOCTOR_HELP, threads: THREADS_HELP };

const USAGE = `Usage: chatkit-embed-server serve [options]
       chatkit-embed-server migrate <workflow.ts>
       chatkit-embed-server doctor [--page <url>] [--session-url <url>] [--origin <origin>]
                                   [--api-url <url>] [--token <t> | --token-url <url>] [--json]
       chatkit-embed-server threads --api-url <url> (--token <t> | --token-url <url>)
                                    [--origin <origin>] [--thread <id>] [--limit <n>] [--json]
       chatkit-embed-server threads --admin (--api-url <url> | --admin-url <url>) [--feedback <kind>] ...

serve    runs a ChatKit backend for <chatkit-embed> at /chatkit, answered by
         --offline, --agent or --workflow, with the token endpoint its pages use; and
         hosted sessions when OPENAI_API_KEY and CHATKIT_WORKFLOW_ID are set.
migrate  checks an Agent Builder export before it is served: its shape, agents and
         tools, what the server does with each, and what needs a hand.
doctor   checks a deployed setup as a visitor's browser meets it: the session endpoint
         (CORS, status, secret, expiry), the page (CSP, COEP) and a self-hosted backend.
         One line per check, PASS, WARN or FAIL with the fix; exits 1 if a check fails.
threads  lists a user's threads, newest first, or with --thread one thread's items,
         from a ChatKit backend: to see that it keeps what the chat sent. With --admin
         (and CHATKIT_ADMIN_TOKEN), every visitor's threads with readers' feedback.

Run chatkit-embed-server <command> --help for a command's options.`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'workflow-id': { type: 'string' },
  'workflow-version': { type: 'string' },
  origin: { type: 'string', multiple: true },
  'trust-proxy': { type: 'boolean' },
  'allowed-host': { type: 'string', multiple: true },
  'token-key-file': { type: 'string' },
  workflow: { type: 'string' },
  offline: { type: 'boolean' },
  agent: { type: 'string' },
  data: { type: 'string' },
  files: { type: 'string' },
  'rate-limit': { type: 'string' },
  'turns-per-minute': { type: 'string' },
  'concurrent-streams': { type: 'string' },
  'attachments-per-day': { type: 'string' },
  'retention-days': { type: 'string' },
  admin: { type: 'boolean' },
  page: { type: 'string' },
  'session-url': { type: 'string' },
  'api-url': { type: 'string' },
  token: { type: 'string' },
  'token-url': { type: 'string' },
  thread: { type: 'string' },
  user: { type: 'string' },
  'admin-url': { type: 'string' },
  feedback: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The options each command takes; any other is a usage error rather than silently ignored. */
const COMMAND_OPTIONS: Record<string, ReadonlyArray<keyof typeof OPTIONS>> = {
  serve: [
    'port',
    'host',
    'workflow-id',
    'workflow-version',
    'origin',
    'trust-proxy',
    'allowed-host',
    'token-key-file',
    'workflow',
    'offline',
    'agent',
    'data',
    'files',
    'rate-limit',
    'turns-per-minute',
    'concurrent-streams',
    'attachments-per-day',
    'retention-days',
    'admin',
    'help',
  ],
  doctor: ['page', 'session-url', 'origin', 'api-url', 'token', 'token-url', 'json', 'help'],
  threads: ['api-url', 'token', 'token-url', 'origin', 'thread', 'limit', 'json', 'admin', 'admin-url', 'user', 'feedback', 'help'],
};

/** A mistake in the command line: exit code 2, with the usage. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS }));
    const allowed = COMMAND_OPTIONS[positionals[0] ?? ''];
    const stray = allowed && Object.keys(values).find((name) => !allowed.includes(name as keyof typeof OPTIONS));
    if (stray) throw new UsageError(`${positionals[0]} takes no --${stray}.`);
    if (values.help) {
      console.log(COMMAND_HELP[positionals[0] ?? ''] ?? USAGE);
      return 0;
    }
    if ((positionals[0] === 'doctor' || positionals[0] === 'threads') && positionals.length > 1) {
      throw new UsageError(`${positionals[0]} takes options only, not ${positionals[1]}.`);
    }
    if (positionals[0] === 'doctor') return await doctor(values);
    if (positionals[0] === 'threads') return await threads(values);
  } catch (error) {
    if (!(error instanceof UsageError) && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    console.error(`chatkit-embed-server: ${(error as Error).message}\nSee chatkit-embed-server --help.`);
    return 2;
  }
  if (positionals[0] === 'migrate' && positionals[1]) {
    const source = readFileSync(positionals[1], 'utf8');
    const { findSyntaxError } = await import('../workflow/syntax-check.js');
    // esbuild loads the file when it is served, so its verdict is the one that counts; the
    // check's own parser is more lenient (it recovers from what it can).
    const broken = await findSyntaxError(source, positionals[1]);
    if (broken) {
      console.error(
        `${broken.file}:${broken.line}:${broken.column}: ${broken.message}\nThe file does not parse, so it cannot be served; fix it and run migrate again.`,
      );
      return 1;
    }
    const { inspectWorkflowSource } = await import('../workflow/inspect-workflow.js');
    const { formatWorkflowReport } = await import('../workflow/workflow-report.js');
    const report = inspectWorkflowSource(source, positionals[1]);
    console.log(formatWorkflowReport(report));
    return report.findings.some((finding) => finding.level === 'error') ? 1 : 0;
  }
  if (positionals[0] !== 'serve') {
    console.log(USAGE);
    return 2;
  }
  const env = process.env;
  const port = Number(values.port ?? env.PORT ?? 8787);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const workflowId = values['workflow-id'] ?? env.CHATKIT_WORKFLOW_ID;
  const workflowVersion = values['workflow-version'] ?? env.CHATKIT_WORKFLOW_VERSION;
  const origins =
    values.origin ??
    env.CHATKIT_ALLOWED_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean) ??
    [];
  const keyFile = values['token-key-file'] ?? env.CHATKIT_TOKEN_PRIVATE_KEY_FILE;
  const privateKey = keyFile ? readFileSync(keyFile, 'utf8') : env.CHATKIT_TOKEN_PRIVATE_KEY;

  const trustProxy = Boolean(values['trust-proxy'] || env.CHATKIT_TRUST_PROXY === '1');
  const hostList =
    values['allowed-host'] ??
    env.CHATKIT_ALLOWED_HOSTS?.split(',')
      .map((h) => h.trim())
      .filter(Boolean) ??
    [];
  const allowedHosts = hostList.includes('*') ? ('*' as const) : hostList;
  const { createStandaloneServer } = await import('../standalone/standalone.js');
  let chatkit: Parameters<typeof CreateStandaloneServer>[0]['chatkit'];
  let sharedLimits: RateLimitStore | undefined;
  const logLine = (entry: object) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  const answerers = [values.offline && '--offline', values.agent && '--agent', values.workflow && '--workflow'].filter(Boolean);
  if (answerers.length > 1) throw new UsageError(`Pass one of ${answerers.join(', ')}: each answers the chat on its own.`);
  let answer: { respond: NonNullable<typeof chatkit>['respond']; action?: NonNullable<typeof chatkit>['action'] } | undefined;
  if (values.offline) {
    const { offlineAction, offlineResponder } = await import('../protocol/offline-responder.js');
    answer = { respond: offlineResponder(), action: offlineAction() };
  } else if (values.agent) {
    const { loadAgentModule } = await import('./agent-module.js');
    answer = await loadAgentModule(values.agent, logLine);
  } else if (values.workflow) {
    if (!env.OPENAI_API_KEY) throw new Error('--workflow needs OPENAI_API_KEY in the environment: the workflow calls OpenAI.');
    const { loadWorkflow, workflowResponder } = await importPeer(
      '@openai/agents',
      'serve --workflow',
      () => import('../workflow/workflow-responder.js'),
    );
    // Loaded first, so a file that does not load fails with the loader's own error.
    const runWorkflow = await loadWorkflow(values.workflow);
    const { inspectWorkflowSource } = await import('../workflow/inspect-workflow.js');
    const { hostedToolLabels } = await import('../workflow/workflow-report.js');
    const hostedTools = hostedToolLabels(inspectWorkflowSource(readFileSync(values.workflow, 'utf8'), values.workflow));
    answer = {
      respond: workflowResponder({
        runWorkflow,
        log: logLine,
        hostedTools,
        ...(env.CHATKIT_GUARDRAIL_MESSAGE && { guardrailMessage: env.CHATKIT_GUARDRAIL_MESSAGE }),
      }),
    };
  }
  let files: Parameters<typeof CreateStandaloneServer>[0]['files'];
  if (answer) {
    const { openStore } = await import('../stores/open-store.js');
    const data = values.data ?? env.DATABASE_URL ?? env.CHATKIT_DATA_FILE ?? '.chatkit/chatkit.sqlite';
    const store = await openStore(data);
    // Attachments on disk next to a SQLite file, else in .chatkit/files.
    const filesDir =
      values.files ??
      env.CHATKIT_FILES_DIR ??
      (/^(memory:|postgres(ql)?:\/\/)/.test(data) ? '.chatkit/files' : join(dirname(data), 'files'));
    const { DiskFileStorage } = await import('../stores/disk-file-storage.js');
    files = {
      storage: await DiskFileStorage.open(filesDir, {
        maxTotalBytes: count(env.CHATKIT_FILES_MAX_MB, 1024, 'CHATKIT_FILES_MAX_MB') * 1024 * 1024,
      }),
    };
    chatkit = {
      store,
      ...answer,
      limits: {
        turns: { limit: count(values['turns-per-minute'] ?? env.CHATKIT_TURNS_PER_MINUTE, 20, '--turns-per-minute'), windowMs: 60_000 },
        concurrentStreams: count(values['concurrent-streams'] ?? env.CHATKIT_CONCURRENT_STREAMS, 3, '--concurrent-streams'),
        attachments: {
          limit: count(values['attachments-per-day'] ?? env.CHATKIT_ATTACHMENTS_PER_DAY, 100, '--attachments-per-day'),
          windowMs: 86_400_000,
        },
      },
    };
    sharedLimits = store.rateLimitStore?.();
  }
  const perUser = count(values['rate-limit'] ?? env.CHATKIT_RATE_LIMIT, 20, '--rate-limit');
  const server = await createStandaloneServer({
    ...(chatkit && { chatkit }),
    ...(files && { files }),
    ...(values.admin && { admin: { credential: adminCredential(env.CHATKIT_ADMIN_TOKEN) } }),
    ...(chatkit &&
      (values['retention-days'] ?? env.CHATKIT_RETENTION_DAYS) !== undefined && {
        retentionDays: count(values['retention-days'] ?? env.CHATKIT_RETENTION_DAYS, 0, '--retention-days'),
      }),
    ...(env.OPENAI_API_KEY && { apiKey: env.OPENAI_API_KEY }),
    ...(env.OPENAI_BASE_URL && { baseURL: env.OPENAI_BASE_URL }),
    ...(workflowId && { workflow: { id: workflowId, ...(workflowVersion && { version: workflowVersion }) } }),
    tokens: {
      ...(env.CHATKIT_TOKEN_SECRET ? { secret: env.CHATKIT_TOKEN_SECRET } : privateKey ? { privateKey } : {}),
      ...(env.CHATKIT_TOKEN_ISSUER && { issuer: env.CHATKIT_TOKEN_ISSUER }),
    },
    ...(env.CHATKIT_COOKIE_KEY && { cookie: { key: env.CHATKIT_COOKIE_KEY } }),
    allowedOrigins: origins,
    allowedHosts,
    rateLimit: { perUser: { limit: perUser, windowMs: 60_000 }, ...(sharedLimits && { store: sharedLimits }) },
    trustProxy,
    log: logLine,
  });
  const { toNodeHandler } = await import('../http/node-adapter.js');
  // Slow or idle clients must not hold the server: a deadline for the headers and for the
  // whole request body (answers may stream for longer), and a cap on open connections.
  const http = createServer(
    {
      headersTimeout: positive(env.CHATKIT_HEADERS_TIMEOUT_MS, 10_000),
      requestTimeout: positive(env.CHATKIT_REQUEST_TIMEOUT_MS, 120_000),
      connectionsCheckingInterval: 1_000,
    },
    toNodeHandler(server.handler, { trustProxy }),
  );
  http.maxConnections = positive(env.CHATKIT_MAX_CONNECTIONS, 1_000);
  await new Promise<void>((resolve, reject) => http.once('error', reject).listen(port, host, resolve));
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`chatkit-embed-server on http://${host}:${actualPort}`);
  for (const line of server.routes) console.log(`  ${line}`);
  const answeredBy = values.offline ? 'the offline responder' : values.agent ? values.agent : values.workflow;
  console.log(
    answeredBy
      ? `  (/chatkit is answered by ${answeredBy}, threads kept in ${values.data ?? env.DATABASE_URL ?? env.CHATKIT_DATA_FILE ?? '.chatkit/chatkit.sqlite'})`
      : '  (no ChatKit backend: add --offline, --agent <file> or --workflow <file> to serve /chatkit)',
  );
  if (allowedHosts !== '*' && !allowedHosts.length && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.log('  (answers to IP addresses and localhost names only: add --allowed-host <name> for its public name)');
  }
  if (!env.OPENAI_API_KEY || !workflowId) {
    console.log('  (hosted sessions are off: set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID to serve them)');
  }
  if (!env.CHATKIT_TOKEN_SECRET && !privateKey) {
    console.log('  (token key generated for this run: set CHATKIT_TOKEN_PRIVATE_KEY_FILE to keep tokens valid across restarts)');
  }
  const stop = () => http.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

async function doctor(values: Values): Promise<number> {
  const page = values.page ? httpUrl(values.page, '--page') : undefined;
  // Relative URLs, as in the element's attributes, are relative to the page.
  const sessionUrl = values['session-url'] ? httpUrl(values['session-url'], '--session-url', page) : undefined;
  const apiUrl = values['api-url'] ? httpUrl(values['api-url'], '--api-url', page) : undefined;
  const tokenUrl = values['token-url'] ? httpUrl(values['token-url'], '--token-url', page) : undefined;
  if (!page && !sessionUrl && !apiUrl) throw new UsageError('doctor needs --page, --session-url or --api-url.');
  if (values.token !== undefined && tokenUrl) throw new UsageError('Pass --token or --token-url, not both.');
  if ((values.token !== undefined || tokenUrl) && !apiUrl) throw new UsageError('--token and --token-url are for --api-url.');
  if (apiUrl && values.token === undefined && !tokenUrl && !sessionUrl) {
    throw new UsageError('--api-url needs --token, --token-url or --session-url for a bearer token.');
  }
  const origin = singleOrigin(values.origin);
  const { formatChecks, runDoctor } = await import('./doctor.js');
  const checks = await runDoctor({
    ...(page && { page }),
    ...(sessionUrl && { sessionUrl }),
    ...(apiUrl && { apiUrl }),
    ...(tokenUrl && { tokenUrl }),
    ...(values.token !== undefined && { token: values.token }),
    ...(origin && { origin }),
  });
  console.log(values.json ? JSON.stringify(checks, null, 2) : formatChecks(checks));
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}

async function threads(values: Values): Promise<number> {
  if (values.admin) return adminThreads(values);
  for (const flag of ['admin-url', 'user', 'feedback'] as const) {
    if (values[flag] !== undefined) {
      throw new UsageError(`--${flag} is for threads --admin: a visitor's token sees only that visitor, and no feedback.`);
    }
  }
  if (!values['api-url']) throw new UsageError('threads needs --api-url.');
  const apiUrl = httpUrl(values['api-url'], '--api-url');
  const tokenUrl = values['token-url'] ? httpUrl(values['token-url'], '--token-url') : undefined;
  if ((values.token === undefined) === !tokenUrl) throw new UsageError('threads needs --token or --token-url (one of them).');
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, not ${values.limit}.`);
  const origin = singleOrigin(values.origin);
  const { mintToken } = await import('./http-probe.js');
  const { formatItems, formatThreads, listItems, listThreads } = await import('./threads-inspect.js');
  const token = values.token ?? (await mintToken(tokenUrl!, origin));
  const connection = { apiUrl, token, origin };
  if (values.thread) {
    const { data, hasMore } = await listItems(connection, values.thread, limit);
    console.log(values.json ? JSON.stringify(data, null, 2) : formatItems(data, hasMore));
  } else {
    const { data, hasMore } = await listThreads(connection, limit);
    console.log(values.json ? JSON.stringify(data, null, 2) : formatThreads(data, hasMore));
  }
  return 0;
}

/** `threads --admin`: through the site owner's API, where feedback is known. */
async function adminThreads(values: Values): Promise<number> {
  if (values.token !== undefined || values['token-url'] !== undefined) {
    throw new UsageError('threads --admin reads with CHATKIT_ADMIN_TOKEN; pass no --token or --token-url.');
  }
  if (values.origin !== undefined) throw new UsageError('threads --admin takes no --origin: the admin API is not called from pages.');
  const credential = process.env.CHATKIT_ADMIN_TOKEN;
  if (!credential)
    throw new UsageError('threads --admin needs CHATKIT_ADMIN_TOKEN in the environment (the credential serve --admin uses).');
  if (!values['api-url'] && !values['admin-url']) throw new UsageError('threads --admin needs --api-url or --admin-url.');
  const { defaultAdminUrl, formatAdminThreads, listAllThreads, loadThreadItems } = await import('./threads-admin.js');
  const adminUrl = values['admin-url']
    ? httpUrl(values['admin-url'], '--admin-url')
    : defaultAdminUrl(httpUrl(values['api-url']!, '--api-url'));
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number above 0, not ${values.limit}.`);
  const feedback = values.feedback;
  if (feedback !== undefined && feedback !== 'positive' && feedback !== 'negative') {
    throw new UsageError(`--feedback must be positive or negative, not ${feedback}.`);
  }
  const connection = { adminUrl, credential };
  if (values.thread) {
    if (feedback) throw new UsageError('--feedback filters the listing; with --thread every item shows its own.');
    if (!values.user) throw new UsageError('threads --admin --thread needs --user: whose thread it is (the listing shows it).');
    const { formatItems } = await import('./threads-inspect.js');
    const answer = await loadThreadItems(connection, values.user, values.thread);
    const items = answer.items.slice(0, limit);
    const hasMore = answer.items.length > limit;
    console.log(values.json ? JSON.stringify({ ...answer, items }, null, 2) : formatItems(items, hasMore, answer.feedback));
    return 0;
  }
  if (values.user) throw new UsageError('--user is for --thread; the listing shows every visitor.');
  const { data, hasMore } = await listAllThreads(connection, limit, feedback);
  console.log(values.json ? JSON.stringify(data, null, 2) : formatAdminThreads(data, hasMore, feedback));
  return 0;
}

/** The admin credential, from the environment only (a flag would show in process lists). */
function adminCredential(value: string | undefined): string {
  if (!value || value.length < 24) throw new UsageError('--admin needs CHATKIT_ADMIN_TOKEN in the environment, 24 characters or more.');
  return value;
}

/** A limit from a flag or the environment: a whole number above 0, else a usage error. */
function count(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} must be a whole number above 0, not ${value}.`);
  return number;
}

/** A positive whole number from the environment, else `fallback`. */
function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : fallback;
}

function httpUrl(value: string, flag: string, base?: string): string {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new UsageError(
      `${flag} must be an absolute URL (https://…)${base === undefined ? '' : ' or one relative to --page'}, not ${value}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${flag} must be an http(s) URL, not ${value}.`);
  return url.href;
}

function singleOrigin(origins: string[] | undefined): string | undefined {
  if (!origins?.length) return undefined;
  if (origins.length > 1) throw new UsageError('Pass one --origin.');
  return new URL(httpUrl(origins[0]!, '--origin')).origin;
}

/** Runs a command line (without `node` and the script); the process exits when it is done. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      // Exit once stdout is flushed: on a pipe a long report may still be on its way.
      if (code >= 0) process.stdout.write('', () => process.exit(code));
    },
    (error: Error) => {
      if (error instanceof UsageError) {
        console.error(`chatkit-embed-server: ${error.message}\nSee chatkit-embed-server --help.`);
        process.exit(2);
      }
      console.error(`chatkit-embed-server: ${error.message}`);
      process.exit(1);
    },
  );
}
