#!/usr/bin/env node
/**
 * `npx chatkit-embed serve`: a standalone session server configured from flags and the
 * environment. The OpenAI API key is read from the environment only, never from a flag,
 * since flags show up in process lists and shell history.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createStandaloneServer } from './standalone.js';
import { openStore } from './chatkit/postgres-store.js';
import { loadWorkflow, workflowResponder } from './workflow/workflow-responder.js';
import { inspectWorkflowSource, formatWorkflowReport } from './workflow/inspect-workflow.js';
import { toNodeHandler } from './node-adapter.js';
import type { RateLimitStore } from './rate-limiter.js';

const USAGE = `Usage: chatkit-embed serve [options]
       chatkit-embed migrate <workflow.ts>

serve    runs a session server for <chatkit-embed>; with --workflow, also a ChatKit
         backend at /chatkit that runs an Agent Builder export unchanged.
migrate  checks an Agent Builder export before it is served: its shape, agents and
         tools, what the server does with each, and what needs a hand.

Options of serve (environment variable in brackets):
  --workflow <file>       an Agent Builder export (TypeScript or JavaScript) to serve at /chatkit
  --data <url>            where its threads live [DATABASE_URL]: a SQLite file (default
                          .chatkit/chatkit.sqlite), postgres://… (shared by several
                          instances, rate limits included) or memory:
  --rate-limit <n>        requests a minute per user on the token and session endpoints
                          [CHATKIT_RATE_LIMIT] (default 20)
  --port <n>              port to listen on [PORT] (default 8787)
  --host <address>        address to listen on [HOST] (default 127.0.0.1; 0.0.0.0 in a container)
  --workflow-id <id>      Agent Builder workflow for hosted sessions [CHATKIT_WORKFLOW_ID]
  --workflow-version <v>  its version [CHATKIT_WORKFLOW_VERSION]
  --origin <url>          a page origin allowed to call cross-origin; repeatable
                          [CHATKIT_ALLOWED_ORIGINS, comma-separated]
  --trust-proxy           read client IPs and scheme from X-Forwarded-* [CHATKIT_TRUST_PROXY=1]
  --token-key-file <pem>  PKCS#8 private key (ES256) for self-hosted tokens [CHATKIT_TOKEN_PRIVATE_KEY_FILE]
  -h, --help              this text

Environment only:
  OPENAI_API_KEY                 enables hosted sessions (with a workflow id)
  OPENAI_BASE_URL                another OpenAI-compatible base URL
  CHATKIT_TOKEN_PRIVATE_KEY      PEM private key, instead of the file
  CHATKIT_TOKEN_SECRET           HS256 shared secret (32+ bytes), instead of a key pair
  CHATKIT_TOKEN_ISSUER           iss claim of the tokens

Without a token key or secret, a key pair is generated at start: tokens then stop
verifying when the server restarts.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'workflow-id': { type: 'string' },
      'workflow-version': { type: 'string' },
      origin: { type: 'string', multiple: true },
      'trust-proxy': { type: 'boolean' },
      'token-key-file': { type: 'string' },
      workflow: { type: 'string' },
      data: { type: 'string' },
      'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals[0] === 'migrate' && positionals[1]) {
    const report = inspectWorkflowSource(readFileSync(positionals[1], 'utf8'), positionals[1]);
    console.log(formatWorkflowReport(report));
    return report.findings.some((finding) => finding.level === 'error') ? 1 : 0;
  }
  if (values.help || positionals[0] !== 'serve') {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const env = process.env;
  const port = Number(values.port ?? env.PORT ?? 8787);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const workflowId = values['workflow-id'] ?? env.CHATKIT_WORKFLOW_ID;
  const workflowVersion = values['workflow-version'] ?? env.CHATKIT_WORKFLOW_VERSION;
  const origins = values.origin ?? env.CHATKIT_ALLOWED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [];
  const keyFile = values['token-key-file'] ?? env.CHATKIT_TOKEN_PRIVATE_KEY_FILE;
  const privateKey = keyFile ? readFileSync(keyFile, 'utf8') : env.CHATKIT_TOKEN_PRIVATE_KEY;

  const trustProxy = Boolean(values['trust-proxy'] || env.CHATKIT_TRUST_PROXY === '1');
  let chatkit: Parameters<typeof createStandaloneServer>[0]['chatkit'];
  let sharedLimits: RateLimitStore | undefined;
  if (values.workflow) {
    if (!env.OPENAI_API_KEY) throw new Error('--workflow needs OPENAI_API_KEY in the environment: the workflow calls OpenAI.');
    const runWorkflow = await loadWorkflow(values.workflow);
    const store = await openStore(values.data ?? env.DATABASE_URL ?? env.CHATKIT_DATA_FILE ?? '.chatkit/chatkit.sqlite');
    chatkit = { store, respond: workflowResponder({ runWorkflow }) };
    sharedLimits = store.rateLimitStore?.();
  }
  const perUser = Number(values['rate-limit'] ?? env.CHATKIT_RATE_LIMIT ?? 20);
  const server = await createStandaloneServer({
    ...(chatkit && { chatkit }),
    ...(env.OPENAI_API_KEY && { apiKey: env.OPENAI_API_KEY }),
    ...(env.OPENAI_BASE_URL && { baseURL: env.OPENAI_BASE_URL }),
    ...(workflowId && { workflow: { id: workflowId, ...(workflowVersion && { version: workflowVersion }) } }),
    tokens: {
      ...(env.CHATKIT_TOKEN_SECRET ? { secret: env.CHATKIT_TOKEN_SECRET } : privateKey ? { privateKey } : {}),
      ...(env.CHATKIT_TOKEN_ISSUER && { issuer: env.CHATKIT_TOKEN_ISSUER }),
    },
    allowedOrigins: origins,
    rateLimit: { perUser: { limit: perUser, windowMs: 60_000 }, ...(sharedLimits && { store: sharedLimits }) },
    trustProxy,
    log: (entry) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry })),
  });
  const http = createServer(toNodeHandler(server.handler, { trustProxy }));
  await new Promise<void>((resolve, reject) => http.once('error', reject).listen(port, host, resolve));
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`chatkit-embed session server on http://${host}:${actualPort}`);
  for (const line of server.routes) console.log(`  ${line}`);
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

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: Error) => {
    console.error(`chatkit-embed: ${error.message}`);
    process.exit(1);
  },
);
