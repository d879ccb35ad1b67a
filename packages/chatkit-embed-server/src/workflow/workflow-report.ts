/**
 * What the workflow check reports about an export: the report's types, the findings made
 * from it (what to set up, what will not carry over) and their renderings, for a terminal
 * (`migrate`) and for the errors `serve --workflow` shows when OpenAI refuses a request.
 * inspect-workflow.ts reads the export and fills the report.
 */
import { builtinModules } from 'node:module';

export type ToolKind =
  'function' | 'file_search' | 'web_search' | 'hosted_mcp' | 'code_interpreter' | 'image_generation' | 'computer' | 'unknown';

/** What a self-hosted server running the file does with a tool. */
export type ToolDisposition =
  /** Executed by this server's process (function tools, agents as tools, a computer implementation). */
  | 'runs-in-process'
  /** Executed by OpenAI through the Responses API, with this server's API key. */
  | 'runs-on-openai'
  /** An OpenAI connector (hosted MCP `connectorId`): needs an OAuth access token for this deployment. */
  | 'needs-connector-auth'
  /** A hosted MCP server by `serverUrl`: OpenAI must be able to reach it. */
  | 'needs-reachable-mcp'
  | 'unknown';

export interface WorkflowShape {
  /** `export const runWorkflow = ...`, `export async function runWorkflow`, or `export { x as runWorkflow }`. */
  exportsRunWorkflow: boolean;
  /** The code reads `input_as_text` (the field the server fills with the user's message). */
  usesInputAsText: boolean;
  /** `conversationHistory` starts as the single user message built from `input_as_text`. */
  buildsHistoryFromInputOnly: boolean;
  /** `new Runner(...)`. */
  usesRunner: boolean;
  /** Imports `@openai/agents` (or `@openai/agents-core` / `@openai/agents-openai`). */
  importsAgentsSdk: boolean;
  /** `withTrace(...)`. */
  usesWithTrace: boolean;
  /** runWorkflow has a `return` of its own (besides `return await withTrace(...)`) and builds an `output_text`. */
  returnsOutputText: boolean;
}

export interface WorkflowAgent {
  /** The variable it is assigned to, if any. */
  variable: string | null;
  /** The `name` option, when a string literal. */
  name: string | null;
  /** The `model` option, when a string literal. */
  model: string | null;
  /** Has `outputType` (structured output). */
  structuredOutput: boolean;
  /** Ids of its tools (see `WorkflowTool.id`), in order. */
  tools: string[];
}

export interface WorkflowTool {
  /** The variable name, or `<agent>.tools[i]` for a tool written inline in an agent's `tools`. */
  id: string;
  variable: string | null;
  kind: ToolKind;
  /** The call that made it, e.g. `fileSearchTool`, `tool`, `triage.asTool`; '' when not found. */
  factory: string;
  /** A function tool's `name`, a hosted MCP tool's `serverLabel`. */
  name: string | null;
  disposition: ToolDisposition;
  /** What the server does with it and what to set up, in a sentence or two. */
  note: string;
  /** Variables (or names) of the agents that list it. */
  usedBy: string[];
  /** file_search: the vector store ids, when literal. */
  vectorStoreIds?: string[];
  /** hosted_mcp: the OpenAI connector id. */
  connectorId?: string;
  /** hosted_mcp: the MCP server's URL, when literal. */
  serverUrl?: string;
  /** hosted_mcp: `requireApproval` as written ('never', 'always', 'object', or an expression). */
  requireApproval?: string;
  /** hosted_mcp: whether `authorization` is given, as a literal or as an expression. */
  authorization?: 'none' | 'literal' | 'expression';
  /** function: whether `execute` has a body. */
  implemented?: boolean;
}

export interface WorkflowGuardrails {
  used: boolean;
  /** What showed it, e.g. `@openai/guardrails`, `runAndApplyGuardrails()`, `inputGuardrails`. */
  via: string[];
}

export type FindingLevel = 'ok' | 'warning' | 'error';

export interface WorkflowFinding {
  level: FindingLevel;
  message: string;
}

export interface WorkflowReport {
  fileName: string | null;
  /** `traceMetadata.workflow_id`, when literal. */
  workflowId: string | null;
  shape: WorkflowShape;
  agents: WorkflowAgent[];
  tools: WorkflowTool[];
  guardrails: WorkflowGuardrails;
  /** Module specifiers the file imports (static, dynamic and require), in order. */
  imports: string[];
  findings: WorkflowFinding[];
}

const SDK_PACKAGES = new Set(['@openai/agents', '@openai/agents-core', '@openai/agents-openai', 'zod', 'openai']);
export const GUARDRAILS_PACKAGE = /^@openai\/guardrails(?:\/|$)/;
/** The Agents SDK's own guardrail options (anything else guardrail-like comes from `@openai/guardrails`). */
export const SDK_GUARDRAIL_OPTIONS = new Set(['inputGuardrails', 'outputGuardrails', 'toolInputGuardrails', 'toolOutputGuardrails']);

// ---------- findings ----------

/** What the reader saw besides the report, for the findings' advice. */
export interface FindingContext {
  declaredButNotExported: boolean;
  otherWorkflowExports: string[];
  mentionsHistory: boolean;
}

const EXPORTED_HISTORY =
  'const conversationHistory: AgentInputItem[] = [{ role: "user", content: [{ type: "input_text", text: workflow.input_as_text }] }]';

function agentLabel(agent: WorkflowAgent): string {
  const name = agent.name !== null ? `"${agent.name}"` : 'An agent';
  return agent.variable ? `${name} (${agent.variable})` : name;
}

export function findingsFor(report: WorkflowReport, extra: FindingContext): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  const add = (level: FindingLevel, message: string) => findings.push({ level, message });
  const { shape, agents, tools, guardrails } = report;

  // shape
  if (!shape.exportsRunWorkflow) {
    if (extra.declaredButNotExported) {
      add(
        'error',
        '`runWorkflow` is declared but not exported: put `export` in front of it (`export const runWorkflow = async (workflow: WorkflowInput) => { ... }`), the entry point the server calls.',
      );
    } else if (extra.otherWorkflowExports.length > 0) {
      const other = extra.otherWorkflowExports[0]!;
      add(
        'error',
        `No exported \`runWorkflow\` (found \`${other}\`): rename it to \`runWorkflow\` or add \`export { ${other} as runWorkflow };\`; the server calls \`runWorkflow({ input_as_text })\`.`,
      );
    } else {
      add(
        'error',
        'No exported `runWorkflow`: the server calls `runWorkflow({ input_as_text })`. Use the Agents SDK TypeScript export of the workflow from Agent Builder, which defines `export const runWorkflow = async (workflow: WorkflowInput) => { ... }`.',
      );
    }
  }
  if (!shape.importsAgentsSdk) {
    add(
      'warning',
      'Does not import `@openai/agents`: this is not an Agents SDK export. Export the workflow from Agent Builder as Agents SDK TypeScript, or check that runWorkflow does what you expect without it.',
    );
  }
  if (shape.exportsRunWorkflow && !shape.usesInputAsText) {
    add(
      'warning',
      "Never reads `input_as_text`: the server passes the user's message as `workflow.input_as_text`. Read it there (as `type WorkflowInput = { input_as_text: string }`), or the agents never see the message.",
    );
  }
  if (shape.buildsHistoryFromInputOnly) {
    add(
      'warning',
      "`conversationHistory` starts from `workflow.input_as_text` alone, as Agent Builder exports it, so on its own each run would see only the newest message. No edit needed: the server supplies the thread's earlier turns automatically.",
    );
  } else if (shape.usesInputAsText) {
    const found = extra.mentionsHistory ? 'is not the single user message built from `workflow.input_as_text`' : 'was not found';
    add(
      'warning',
      `\`conversationHistory\` ${found}. Keep Agent Builder's form, \`${EXPORTED_HISTORY}\`, so the server can supply the earlier turns around it.`,
    );
  }
  if (!shape.usesRunner && agents.length > 0) {
    add(
      'warning',
      "No `new Runner(...)`: Agent Builder exports run each agent with `runner.run(agent, [...conversationHistory])`. Check that the agents are still run through the Agents SDK's Runner (with `traceMetadata`) before serving this file.",
    );
  }
  if (shape.exportsRunWorkflow && !shape.returnsOutputText) {
    add(
      'warning',
      'runWorkflow does not return an `{ output_text }` result, and only the returned `output_text` is shown to users. Add `return <lastAgent>Result;` (the object with `output_text`) at the end of each branch; some exports build it but never return it.',
    );
  }
  if (shape.exportsRunWorkflow && shape.usesInputAsText && shape.importsAgentsSdk && shape.usesRunner && shape.returnsOutputText) {
    add(
      'ok',
      `Published shape: exported runWorkflow reads \`workflow.input_as_text\`, runs ${agents.length} agent${agents.length === 1 ? '' : 's'} through a Runner and returns \`output_text\`.`,
    );
  }

  // agents
  if (agents.length === 0) {
    add(
      'warning',
      'No `new Agent({ ... })` found: there is nothing for the Agents SDK to run. Check that this is the workflow export and not a fragment of it.',
    );
  }
  for (const agent of agents) {
    if (agent.structuredOutput) {
      add(
        'warning',
        `${agentLabel(agent)} has structured output (\`outputType\`): its raw JSON is not streamed to users; only the final \`output_text\` is shown. Fine for a classifier that picks a branch; if users should read its result, answer with a plain-text agent after it or return a readable \`output_text\`.`,
      );
    }
  }

  // tools
  for (const tool of tools) {
    const label = tool.name ? `\`${tool.name}\` (${tool.id})` : `\`${tool.id}\``;
    switch (tool.kind) {
      case 'function':
        if (tool.implemented === false)
          add(
            'warning',
            `Function tool ${label} has an empty \`execute\`: implement it; it runs in this process and, as is, gives the model no result.`,
          );
        else
          add(
            'ok',
            `Function tool ${label} runs in this process: make what its \`execute\` needs (environment variables, databases, APIs) available to the server.`,
          );
        break;
      case 'file_search': {
        const stores =
          tool.vectorStoreIds && tool.vectorStoreIds.length ? tool.vectorStoreIds.map((v) => `\`${v}\``).join(', ') : 'its vector stores';
        add(
          'warning',
          `File search ${label} runs on OpenAI with this server's API key: ${stores} must exist in that key's project. If that is not the project the workflow was built in, re-create the store there and put its id in \`fileSearchTool([...])\`.`,
        );
        break;
      }
      case 'web_search':
      case 'code_interpreter':
      case 'image_generation':
        add(
          'ok',
          `${tool.kind.replace('_', ' ')} tool ${label} runs on OpenAI's side through the Responses API with this server's API key.`,
        );
        break;
      case 'computer':
        add(
          'warning',
          `Computer tool ${label}: every action runs in this process through the \`computer\` implementation given to computerTool; make sure it is safe to run on the server.`,
        );
        break;
      case 'hosted_mcp':
        if (tool.disposition === 'needs-connector-auth') {
          const auth =
            tool.authorization === 'expression'
              ? 'Make sure the `authorization` expression yields a valid token at run time'
              : tool.authorization === 'literal'
                ? `Replace the literal \`authorization\` with a token read at run time (e.g. \`process.env.${envName(tool.name ?? tool.id)}\`)`
                : `Add \`authorization\` with a token read at run time (e.g. \`authorization: process.env.${envName(tool.name ?? tool.id)}\`)`;
          const connector = `Connector ${tool.name ? `\`${tool.name}\` ` : ''}(${tool.id}, \`${tool.connectorId || 'connectorId'}\`)`;
          add(
            'warning',
            `${connector} needs an OAuth authorization re-created for this deployment: get an OAuth access token for the connector's service, then re-check the connector's permissions and \`allowedTools\`, as OpenAI's migration guide advises. ${auth}.`,
          );
        } else if (tool.disposition === 'needs-reachable-mcp') {
          const local =
            tool.serverUrl &&
            /^https?:\/\/(?:localhost|127\.|0\.0\.0\.0|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|\[::1\])/i.test(tool.serverUrl);
          add(
            local ? 'error' : 'warning',
            `MCP server ${label} at ${tool.serverUrl ?? '(serverUrl)'} is called by OpenAI, not by this server: ${local ? 'a local address cannot be reached from OpenAI; deploy the MCP server at a public https URL and put it in `serverUrl`' : 'it must be reachable from the internet and accept the `authorization`/`headers` given'}.`,
          );
        } else {
          add('warning', `Hosted MCP tool ${label} has neither \`connectorId\` nor \`serverUrl\`: give it one of them.`);
        }
        if (tool.requireApproval !== undefined && tool.requireApproval !== 'never') {
          add(
            'warning',
            `Hosted MCP tool ${label} requires approval (\`requireApproval: ${tool.requireApproval}\`): the exported runWorkflow does not handle approval interruptions, so a call needing approval ends the run with "Agent result is undefined". Set \`requireApproval: "never"\` for the tools you trust, or give the tool an \`onApproval\` handler.`,
          );
        }
        break;
      default:
        add(
          'warning',
          `Tool ${label} is not recognised (${tool.factory ? `\`${tool.factory}(...)\`` : 'not created by an Agents SDK tool factory here'}): find out where it runs and what credentials it needs before serving this workflow.`,
        );
    }
  }

  // guardrails
  if (guardrails.used) {
    const list = guardrails.via.map((v) => `\`${v}\``).join(', ');
    if (guardrails.via.some((v) => !SDK_GUARDRAIL_OPTIONS.has(v))) {
      add(
        'warning',
        `Uses guardrails (${list}): install \`@openai/guardrails\` in the server's project (\`npm install @openai/guardrails\`; chatkit-embed does not bring it). Its checks run inside runWorkflow, with this server's API key for the checks that call a model.`,
      );
    } else {
      add(
        'ok',
        `Uses Agents SDK guardrails (${list}): they run in this process; a tripwire throws from runWorkflow and ends the turn with an error.`,
      );
    }
  }

  // other packages
  const builtins = new Set(builtinModules);
  for (const m of report.imports) {
    if (m.startsWith('.') || m.startsWith('/') || m.startsWith('node:') || builtins.has(m)) continue;
    if (SDK_PACKAGES.has(m) || GUARDRAILS_PACKAGE.test(m)) continue;
    add(
      'warning',
      `Imports \`${m}\`, which chatkit-embed does not install: add it to the server's dependencies (\`npm install ${packageName(m)}\`).`,
    );
  }
  return findings;
}

/** An environment variable name for a connector's token: `google_drive` -> `GOOGLE_DRIVE_TOKEN`. */
function envName(label: string): string {
  const base = label
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `${base || 'CONNECTOR'}_TOKEN`;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

// ---------- the terminal report ----------

const LEVEL_ORDER: Record<FindingLevel, number> = { error: 0, warning: 1, ok: 2 };
const LEVEL_LABEL: Record<FindingLevel, string> = { error: 'ERROR', warning: 'WARN ', ok: 'OK   ' };

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** A plain-text rendering of a report for a terminal (no colours). */
export function formatWorkflowReport(report: WorkflowReport): string {
  const out: string[] = [];
  const tick = (v: boolean) => (v ? '[x]' : '[ ]');
  out.push(`Workflow check: ${report.fileName ?? '(source)'}`);
  if (report.workflowId) out.push(`Workflow id:    ${report.workflowId}`);
  out.push('');
  out.push('Shape');
  const { shape } = report;
  out.push(`  ${tick(shape.exportsRunWorkflow)} exports runWorkflow`);
  out.push(`  ${tick(shape.usesInputAsText)} reads workflow.input_as_text`);
  out.push(`  ${tick(shape.buildsHistoryFromInputOnly)} builds conversationHistory from input_as_text only`);
  out.push(`  ${tick(shape.usesRunner)} runs agents with new Runner(...)`);
  out.push(`  ${tick(shape.importsAgentsSdk)} imports @openai/agents`);
  out.push(`  ${tick(shape.usesWithTrace)} traces with withTrace(...)`);
  out.push(`  ${tick(shape.returnsOutputText)} returns { output_text }`);
  out.push('');
  out.push(`Agents (${report.agents.length})`);
  if (report.agents.length === 0) out.push('  none');
  for (const agent of report.agents) {
    const bits = [
      agent.name !== null ? `"${agent.name}"` : '(unnamed)',
      agent.variable ? `[${agent.variable}]` : '',
      `model ${agent.model ?? '(not a literal)'}`,
    ];
    if (agent.structuredOutput) bits.push('structured output');
    out.push(`  - ${bits.filter(Boolean).join('  ')}`);
    if (agent.tools.length) out.push(`      tools: ${agent.tools.join(', ')}`);
  }
  out.push('');
  out.push(`Tools (${report.tools.length})`);
  if (report.tools.length === 0) out.push('  none');
  for (const tool of report.tools) {
    const head = [tool.id, tool.kind, tool.name ? `"${tool.name}"` : '', `-> ${tool.disposition}`].filter(Boolean).join('  ');
    out.push(`  - ${head}`);
    out.push(`      ${wrap(tool.note, 92, '      ')}`);
    if (tool.usedBy.length) out.push(`      used by: ${tool.usedBy.join(', ')}`);
  }
  out.push('');
  out.push(`Guardrails: ${report.guardrails.used ? report.guardrails.via.join(', ') : 'none'}`);
  out.push('');
  const count = (level: FindingLevel) => report.findings.filter((f) => f.level === level).length;
  const errors = count('error');
  const warnings = count('warning');
  out.push(`Findings: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${count('ok')} ok`);
  const sorted = report.findings.map((f, i) => ({ f, i })).sort((a, b) => LEVEL_ORDER[a.f.level] - LEVEL_ORDER[b.f.level] || a.i - b.i);
  for (const { f } of sorted) out.push(`  ${LEVEL_LABEL[f.level]} ${wrap(f.message, 88, '        ')}`);
  return `${out.join('\n')}\n`;
}

/**
 * The tools of a report that OpenAI runs with the server's API key, as short labels
 * (`file search (vector stores vs_123)`, `connector google_drive`): what to name when
 * OpenAI refuses a request of the workflow.
 */
export function hostedToolLabels(report: WorkflowReport): string[] {
  const labels: string[] = [];
  for (const tool of report.tools) {
    switch (tool.kind) {
      case 'file_search':
        labels.push(`file search${tool.vectorStoreIds?.length ? ` (vector stores ${tool.vectorStoreIds.join(', ')})` : ''}`);
        break;
      case 'web_search':
        labels.push('web search');
        break;
      case 'code_interpreter':
        labels.push('code interpreter');
        break;
      case 'image_generation':
        labels.push('image generation');
        break;
      case 'hosted_mcp':
        labels.push(
          tool.connectorId ? `connector ${tool.name ?? tool.connectorId}` : `MCP server ${tool.name ?? tool.serverUrl ?? '(unnamed)'}`,
        );
        break;
    }
  }
  return labels;
}
