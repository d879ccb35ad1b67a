/**
 * The static workflow check against Agent Builder exports in the published shape
 * (test/fixtures/workflows), plus files that miss parts of it; and a check that each
 * fixture really is a loadable module: transpiled with esbuild and imported.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectWorkflowSource } from '../src/workflow/inspect-workflow.js';
import { formatWorkflowReport, hostedToolLabels, type WorkflowReport } from '../src/workflow/workflow-report.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test/fixtures/workflows');
const FIXTURE_NAMES = ['single-agent', 'multi-agent-condition', 'function-tool', 'hosted-tool'] as const;

function fixture(name: (typeof FIXTURE_NAMES)[number]): string {
  return readFileSync(join(FIXTURES, `${name}.ts`), 'utf8');
}
function inspect(name: (typeof FIXTURE_NAMES)[number]): WorkflowReport {
  return inspectWorkflowSource(fixture(name), `${name}.ts`);
}
const levels = (report: WorkflowReport) => report.findings.map((f) => f.level);
const messages = (report: WorkflowReport, level: 'ok' | 'warning' | 'error') =>
  report.findings.filter((f) => f.level === level).map((f) => f.message);

const PUBLISHED_SHAPE = {
  exportsRunWorkflow: true,
  usesInputAsText: true,
  buildsHistoryFromInputOnly: true,
  usesRunner: true,
  importsAgentsSdk: true,
  usesWithTrace: true,
  returnsOutputText: true,
};
const NO_GUARDRAILS = { used: false, via: [] };

describe('inspectWorkflowSource: the published shape', () => {
  it('single agent', () => {
    const report = inspect('single-agent');
    expect(report.fileName).toBe('single-agent.ts');
    expect(report.workflowId).toBe('wf_fixture0single0agent000000000000000000000000001');
    expect(report.shape).toEqual(PUBLISHED_SHAPE);
    expect(report.agents).toEqual([
      { variable: 'assistant', name: 'Assistant', model: 'gpt-4.1-mini', structuredOutput: false, tools: [] },
    ]);
    expect(report.tools).toEqual([]);
    expect(report.guardrails).toEqual(NO_GUARDRAILS);
    expect(report.imports).toEqual(['@openai/agents']);
    expect(levels(report)).toEqual(['warning', 'ok']);
    expect(messages(report, 'warning')[0]).toMatch(
      /input_as_text.*alone.*No edit needed: the server supplies the thread's earlier turns automatically/s,
    );
    expect(messages(report, 'ok')[0]).toMatch(/^Published shape: .*runs 1 agent through a Runner/);
  });

  it('a classifier with structured output branching to two agents', () => {
    const report = inspect('multi-agent-condition');
    expect(report.shape).toEqual(PUBLISHED_SHAPE);
    expect(report.agents).toEqual([
      { variable: 'classifier', name: 'Classifier', model: 'gpt-4.1-mini', structuredOutput: true, tools: [] },
      { variable: 'billingAgent', name: 'Billing agent', model: 'gpt-4.1-mini', structuredOutput: false, tools: [] },
      { variable: 'generalAgent', name: 'General agent', model: 'gpt-4.1-mini', structuredOutput: false, tools: [] },
    ]);
    expect(report.tools).toEqual([]);
    expect(report.imports).toEqual(['@openai/agents', 'zod']);
    expect(levels(report)).toEqual(['warning', 'ok', 'warning']);
    const structured = messages(report, 'warning')[1]!;
    expect(structured).toContain('"Classifier" (classifier) has structured output');
    expect(structured).toContain('only the final `output_text` is shown');
  });

  it('a function tool', () => {
    const report = inspect('function-tool');
    expect(report.shape).toEqual(PUBLISHED_SHAPE);
    expect(report.agents).toEqual([
      { variable: 'orderAssistant', name: 'Order assistant', model: 'gpt-4.1-mini', structuredOutput: false, tools: ['getOrderStatus'] },
    ]);
    expect(report.tools).toHaveLength(1);
    expect(report.tools[0]).toMatchObject({
      id: 'getOrderStatus',
      variable: 'getOrderStatus',
      kind: 'function',
      factory: 'tool',
      name: 'get_order_status',
      disposition: 'runs-in-process',
      implemented: true,
      usedBy: ['orderAssistant'],
    });
    expect(report.tools[0]!.note).toMatch(/^Runs in this process/);
    expect(levels(report)).toEqual(['warning', 'ok', 'ok']);
    expect(messages(report, 'ok')[1]).toMatch(/^Function tool `get_order_status` \(getOrderStatus\) runs in this process/);
  });

  it('hosted tools: file search and a connector', () => {
    const report = inspect('hosted-tool');
    expect(report.shape).toEqual(PUBLISHED_SHAPE);
    expect(report.agents).toEqual([
      { variable: 'policyAgent', name: 'Policy agent', model: 'gpt-4.1-mini', structuredOutput: false, tools: ['fileSearch', 'mcp'] },
    ]);
    expect(report.tools.map(({ id, kind, name, disposition, usedBy }) => ({ id, kind, name, disposition, usedBy }))).toEqual([
      { id: 'fileSearch', kind: 'file_search', name: null, disposition: 'runs-on-openai', usedBy: ['policyAgent'] },
      { id: 'mcp', kind: 'hosted_mcp', name: 'google_drive', disposition: 'needs-connector-auth', usedBy: ['policyAgent'] },
    ]);
    expect(report.tools[0]!.vectorStoreIds).toEqual(['vs_123']);
    expect(report.tools[0]!.note).toContain('vs_123 must exist in the project of that key');
    expect(report.tools[1]).toMatchObject({ connectorId: 'connector_googledrive', requireApproval: 'never', authorization: 'literal' });
    expect(report.guardrails).toEqual(NO_GUARDRAILS);
    expect(levels(report)).toEqual(['warning', 'ok', 'warning', 'warning']);
    const [, fileSearch, connector] = messages(report, 'warning');
    expect(fileSearch).toContain("`vs_123` must exist in that key's project");
    expect(connector).toContain('Connector `google_drive` (mcp, `connector_googledrive`) needs an OAuth authorization re-created');
    expect(connector).toContain("re-check the connector's permissions");
    expect(connector).toContain('process.env.GOOGLE_DRIVE_TOKEN');
    // requireApproval: "never" raises nothing about approvals
    expect(report.findings.some((f) => f.message.includes('requires approval'))).toBe(false);
  });
});

describe('inspectWorkflowSource: files that miss the shape', () => {
  it('reports an error when there is no exported runWorkflow (comments and strings do not count)', () => {
    const source = `import { Agent, Runner } from "@openai/agents";
// export const runWorkflow = async (workflow) => {};
const note = "export const runWorkflow = 1";
const agent = new Agent({ name: "Lonely", model: "gpt-4.1-mini", instructions: "Hi" });
export const main = async (text: string) => new Runner().run(agent, text);
`;
    const report = inspectWorkflowSource(source);
    expect(report.fileName).toBeNull();
    expect(report.shape).toEqual({
      exportsRunWorkflow: false,
      usesInputAsText: false,
      buildsHistoryFromInputOnly: false,
      usesRunner: true,
      importsAgentsSdk: true,
      usesWithTrace: false,
      returnsOutputText: false,
    });
    expect(report.agents).toEqual([{ variable: 'agent', name: 'Lonely', model: 'gpt-4.1-mini', structuredOutput: false, tools: [] }]);
    expect(levels(report)).toEqual(['error']);
    expect(report.findings[0]!.message).toMatch(/^No exported `runWorkflow`: the server calls `runWorkflow\(\{ input_as_text \}\)`/);
  });

  it('points at a runWorkflow that is declared but not exported, and at another exported workflow', () => {
    const declared = inspectWorkflowSource(
      'const runWorkflow = async (workflow: { input_as_text: string }) => ({ output_text: workflow.input_as_text });',
    );
    expect(declared.findings.filter((f) => f.level === 'error').map((f) => f.message)).toEqual([
      expect.stringMatching(/^`runWorkflow` is declared but not exported: put `export` in front of it/),
    ]);
    const renamed = inspectWorkflowSource('export async function runSupportWorkflow(input: string) { return input; }');
    expect(renamed.findings[0]!.message).toContain('add `export { runSupportWorkflow as runWorkflow };`');
  });

  it('flags an export that never returns, approval-gated MCP, a local MCP URL, inline and empty tools, guardrails', () => {
    const source = `import { hostedMcpTool, webSearchTool, tool, Agent, AgentInputItem, Runner, withTrace } from "@openai/agents";
import { runAndApplyGuardrails } from "@openai/guardrails";
import { z } from "zod";
const tickets = hostedMcpTool({ serverLabel: "tickets", serverUrl: "http://localhost:8000/mcp", requireApproval: "always" });
const lookup = tool({ name: "lookup", description: "d", parameters: z.object({}), execute: async (input: {}) => {
  // TODO: Unimplemented
} });
const helper = new Agent({ name: "Helper", model: "gpt-4.1-mini", tools: [webSearchTool(), tickets, lookup] });
type WorkflowInput = { input_as_text: string };
export const runWorkflow = async (workflow: WorkflowInput) => {
  return await withTrace("T", async () => {
    const conversationHistory: AgentInputItem[] = [{ role: "user", content: [{ type: "input_text", text: \`\${workflow.input_as_text}\` }] }];
    await runAndApplyGuardrails(workflow.input_as_text, {}, conversationHistory, workflow);
    const runner = new Runner({ traceMetadata: { __trace_source__: "agent-builder", workflow_id: "wf_x" } });
    const helperResultTemp = await runner.run(helper, [...conversationHistory]);
    const helperResult = { output_text: helperResultTemp.finalOutput ?? "" };
  });
}
`;
    const report = inspectWorkflowSource(source, 'gaps.ts');
    expect(report.shape).toEqual({ ...PUBLISHED_SHAPE, returnsOutputText: false });
    expect(report.agents[0]!.tools).toEqual(['helper.tools[0]', 'tickets', 'lookup']);
    expect(report.tools.map(({ id, kind, disposition }) => ({ id, kind, disposition }))).toEqual([
      { id: 'tickets', kind: 'hosted_mcp', disposition: 'needs-reachable-mcp' },
      { id: 'lookup', kind: 'function', disposition: 'runs-in-process' },
      { id: 'helper.tools[0]', kind: 'web_search', disposition: 'runs-on-openai' },
    ]);
    expect(report.tools[1]!.implemented).toBe(false);
    expect(report.guardrails).toEqual({ used: true, via: ['@openai/guardrails', 'runAndApplyGuardrails()'] });
    expect(levels(report)).toEqual(['warning', 'warning', 'error', 'warning', 'warning', 'ok', 'warning']);
    const text = report.findings.map((f) => f.message).join('\n');
    expect(text).toContain('runWorkflow does not return an `{ output_text }` result');
    expect(text).toContain('a local address cannot be reached from OpenAI');
    expect(text).toContain('requires approval (`requireApproval: always`)');
    expect(text).toContain('Function tool `lookup` (lookup) has an empty `execute`');
    expect(text).toContain('npm install @openai/guardrails');
  });
});

describe('inspectWorkflowSource: read from the syntax tree', () => {
  const IMPORTS = `import { Agent, Runner, tool, fileSearchTool, webSearchTool, withTrace, type FunctionTool } from "@openai/agents";
import { z } from "zod";
`;
  const findingText = (report: WorkflowReport) => report.findings.map((f) => f.message).join('\n');

  it('strings, template literals and comments holding code, brackets or keys count for nothing', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
// const ghost = new Agent({ name: "Ghost", tools: [webSearchTool()] });
/* export const runWorkflow = 1; ) ] } */
const helper = new Agent({
  name: "Helper",
  instructions: \`Never write \${"new Agent({"} or "}) ]" yourself; quote the trace as workflow_id: "wf_example".\`,
  model: "gpt-4.1-mini",
  tools: [webSearchTool()],
});
const runner = new Runner({ traceMetadata: { workflow_id: "wf_real" } });
`);
    expect(report.workflowId).toBe('wf_real');
    expect(report.agents).toEqual([
      { variable: 'helper', name: 'Helper', model: 'gpt-4.1-mini', structuredOutput: false, tools: ['helper.tools[0]'] },
    ]);
    expect(report.tools.map((t) => t.kind)).toEqual(['web_search']);
    expect(report.shape.exportsRunWorkflow).toBe(false);
  });

  it('a regular expression literal holding a bracket does not hide the tools after it', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
const helper = new Agent({
  name: "Helper",
  tools: [
    tool({ name: "check", description: "d", parameters: z.object({ id: z.string() }), execute: async ({ id }) => {
      if (id) /[(]/.test(id);
      return id;
    } }),
    webSearchTool(),
  ],
});
`);
    expect(report.agents[0]!.tools).toEqual(['helper.tools[0]', 'helper.tools[1]']);
    expect(report.tools.map(({ id, kind, name, usedBy }) => ({ id, kind, name, usedBy }))).toEqual([
      { id: 'helper.tools[0]', kind: 'function', name: 'check', usedBy: ['helper'] },
      { id: 'helper.tools[1]', kind: 'web_search', name: null, usedBy: ['helper'] },
    ]);
  });

  it('reads through `as const`, type arguments and several declarations in one statement', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
const typed = new Agent<{ onEvent: (event: string) => void }>({ name: "Typed" as const, model: "gpt-4.1-mini" as const });
const first = new Agent({ name: "First" }), second = new Agent({ name: "Second", model: "gpt-4.1" satisfies string });
`);
    expect(report.agents).toEqual([
      { variable: 'typed', name: 'Typed', model: 'gpt-4.1-mini', structuredOutput: false, tools: [] },
      { variable: 'first', name: 'First', model: null, structuredOutput: false, tools: [] },
      { variable: 'second', name: 'Second', model: 'gpt-4.1', structuredOutput: false, tools: [] },
    ]);
  });

  it('a tool defined in a variable and referenced by name is that tool, whatever its type annotation', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
const lookup: FunctionTool<unknown, any, (input: string) => string> = tool({
  name: "lookup",
  description: "d",
  parameters: z.object({}),
  execute: async () => "found",
});
const helper = new Agent({ name: "Helper", tools: [lookup] });
`);
    expect(report.tools).toHaveLength(1);
    expect(report.tools[0]).toMatchObject({ id: 'lookup', variable: 'lookup', kind: 'function', name: 'lookup', usedBy: ['helper'] });
    expect(findingText(report)).not.toContain('not recognised');
  });

  it('follows spreads and names: shared tool arrays, shared agent options, vector store ids in a constant', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
const STORES = ["vs_a", "vs_b"] as const;
const search = fileSearchTool([...STORES]);
const shared = [search, webSearchTool()];
const base = { model: "gpt-4.1-mini", tools: [...shared] };
const helper = new Agent({ ...base, name: "Helper" });
`);
    expect(report.agents).toEqual([
      { variable: 'helper', name: 'Helper', model: 'gpt-4.1-mini', structuredOutput: false, tools: ['search', 'helper.tools[1]'] },
    ]);
    expect(report.tools.map(({ id, kind }) => ({ id, kind }))).toEqual([
      { id: 'search', kind: 'file_search' },
      { id: 'helper.tools[1]', kind: 'web_search' },
    ]);
    expect(report.tools[0]!.vectorStoreIds).toEqual(['vs_a', 'vs_b']);
    expect(hostedToolLabels(report)).toEqual(['file search (vector stores vs_a, vs_b)', 'web search']);
  });

  it('an `execute` given by name is the function of that name', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
async function lookupOrder(input: { id: string }) {}
const lookup = tool({ name: "lookup", description: "d", parameters: z.object({ id: z.string() }), execute: lookupOrder });
`);
    expect(report.tools[0]!.implemented).toBe(false);
    expect(findingText(report)).toContain('Function tool `lookup` (lookup) has an empty `execute`');
  });

  it('a `return` inside a function within runWorkflow is not runWorkflow returning', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
export const runWorkflow = async (workflow: { input_as_text: string }) => {
  return await withTrace("T", async () => {
    const words = workflow.input_as_text.split(" ").map((word) => {
      return word.trim();
    });
    const result = { output_text: words.join(" ") };
  });
};
`);
    expect(report.shape).toMatchObject({ exportsRunWorkflow: true, usesWithTrace: true, returnsOutputText: false });
    expect(findingText(report)).toContain('runWorkflow does not return an `{ output_text }` result');
  });

  it('`input_as_text` named only in a type is not read', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
type WorkflowInput = { input_as_text: string };
export const runWorkflow = async (workflow: WorkflowInput) => ({ output_text: "Hello" });
`);
    expect(report.shape.usesInputAsText).toBe(false);
    expect(findingText(report)).toContain('Never reads `input_as_text`');
  });

  it('follows `export { run as runWorkflow }` to its function, and lists every import form', () => {
    const report = inspectWorkflowSource(`${IMPORTS}
import type { Tracker } from "tracker-types";
const run = async (workflow: { input_as_text: string }) => {
  const { default: slugify } = await import("slugify");
  const dayjs = require("dayjs");
  return { output_text: slugify(workflow.input_as_text) };
};
export { run as runWorkflow };
`);
    expect(report.shape).toMatchObject({ exportsRunWorkflow: true, usesInputAsText: true, returnsOutputText: true });
    expect(report.imports).toEqual(['@openai/agents', 'zod', 'tracker-types', 'slugify', 'dayjs']);
    expect(report.findings.filter((f) => f.message.startsWith('Imports `')).map((f) => f.message)).toEqual([
      expect.stringContaining('`npm install tracker-types`'),
      expect.stringContaining('`npm install slugify`'),
      expect.stringContaining('`npm install dayjs`'),
    ]);
  });

  it('a file that does not parse: a SyntaxError with file, line and column', () => {
    expect(() => inspectWorkflowSource('const ok = 1;\nconst agent = new Agent({ name: "x" ;\n', 'broken.ts')).toThrow(
      expect.objectContaining({ name: 'SyntaxError', message: expect.stringMatching(/^broken\.ts:2:\d+: /) }),
    );
  });
});

describe('formatWorkflowReport', () => {
  it('renders a plain-text report with shape, agents, tools and findings by severity', () => {
    const text = formatWorkflowReport(inspect('hosted-tool'));
    // No terminal colour codes (ESC [) in a report that may be piped to a file.
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('Workflow check: hosted-tool.ts');
    expect(text).toContain('  [x] exports runWorkflow');
    expect(text).toContain('  - "Policy agent"  [policyAgent]  model gpt-4.1-mini');
    expect(text).toContain('  - mcp  hosted_mcp  "google_drive"  -> needs-connector-auth');
    expect(text).toContain('Findings: 0 errors, 3 warnings, 1 ok');
    expect(text.indexOf('WARN ')).toBeLessThan(text.indexOf('OK   '));
    const missing = formatWorkflowReport(inspectWorkflowSource('export const main = 1;'));
    expect(missing).toContain('  [ ] exports runWorkflow');
    expect(missing).toMatch(/Findings: 1 error, \d+ warnings?, 0 ok\n {2}ERROR No exported `runWorkflow`/);
  });
});

describe('the fixtures load', () => {
  // Inside the project, so `@openai/agents` and `zod` resolve from its node_modules.
  const dir = mkdtempSync(join(ROOT, '.tmp-workflow-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FIXTURE_NAMES)('%s transpiles and exports runWorkflow', async (name) => {
    const { code } = await transform(fixture(name), { loader: 'ts', format: 'esm' });
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, code);
    try {
      const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { runWorkflow?: unknown };
      expect(typeof mod.runWorkflow).toBe('function');
    } finally {
      rmSync(file, { force: true });
    }
  });
});
