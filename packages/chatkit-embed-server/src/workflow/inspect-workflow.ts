/**
 * A static check of an Agent Builder workflow exported as Agents SDK TypeScript, before a
 * self-hosted ChatKit server runs it: does it have the published shape (an exported
 * `runWorkflow(workflow: { input_as_text })` that runs agents through a `Runner`), which
 * agents and tools does it define, and what has to be set up for each tool once the file
 * runs on this server instead of on OpenAI's hosted ChatKit.
 *
 * Nothing is imported or run and nothing goes over the network: the file is parsed
 * (syntax-tree.ts) and its tree read. Strings, comments, regular expressions and types
 * are what they are in the tree, so words or brackets inside them count for nothing.
 */
import { builtinModules } from 'node:module';
import type { CallExpression, NewExpression, ReturnStatement, VariableDeclarator } from '@babel/types';
import {
  identifierName,
  isFunction,
  keyName,
  parseModule,
  stringValue,
  unwrap,
  walkCode,
  within,
  type File,
  type FunctionNode,
  type Node,
} from './syntax-tree.js';

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

// ---------- reading the tree ----------

/** Declarations by name, to follow a name to its value (`tools: [lookup]`, `tools: agentTools`). */
interface Declarations {
  /** `const name = value` (the first declaration of a name with a value), value unwrapped. */
  values: Map<string, Node>;
  /** `function name() {}`. */
  functions: Map<string, FunctionNode>;
  /** The variable each value is assigned to: `const name = value`. */
  names: Map<Node, string>;
}

interface Imports {
  modules: string[];
  /** local name -> where it comes from */
  named: Map<string, { module: string; imported: string }>;
  /** namespace or default binding -> module */
  namespaces: Map<string, string>;
}

const AGENTS_MODULE = /^@openai\/agents(?:-core|-openai)?$/;

/** What one pass over the code collects. */
interface Collected {
  declarations: Declarations;
  imports: Imports;
  /** Calls and `new`s whose callee is a name or `name.member`. */
  calls: Array<{ node: CallExpression | NewExpression; callee: string; member?: string }>;
  /** Identifiers in the code (not in types): `input_as_text`, `conversationHistory`... */
  identifiers: Set<string>;
  /** Object literal keys (and destructured ones) in the code. */
  keys: Set<string>;
  /** `workflow_id: "wf_..."`, the first one. */
  workflowId: string | null;
  /** `const x = [...]` declarations in source order, for the conversation history. */
  arrays: VariableDeclarator[];
}

function collect(file: File): Collected {
  const declarations: Declarations = { values: new Map(), functions: new Map(), names: new Map() };
  const imports: Imports = { modules: [], named: new Map(), namespaces: new Map() };
  const found: Collected = { declarations, imports, calls: [], identifiers: new Set(), keys: new Set(), workflowId: null, arrays: [] };
  const addModule = (m: string) => {
    if (!imports.modules.includes(m)) imports.modules.push(m);
  };
  walkCode(file.program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration': {
        addModule(node.source.value);
        if (node.importKind === 'type' || node.importKind === 'typeof') break;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportSpecifier') {
            if (spec.importKind === 'type' || spec.importKind === 'typeof') continue;
            const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
            imports.named.set(spec.local.name, { module: node.source.value, imported });
          } else imports.namespaces.set(spec.local.name, node.source.value);
        }
        break;
      }
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source) addModule(node.source.value);
        break;
      case 'TSExternalModuleReference':
        addModule(node.expression.value);
        break;
      case 'CallExpression':
      case 'NewExpression': {
        const [first] = node.arguments;
        const specifier = stringValue(first);
        if (
          specifier !== null &&
          (node.callee.type === 'Import' || (node.callee.type === 'Identifier' && node.callee.name === 'require'))
        ) {
          addModule(specifier);
        }
        if (node.callee.type === 'Identifier') found.calls.push({ node, callee: node.callee.name });
        else if (
          node.callee.type === 'MemberExpression' &&
          node.callee.object.type === 'Identifier' &&
          node.callee.property.type === 'Identifier' &&
          !node.callee.computed
        ) {
          found.calls.push({ node, callee: node.callee.object.name, member: node.callee.property.name });
        }
        break;
      }
      case 'ImportExpression': {
        const specifier = stringValue(node.source);
        if (specifier !== null) addModule(specifier);
        break;
      }
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier' && node.init) {
          const value = unwrap(node.init);
          if (!declarations.values.has(node.id.name)) declarations.values.set(node.id.name, value);
          declarations.names.set(value, node.id.name);
          if (value.type === 'ArrayExpression') found.arrays.push(node);
        }
        break;
      case 'FunctionDeclaration':
        if (node.id && !declarations.functions.has(node.id.name)) declarations.functions.set(node.id.name, node);
        break;
      case 'Identifier':
        found.identifiers.add(node.name);
        break;
      case 'ObjectProperty': {
        const key = keyName(node);
        if (key === null) break;
        found.keys.add(key);
        const id = stringValue(node.value);
        if (key === 'workflow_id' && found.workflowId === null && id !== null && /^wf_[^\s"'`]*$/.test(id)) found.workflowId = id;
        break;
      }
      case 'ObjectMethod': {
        const key = keyName(node);
        if (key !== null) found.keys.add(key);
        break;
      }
    }
  });
  return found;
}

// ---------- the check ----------

const TOOL_FACTORIES: Record<string, ToolKind> = {
  tool: 'function',
  fileSearchTool: 'file_search',
  webSearchTool: 'web_search',
  hostedMcpTool: 'hosted_mcp',
  codeInterpreterTool: 'code_interpreter',
  imageGenerationTool: 'image_generation',
  computerTool: 'computer',
  shellTool: 'unknown',
  applyPatchTool: 'unknown',
  toolSearchTool: 'unknown',
  programmaticToolCallingTool: 'unknown',
};

const SDK_PACKAGES = new Set(['@openai/agents', '@openai/agents-core', '@openai/agents-openai', 'zod', 'openai']);
const GUARDRAILS_PACKAGE = /^@openai\/guardrails(?:\/|$)/;
/** The Agents SDK's own guardrail options (anything else guardrail-like comes from `@openai/guardrails`). */
const SDK_GUARDRAIL_OPTIONS = new Set(['inputGuardrails', 'outputGuardrails', 'toolInputGuardrails', 'toolOutputGuardrails']);

interface Call {
  node: CallExpression | NewExpression;
  /** Where the callee starts. */
  at: number;
  factory: string;
  /** For `x.asTool(…)`: x. */
  receiver?: string;
  isNew: boolean;
  args: Node[];
}

interface ToolSite {
  tool: WorkflowTool;
  call: Call | null;
}

/**
 * Reads an export and reports its shape, agents, tools, guardrails and what to set up.
 * @throws SyntaxError (with file:line:column) when the source does not parse at all.
 */
export function inspectWorkflowSource(source: string, fileName?: string): WorkflowReport {
  const file = parseModule(source, fileName);
  const { declarations, imports, identifiers, keys, ...found } = collect(file);
  const read = new Reader(source, declarations);

  // Resolve a callee to the SDK export it names, or null when it comes from elsewhere.
  const resolve = (name: string): string | null => {
    const named = imports.named.get(name);
    if (named) return AGENTS_MODULE.test(named.module) ? named.imported : null;
    if (imports.namespaces.has(name)) return null;
    return name;
  };

  // Every call, `new`, `ns.member(` and `x.asTool(` in the code.
  const calls: Call[] = [];
  for (const { node, callee, member } of found.calls) {
    let factory: string | null;
    let receiver: string | undefined;
    if (member) {
      const ns = imports.namespaces.get(callee);
      if (ns !== undefined) factory = AGENTS_MODULE.test(ns) ? member : null;
      else if (member === 'asTool') {
        factory = 'asTool';
        receiver = callee;
      } else if (member === 'create' && resolve(callee) === 'Agent') factory = 'Agent.create';
      else factory = null;
    } else factory = resolve(callee);
    if (factory)
      calls.push({ node, at: node.callee.start!, factory, receiver, isNew: node.type === 'NewExpression', args: node.arguments });
  }
  calls.sort((a, b) => a.at - b.at);
  const declaredName = (call: Call) => declarations.names.get(call.node) ?? null;

  const agentCalls = calls.filter((c) => (c.factory === 'Agent' && c.isNew) || c.factory === 'Agent.create');
  const agentVars = new Set(agentCalls.map(declaredName).filter((v): v is string => v !== null));
  const toolCalls = calls.filter(
    (c) => !c.isNew && (Object.hasOwn(TOOL_FACTORIES, c.factory) || (c.factory === 'asTool' && agentVars.has(c.receiver!))),
  );

  // ---- tools ----
  const sites: ToolSite[] = toolCalls.map((call) => {
    const variable = declaredName(call);
    return { call, tool: describeTool(read, call, variable, variable ?? '') };
  });
  const byVariable = new Map<string, ToolSite>();
  for (const site of sites) if (site.tool.variable) byVariable.set(site.tool.variable, site);

  // ---- agents ----
  const agents: WorkflowAgent[] = agentCalls.map((call) => {
    const variable = declaredName(call);
    const props = read.props(call.args[0]);
    const name = read.string(props.get('name'));
    const model = read.string(props.get('model'));
    const owner = variable ?? name ?? `agent@${call.at}`;
    const tools: string[] = [];
    const toolsProp = props.get('tools');
    if (toolsProp) {
      for (const [index, element] of read.elements(toolsProp).entries()) {
        const id = identifierName(element);
        let site = id ? byVariable.get(id) : sites.find((x) => x.call && within(x.call.node, element));
        if (!site) {
          const text = source.slice(element.start!, element.end!).trim().replace(/\s+/g, ' ');
          const label = id ?? (text.length > 40 ? `${text.slice(0, 37)}...` : text);
          site = byVariable.get(label) ?? { call: null, tool: unknownTool(label, id, '') };
          if (!sites.includes(site)) sites.push(site);
          if (id) byVariable.set(id, site);
        }
        if (!site.tool.id) site.tool.id = `${owner}.tools[${index}]`;
        if (!site.tool.usedBy.includes(owner)) site.tool.usedBy.push(owner);
        tools.push(site.tool.id);
      }
    }
    return { variable, name, model, structuredOutput: props.has('outputType'), tools };
  });
  const tools = sites.map((site) => site.tool).map((tool, index) => (tool.id ? tool : { ...tool, id: `tool#${index + 1}` }));

  // ---- shape ----
  const exported = exportedFunctions(file, declarations);
  const exportsRunWorkflow = exported.has('runWorkflow');
  const runWorkflow = exported.get('runWorkflow') ?? null;
  const usesRunner = calls.some((c) => c.factory === 'Runner' && c.isNew);
  const importsAgentsSdk = imports.modules.some((m) => AGENTS_MODULE.test(m));
  const traceCalls = calls.filter((c) => c.factory === 'withTrace' && !c.isNew);

  let returnsOutputText = false;
  if (runWorkflow && keys.has('output_text')) {
    // Agent Builder wraps the body in `return await withTrace("…", async () => { … })`:
    // then the callback is what must return the result.
    const trace = traceCalls.find((c) => within(c.node, runWorkflow.body));
    const scope = trace ? trace.args.find(isFunction) : runWorkflow;
    if (scope) {
      const traced = new Set(traceCalls.map((c) => c.node as Node));
      const returns = ownReturns(scope).filter((r) => !r.argument || !traced.has(unwrap(r.argument)));
      returnsOutputText = returns.length > 0 || scope.body.type !== 'BlockStatement';
    }
  }

  const shape: WorkflowShape = {
    exportsRunWorkflow,
    usesInputAsText: identifiers.has('input_as_text'),
    buildsHistoryFromInputOnly: historyFromInputOnly(found.arrays),
    usesRunner,
    importsAgentsSdk,
    usesWithTrace: traceCalls.length > 0,
    returnsOutputText,
  };

  // ---- guardrails ----
  const via: string[] = [];
  for (const m of imports.modules) if (GUARDRAILS_PACKAGE.test(m) && !via.includes(m)) via.push(m);
  for (const name of ['runGuardrails', 'runAndApplyGuardrails'])
    if (found.calls.some((c) => (c.member ?? c.callee) === name)) via.push(`${name}()`);
  for (const name of ['GuardrailAgent', 'GuardrailsOpenAI', 'GuardrailsAsyncOpenAI']) if (identifiers.has(name)) via.push(name);
  for (const name of SDK_GUARDRAIL_OPTIONS) if (keys.has(name)) via.push(name);
  const guardrails: WorkflowGuardrails = { used: via.length > 0, via };

  const report: WorkflowReport = {
    fileName: fileName ?? null,
    workflowId: found.workflowId,
    shape,
    agents,
    tools,
    guardrails,
    imports: imports.modules,
    findings: [],
  };
  report.findings = findingsFor(report, {
    declaredButNotExported: !exportsRunWorkflow && (declarations.values.has('runWorkflow') || declarations.functions.has('runWorkflow')),
    otherWorkflowExports: [...exported.keys()].filter((n) => n !== 'runWorkflow' && /^run\w*workflow/i.test(n)),
    mentionsHistory: identifiers.has('conversationHistory'),
  });
  return report;
}

/**
 * The module's exported names, each with the function it names when it is one
 * (`export const runWorkflow = async () => {}`, `export function f() {}`, `export { f as runWorkflow }`).
 */
function exportedFunctions(file: File, declarations: Declarations): Map<string, FunctionNode | null> {
  const exported = new Map<string, FunctionNode | null>();
  const local = (name: string): FunctionNode | null => {
    const value = declarations.values.get(name) ?? declarations.functions.get(name);
    return isFunction(value) ? value : null;
  };
  for (const statement of file.program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.exportKind === 'type') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const d of declaration.declarations) {
        if (d.id.type === 'Identifier')
          exported.set(d.id.name, d.init && isFunction(unwrap(d.init)) ? (unwrap(d.init) as FunctionNode) : null);
      }
    } else if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id) {
      exported.set(declaration.id.name, declaration.type === 'FunctionDeclaration' ? declaration : null);
    }
    for (const spec of statement.specifiers) {
      if (spec.type !== 'ExportSpecifier' || spec.exportKind === 'type') continue;
      const name = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
      exported.set(name, statement.source ? null : local(spec.local.name));
    }
  }
  return exported;
}

/** The `return`s of a function itself, not of the functions inside it. */
function ownReturns(fn: FunctionNode): ReturnStatement[] {
  const returns: ReturnStatement[] = [];
  walkCode(fn.body, (node) => {
    if (node.type === 'ReturnStatement') returns.push(node);
    return !isFunction(node);
  });
  return returns;
}

/** Reads values of the tree, following names to what they are declared as. */
class Reader {
  constructor(
    private readonly source: string,
    private readonly declarations: Declarations,
  ) {}

  /** The value a name stands for (`const x = …`), else the value itself; unwrapped. */
  value(node: Node): Node {
    const seen = new Set<Node>();
    let value = unwrap(node);
    while (value.type === 'Identifier' && !seen.has(value)) {
      seen.add(value);
      const declared = this.declarations.values.get(value.name);
      if (!declared) break;
      value = declared;
    }
    return value;
  }

  string(node: Node | undefined): string | null {
    return node ? stringValue(this.value(node)) : null;
  }

  /** The properties of an object literal (spreads of other literals included), later ones winning. */
  props(node: Node | undefined, seen = new Set<Node>()): Map<string, Node> {
    const props = new Map<string, Node>();
    const value = node && this.value(node);
    if (value?.type !== 'ObjectExpression' || seen.has(value)) return props;
    seen.add(value);
    for (const prop of value.properties) {
      if (prop.type === 'SpreadElement') {
        for (const [key, inner] of this.props(prop.argument, seen)) props.set(key, inner);
        continue;
      }
      const key = keyName(prop);
      if (key === null) continue;
      props.set(key, prop.type === 'ObjectMethod' ? prop : prop.value);
    }
    return props;
  }

  /** The elements of an array (an agent's `tools`): a literal or a name for one, spreads of such arrays opened. */
  elements(node: Node, seen = new Set<Node>()): Node[] {
    const value = this.value(node);
    if (value.type !== 'ArrayExpression' || seen.has(value)) return [node];
    seen.add(value);
    const elements: Node[] = [];
    for (const element of value.elements) {
      if (!element) continue;
      if (element.type === 'SpreadElement' && this.value(element.argument).type === 'ArrayExpression') {
        elements.push(...this.elements(element.argument, seen));
      } else elements.push(element);
    }
    return elements;
  }

  /** The string literals of an array literal, or a single literal. */
  strings(node: Node | undefined): string[] {
    if (!node) return [];
    const single = this.string(node);
    if (single !== null) return [single];
    return this.elements(node)
      .map((element) => (element.type === 'SpreadElement' ? null : this.string(element)))
      .filter((v): v is string => v !== null);
  }

  /** Whether a value is a function with an empty block body (`async (x) => {}`, `execute(x) { }`). */
  emptyFunction(node: Node): boolean {
    const value = unwrap(node);
    const fn = isFunction(value) ? value : value.type === 'Identifier' ? this.declarations.functions.get(value.name) : undefined;
    const body = fn?.body;
    return body?.type === 'BlockStatement' && body.body.length === 0 && body.directives.length === 0;
  }

  text(node: Node): string {
    return this.source.slice(node.start!, node.end!).trim();
  }
}

/** `conversationHistory` (or an `AgentInputItem[]`) starts as one user message built from `input_as_text`. */
function historyFromInputOnly(arrays: VariableDeclarator[]): boolean {
  const decl =
    arrays.find((d) => d.id.type === 'Identifier' && d.id.name === 'conversationHistory') ??
    arrays.find((d) => d.id.type === 'Identifier' && isAgentInputItems(d.id.typeAnnotation));
  const init = decl?.init && unwrap(decl.init);
  if (init?.type !== 'ArrayExpression' || init.elements.length !== 1) return false;
  const element = init.elements[0];
  if (!element || element.type !== 'ObjectExpression') return false;
  // the message's text is the input itself: `text: workflow.input_as_text` or `text: \`${workflow.input_as_text}\``
  let role = false;
  let text = false;
  walkCode(element, (node) => {
    if (node.type !== 'ObjectProperty') return;
    const key = keyName(node);
    if (key === 'role') role = true;
    if (key === 'text' && isInputAsText(node.value)) text = true;
  });
  return role && text;
}

function isAgentInputItems(annotation: Node | null | undefined): boolean {
  if (annotation?.type !== 'TSTypeAnnotation') return false;
  const type = annotation.typeAnnotation;
  const element =
    type.type === 'TSArrayType'
      ? type.elementType
      : type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Array'
        ? type.typeParameters?.params[0]
        : undefined;
  return element?.type === 'TSTypeReference' && element.typeName.type === 'Identifier' && element.typeName.name === 'AgentInputItem';
}

/** `input_as_text`, `workflow.input_as_text`, or a template holding only that. */
function isInputAsText(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === 'TemplateLiteral') {
    return value.expressions.length === 1 && value.quasis.every((q) => q.value.raw === '') && isInputAsText(value.expressions[0]!);
  }
  if (value.type === 'Identifier') return value.name === 'input_as_text';
  if (value.type !== 'MemberExpression' || value.computed || value.property.type !== 'Identifier') return false;
  let object: Node = value.object;
  while (object.type === 'MemberExpression' && !object.computed) object = object.object;
  return value.property.name === 'input_as_text' && object.type === 'Identifier';
}

function unknownTool(id: string, variable: string | null, factory: string): WorkflowTool {
  const what = factory ? `\`${factory}(...)\`` : `\`${id}\``;
  return {
    id,
    variable,
    kind: 'unknown',
    factory,
    name: null,
    disposition: 'unknown',
    note: `Not a tool this check recognises (${what}); find out what it needs (where it runs, which credentials) before serving this workflow.`,
    usedBy: [],
  };
}

function describeTool(read: Reader, call: Call, variable: string | null, id: string): WorkflowTool {
  const factory = call.factory === 'asTool' ? `${call.receiver}.asTool` : call.factory;
  const kind: ToolKind = call.factory === 'asTool' ? 'function' : (TOOL_FACTORIES[call.factory] ?? 'unknown');
  const firstArg = call.args[0];
  const base = { id, variable, kind, factory, usedBy: [] as string[] };

  switch (kind) {
    case 'function': {
      const props = read.props(firstArg);
      const name = read.string(props.get(call.factory === 'asTool' ? 'toolName' : 'name'));
      if (call.factory === 'asTool') {
        return {
          ...base,
          name,
          disposition: 'runs-in-process',
          note: `Runs in this process: the agent \`${call.receiver}\` runs as a tool through the Agents SDK, with this server's API key for its model calls.`,
          implemented: true,
        };
      }
      const execute = props.get('execute');
      const implemented = execute !== undefined && !read.emptyFunction(execute);
      return {
        ...base,
        name,
        disposition: 'runs-in-process',
        note: implemented
          ? 'Runs in this process: the Agents SDK calls its `execute` when the model asks for it, so whatever it needs (environment variables, databases, APIs) must be available to this server.'
          : 'Runs in this process, but its `execute` is empty: implement it before serving the workflow.',
        implemented,
      };
    }
    case 'file_search': {
      const ids = read.strings(firstArg);
      const stores = ids.length ? ids.join(', ') : 'its vector stores';
      return {
        ...base,
        name: null,
        disposition: 'runs-on-openai',
        note: `Runs on OpenAI's side through the Responses API with this server's API key: ${stores} must exist in the project of that key.`,
        vectorStoreIds: ids,
      };
    }
    case 'web_search':
      return {
        ...base,
        name: null,
        disposition: 'runs-on-openai',
        note: "Runs on OpenAI's side through the Responses API with this server's API key; nothing to set up.",
      };
    case 'code_interpreter':
      return {
        ...base,
        name: null,
        disposition: 'runs-on-openai',
        note: "Runs on OpenAI's side (a Responses API container) with this server's API key; any files or container ids it names must belong to that key's project.",
      };
    case 'image_generation':
      return {
        ...base,
        name: null,
        disposition: 'runs-on-openai',
        note: "Runs on OpenAI's side through the Responses API with this server's API key; that key's organization must have access to the image model.",
      };
    case 'computer':
      return {
        ...base,
        name: null,
        disposition: 'runs-in-process',
        note: 'The model plans on OpenAI, but every action is carried out in this process by the `computer` implementation given to computerTool; provide one that is safe to run on this server.',
      };
    case 'hosted_mcp': {
      const props = read.props(firstArg);
      const literal = (key: string) => read.string(props.get(key));
      const serverLabel = literal('serverLabel');
      const connectorId = literal('connectorId');
      const serverUrl = literal('serverUrl');
      const approvalProp = props.get('requireApproval');
      let requireApproval: string | undefined;
      if (approvalProp) {
        requireApproval =
          read.string(approvalProp) ?? (read.value(approvalProp).type === 'ObjectExpression' ? 'object' : read.text(approvalProp));
      }
      const authProp = props.get('authorization');
      const authorization: 'none' | 'literal' | 'expression' = !authProp
        ? 'none'
        : read.string(authProp) !== null
          ? 'literal'
          : 'expression';
      const common = { ...base, name: serverLabel, authorization, ...(requireApproval !== undefined && { requireApproval }) };
      if (connectorId !== null || props.has('connectorId')) {
        const connector = connectorId ?? 'its connector';
        return {
          ...common,
          connectorId: connectorId ?? '',
          disposition: 'needs-connector-auth',
          note: `OpenAI runs the connector ${connector} for the model, authorised by the OAuth access token passed as \`authorization\`. The authorization made in Agent Builder does not come along: create one for this deployment and re-check the connector's permissions.`,
        };
      }
      if (serverUrl !== null || props.has('serverUrl')) {
        return {
          ...common,
          ...(serverUrl !== null && { serverUrl }),
          disposition: 'needs-reachable-mcp',
          note: `OpenAI calls the MCP server ${serverUrl ?? '(serverUrl)'} for the model: it must be reachable from the internet (not localhost or a private network) and accept the \`authorization\`/\`headers\` given here.`,
        };
      }
      return { ...unknownTool(id, variable, factory), kind, name: serverLabel };
    }
    default:
      return unknownTool(id, variable, factory);
  }
}

// ---------- findings ----------

interface Extra {
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

function findingsFor(report: WorkflowReport, extra: Extra): WorkflowFinding[] {
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
