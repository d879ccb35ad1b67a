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
 * The report, its findings and its renderings are in workflow-report.ts.
 */
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
import {
  findingsFor,
  GUARDRAILS_PACKAGE,
  SDK_GUARDRAIL_OPTIONS,
  type ToolKind,
  type WorkflowAgent,
  type WorkflowGuardrails,
  type WorkflowReport,
  type WorkflowShape,
  type WorkflowTool,
} from './workflow-report.js';

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
