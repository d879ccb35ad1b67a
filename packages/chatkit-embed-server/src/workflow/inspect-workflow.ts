/**
 * A static check of an Agent Builder workflow exported as Agents SDK TypeScript, before a
 * self-hosted ChatKit server runs it: does it have the published shape (an exported
 * `runWorkflow(workflow: { input_as_text })` that runs agents through a `Runner`), which
 * agents and tools does it define, and what has to be set up for each tool once the file
 * runs on this server instead of on OpenAI's hosted ChatKit.
 *
 * Nothing is imported or run and nothing goes over the network: the source is read as text.
 * Comments are blanked, string, template and regex contents are blanked in a second copy
 * (offsets kept), and the structure (calls, object literals, arrays) is read from that copy
 * by bracket matching, so a quote or bracket inside a string never derails it. It is a
 * heuristic for the code Agent Builder generates, not a TypeScript parser.
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

// ---------- reading the source ----------

interface Scanned {
  /** The source with comments blanked. */
  code: string;
  /** `code` with string, template-text and regex contents blanked too (quotes kept). */
  blank: string;
}

const IDENT_START = /[A-Za-z_$]/;
const IDENT = /[\w$]/;
/** Keywords after which a `/` starts a regex rather than a division. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
  'instanceof',
]);

function scan(source: string): Scanned {
  const code = source.split('');
  const blank = source.split('');
  const n = source.length;
  const erase = (arrays: string[][], from: number, to: number) => {
    for (const arr of arrays) for (let k = from; k < to && k < n; k++) if (arr[k] !== '\n' && arr[k] !== '\r') arr[k] = ' ';
  };
  const templates: number[] = []; // brace depth inside each open `${`
  let prev = ''; // the last significant token: a punctuator, 'ident', 'word:<keyword>'
  let i = 0;

  const templateText = () => {
    // i is just past a backtick or past the `}` closing a `${...}`
    const start = i;
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        erase([blank], start, i);
        i++;
        prev = 'ident';
        return;
      }
      if (c === '$' && source[i + 1] === '{') {
        erase([blank], start, i);
        i += 2;
        templates.push(0);
        prev = '{';
        return;
      }
      i++;
    }
    erase([blank], start, n);
  };
  const regexAllowed = () => {
    if (prev === '') return true;
    if (prev.startsWith('word:')) return REGEX_AFTER_WORD.has(prev.slice(5));
    if (prev === 'ident' || prev === ')' || prev === ']' || prev === '}') return false;
    return true;
  };

  while (i < n) {
    const c = source[i];
    const d = source[i + 1];
    if (c === '/' && d === '/') {
      let end = source.indexOf('\n', i);
      if (end < 0) end = n;
      erase([code, blank], i, end);
      i = end;
      continue;
    }
    if (c === '/' && d === '*') {
      const close = source.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      erase([code, blank], i, end);
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      erase([blank], i + 1, j);
      i = j + 1;
      prev = 'ident';
      continue;
    }
    if (c === '`') {
      i++;
      templateText();
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== '\n') {
        const r = source[j];
        if (r === '\\') {
          j += 2;
          continue;
        }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        j++;
      }
      erase([blank], i + 1, j);
      j++;
      while (j < n && IDENT.test(source[j]!)) j++;
      i = j;
      prev = 'ident';
      continue;
    }
    if (templates.length > 0) {
      const top = templates.length - 1;
      if (c === '{') templates[top]!++;
      else if (c === '}') {
        if (templates[top] === 0) {
          templates.pop();
          i++;
          templateText();
          continue;
        }
        templates[top]!--;
      }
    }
    if (IDENT_START.test(c!)) {
      let j = i + 1;
      while (j < n && IDENT.test(source[j]!)) j++;
      const word = source.slice(i, j);
      prev = REGEX_AFTER_WORD.has(word) ? `word:${word}` : 'ident';
      i = j;
      continue;
    }
    if (/[0-9]/.test(c!)) {
      while (i < n && /[\w.]/.test(source[i]!)) i++;
      prev = 'ident';
      continue;
    }
    if (!/\s/.test(c!)) prev = c!;
    i++;
  }
  return { code: code.join(''), blank: blank.join('') };
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/** The index of the bracket closing the one at `open` (in `blank`), or the text's length. */
function matchClose(blank: string, open: number): number {
  let depth = 0;
  for (let k = open; k < blank.length; k++) {
    const c = blank[k]!;
    if (c in OPEN) depth++;
    else if (CLOSERS.has(c)) {
      depth--;
      if (depth === 0) return k;
    }
  }
  return blank.length;
}

interface Range {
  start: number;
  end: number;
}

/** Splits [from, to) at top-level commas; empty trailing parts are dropped. */
function splitTopLevel(blank: string, from: number, to: number): Range[] {
  const parts: Range[] = [];
  let depth = 0;
  let start = from;
  for (let k = from; k < to; k++) {
    const c = blank[k]!;
    if (c in OPEN) depth++;
    else if (CLOSERS.has(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push({ start, end: k });
      start = k + 1;
    }
  }
  parts.push({ start, end: to });
  return parts.filter((p) => blank.slice(p.start, p.end).trim() !== '');
}

function trimRange(blank: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(blank[start]!)) start++;
  while (end > start && /\s/.test(blank[end - 1]!)) end--;
  return { start, end };
}

/** The string value of a literal ('…', "…" or `…` without `${`) in range r, else null. */
function stringLiteral(s: Scanned, r: Range): string | null {
  const t = trimRange(s.blank, r);
  const shape = s.blank.slice(t.start, t.end);
  if (!/^(["'`])\s*\1$/.test(shape) || shape.includes('${')) return null;
  const inner = s.code.slice(t.start + 1, t.end - 1);
  return inner.replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r' })[ch] ?? ch);
}

interface Prop {
  key: string;
  value: Range;
}

/** The top-level properties of the object literal whose `{` is at `open`. */
function objectProps(s: Scanned, open: number): Map<string, Prop> {
  const props = new Map<string, Prop>();
  if (s.blank[open] !== '{') return props;
  const close = matchClose(s.blank, open);
  for (const part of splitTopLevel(s.blank, open + 1, close)) {
    const p = trimRange(s.blank, part);
    const text = s.blank.slice(p.start, p.end);
    if (text.startsWith('...')) continue;
    const m = /^(?:async\s+)?(?:[gs]et\s+(?=[\w$"'[]))?(?:\*\s*)?([A-Za-z_$][\w$]*|"[^"]*"|'[^']*')\s*\??\s*(:|\(|<|$)/.exec(text);
    if (!m) continue;
    const keyStart = p.start + m[0].indexOf(m[1]!);
    const rawKey = s.code.slice(keyStart, keyStart + m[1]!.length);
    const key = /^["']/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
    if (m[2] === ':') props.set(key, { key, value: { start: p.start + m[0].length, end: p.end } });
    else if (m[2] === '') props.set(key, { key, value: { start: keyStart, end: keyStart + rawKey.length } });
    else props.set(key, { key, value: p }); // a method: the whole member
  }
  return props;
}

/** The first non-space index at or after k. */
function skipSpace(blank: string, k: number): number {
  while (k < blank.length && /\s/.test(blank[k]!)) k++;
  return k;
}

/** Whether [start, end) is an identifier, and which. */
function identifierIn(blank: string, r: Range): string | null {
  const t = blank.slice(r.start, r.end).trim();
  return /^[A-Za-z_$][\w$]*$/.test(t) ? t : null;
}

/** The variable a value starting at `at` is assigned to (`const x: T = await new …`), if any. */
function declaredName(blank: string, at: number): string | null {
  const before = blank.slice(Math.max(0, at - 300), at);
  const m = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]*?)?=\s*(?:await\s+)?(?:new\s+)?$/.exec(before);
  return m ? m[1]! : null;
}

/** The end of an expression starting at `from`: a top-level `;`, an unmatched closer, or a new top-level statement line. */
function expressionEnd(blank: string, from: number): number {
  let depth = 0;
  for (let k = from; k < blank.length; k++) {
    const c = blank[k]!;
    if (c in OPEN) depth++;
    else if (CLOSERS.has(c)) {
      if (depth === 0) return k;
      depth--;
    } else if (c === ';' && depth === 0) return k;
    else if (
      c === '\n' &&
      depth === 0 &&
      /^\n(?:export|import|const|let|var|function|async\s+function|class|type|interface)\b/.test(blank.slice(k, k + 20))
    )
      return k;
  }
  return blank.length;
}

/**
 * The body of the function declared at `at` (`const f = async (…) => …`, `function f(…) {…}`):
 * the braces' inside, or an arrow's expression.
 */
function functionBody(blank: string, at: number): Range | null {
  const paren = blank.indexOf('(', at);
  if (paren < 0) return null;
  let k = skipSpace(blank, matchClose(blank, paren) + 1);
  if (blank[k] === ':') {
    // a return type: skip to `=>` or `{` outside its angle brackets
    let angles = 0;
    for (k++; k < blank.length; k++) {
      const c = blank[k]!;
      if (c === '=' && blank[k + 1] === '>' && angles === 0) break;
      if (c === '<') angles++;
      else if (c === '>') angles--;
      else if (c === '{' && angles === 0) break;
      else if (c === '(' || c === '[') k = matchClose(blank, k);
    }
  }
  if (blank.startsWith('=>', k)) k = skipSpace(blank, k + 2);
  if (blank[k] === '{') return { start: k + 1, end: matchClose(blank, k) };
  return { start: k, end: expressionEnd(blank, k) };
}

// ---------- imports ----------

interface Imports {
  modules: string[];
  /** local name -> where it comes from */
  named: Map<string, { module: string; imported: string }>;
  /** namespace or default binding -> module */
  namespaces: Map<string, string>;
}

const AGENTS_MODULE = /^@openai\/agents(?:-core|-openai)?$/;

function readImports(s: Scanned): Imports {
  const result: Imports = { modules: [], named: new Map(), namespaces: new Map() };
  const isCode = (at: number) => s.blank[at] === s.code[at] && s.code[at] !== ' ';
  const add = (m: string) => {
    if (!result.modules.includes(m)) result.modules.push(m);
  };
  const found: { at: number; module: string; clause?: string; typeOnly?: boolean }[] = [];
  for (const m of s.code.matchAll(/\bimport\s+(type\s+)?([\w$*{}\s,]+?)\s*from\s*(["'])([^"'\n]+)\3/g)) {
    if (isCode(m.index)) found.push({ at: m.index, module: m[4]!, clause: m[2]!, typeOnly: Boolean(m[1]) });
  }
  for (const m of s.code.matchAll(/\bimport\s*(["'])([^"'\n]+)\1/g)) if (isCode(m.index)) found.push({ at: m.index, module: m[2]! });
  for (const m of s.code.matchAll(/\b(?:import|require)\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g))
    if (isCode(m.index)) found.push({ at: m.index, module: m[2]! });
  found.sort((a, b) => a.at - b.at);
  for (const f of found) {
    add(f.module);
    if (!f.clause || f.typeOnly) continue;
    const clause = f.clause.trim();
    const ns = /\*\s*as\s+([A-Za-z_$][\w$]*)/.exec(clause);
    if (ns) result.namespaces.set(ns[1]!, f.module);
    const def = /^([A-Za-z_$][\w$]*)\s*(?:,|$)/.exec(clause);
    if (def) result.namespaces.set(def[1]!, f.module);
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) {
      for (const spec of braces[1]!.split(',')) {
        const m = /^\s*(type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*$/.exec(spec);
        if (!m || m[1]) continue;
        result.named.set(m[3] ?? m[2]!, { module: f.module, imported: m[2]! });
      }
    }
  }
  return result;
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
  /** Where the callee starts. */
  at: number;
  factory: string;
  /** For `x.asTool(…)`: x. */
  receiver?: string;
  isNew: boolean;
  args: Range;
}

interface ToolSite {
  tool: WorkflowTool;
  call: Call | null;
}

export function inspectWorkflowSource(source: string, fileName?: string): WorkflowReport {
  const s = scan(source);
  const { blank } = s;
  const imports = readImports(s);

  // Resolve a callee to the SDK export it names, or null when it comes from elsewhere.
  const resolve = (name: string): string | null => {
    const named = imports.named.get(name);
    if (named) return AGENTS_MODULE.test(named.module) ? named.imported : null;
    if (imports.namespaces.has(name)) return null;
    return name;
  };

  // Every call, `new`, `ns.member(` and `x.asTool(` in the code.
  const calls: Call[] = [];
  for (const m of blank.matchAll(
    /(?<![\w$.])([A-Za-z_$][\w$]*)(?:\s*\.\s*([A-Za-z_$][\w$]*))?(?:\s*<[^<>();]*(?:<[^<>();]*>[^<>();]*)*>)?\s*\(/g,
  )) {
    const before = blank.slice(Math.max(0, m.index - 12), m.index);
    if (/\bfunction\s*\*?\s*$/.test(before)) continue;
    const open = m.index + m[0].length - 1;
    const args = { start: open + 1, end: matchClose(blank, open) };
    const isNew = /\bnew\s+$/.test(before);
    const [, first, member] = m;
    let factory: string | null;
    let receiver: string | undefined;
    if (member) {
      const ns = imports.namespaces.get(first!);
      if (ns !== undefined) factory = AGENTS_MODULE.test(ns) ? member : null;
      else if (member === 'asTool') {
        factory = 'asTool';
        receiver = first;
      } else if (member === 'create' && resolve(first!) === 'Agent') factory = 'Agent.create';
      else factory = null;
    } else factory = resolve(first!);
    if (factory) calls.push({ at: m.index, factory, receiver, isNew, args });
  }

  const agentCalls = calls.filter((c) => (c.factory === 'Agent' && c.isNew) || c.factory === 'Agent.create');
  const agentVars = new Set(agentCalls.map((c) => declaredName(blank, c.at)).filter((v): v is string => v !== null));
  const toolCalls = calls.filter(
    (c) => !c.isNew && (c.factory in TOOL_FACTORIES || (c.factory === 'asTool' && agentVars.has(c.receiver!))),
  );

  // ---- tools ----
  const sites: ToolSite[] = toolCalls.map((call) => {
    const variable = declaredName(blank, call.at);
    return { call, tool: describeTool(s, call, variable, variable ?? '') };
  });
  const byVariable = new Map<string, ToolSite>();
  for (const site of sites) if (site.tool.variable) byVariable.set(site.tool.variable, site);

  // ---- agents ----
  const agents: WorkflowAgent[] = agentCalls.map((call) => {
    const variable = declaredName(blank, call.at);
    const optionsAt = skipSpace(blank, call.args.start);
    const props = objectProps(s, optionsAt);
    const name = props.has('name') ? stringLiteral(s, props.get('name')!.value) : null;
    const model = props.has('model') ? stringLiteral(s, props.get('model')!.value) : null;
    const owner = variable ?? name ?? `agent@${call.at}`;
    const tools: string[] = [];
    const toolsProp = props.get('tools');
    if (toolsProp) {
      for (const [index, element] of toolElements(s, toolsProp.value).entries()) {
        const id = identifierIn(blank, element);
        let site = id ? byVariable.get(id) : sites.find((x) => x.call && x.call.at >= element.start && x.call.at < element.end);
        if (!site) {
          const text = s.code.slice(element.start, element.end).trim().replace(/\s+/g, ' ');
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
  const exportedNames = new Set<string>();
  let runWorkflowAt = -1;
  for (const m of blank.matchAll(/\bexport\s+(?:declare\s+)?(?:(?:const|let|var)\s+|(?:async\s+)?function\s*\*?\s*)([A-Za-z_$][\w$]*)/g)) {
    exportedNames.add(m[1]!);
    if (m[1] === 'runWorkflow') runWorkflowAt = m.index;
  }
  for (const m of blank.matchAll(/\bexport\s*(type\s*)?\{([^}]*)\}/g)) {
    if (m[1]) continue;
    for (const spec of m[2]!.split(',')) {
      const parts = /^\s*([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*$/.exec(spec);
      if (!parts) continue;
      const exported = parts[2] ?? parts[1]!;
      exportedNames.add(exported);
      if (exported === 'runWorkflow' && runWorkflowAt < 0) {
        const local = new RegExp(`\\b(?:const|let|var|function\\s*\\*?)\\s*${escapeRegExp(parts[1]!)}\\b`).exec(blank);
        runWorkflowAt = local ? local.index : m.index;
      }
    }
  }
  const declaredRunWorkflow = /\b(?:const|let|var|function\s*\*?)\s*runWorkflow\b/.exec(blank);
  const exportsRunWorkflow = exportedNames.has('runWorkflow');

  const usesInputAsText = /\binput_as_text\b/.test(blank);
  const buildsHistoryFromInputOnly = historyFromInputOnly(s);
  const usesRunner = calls.some((c) => c.factory === 'Runner' && c.isNew);
  const importsAgentsSdk = imports.modules.some((m) => AGENTS_MODULE.test(m));
  const traceCalls = calls.filter((c) => c.factory === 'withTrace' && !c.isNew);
  const usesWithTrace = traceCalls.length > 0;

  let returnsOutputText = false;
  if (runWorkflowAt >= 0 && /\boutput_text\s*:/.test(blank)) {
    const body = functionBody(blank, runWorkflowAt);
    if (body) {
      const trace = traceCalls.find((c) => c.at >= body.start && c.at < body.end);
      const scope = trace ? trace.args : body;
      const text = blank.slice(scope.start, scope.end);
      const returns = [...text.matchAll(/\breturn\b(?!\s+(?:await\s+)?(?:[\w$]+\s*\.\s*)?withTrace\s*[<(])/g)];
      returnsOutputText = returns.length > 0 || (trace === undefined && !blank.slice(body.start - 1, body.start).includes('{'));
    }
  }

  const workflowIdMatch = /\bworkflow_id\s*:\s*(["'`])(wf_[^"'`\s]*)\1/.exec(s.code);
  const shape: WorkflowShape = {
    exportsRunWorkflow,
    usesInputAsText,
    buildsHistoryFromInputOnly,
    usesRunner,
    importsAgentsSdk,
    usesWithTrace,
    returnsOutputText,
  };

  // ---- guardrails ----
  const via: string[] = [];
  for (const m of imports.modules) if (GUARDRAILS_PACKAGE.test(m) && !via.includes(m)) via.push(m);
  for (const name of ['runGuardrails', 'runAndApplyGuardrails']) if (new RegExp(`\\b${name}\\s*\\(`).test(blank)) via.push(`${name}()`);
  for (const name of ['GuardrailAgent', 'GuardrailsOpenAI', 'GuardrailsAsyncOpenAI'])
    if (new RegExp(`\\b${name}\\b`).test(blank)) via.push(name);
  for (const name of SDK_GUARDRAIL_OPTIONS) if (new RegExp(`\\b${name}\\s*[:,}]`).test(blank)) via.push(name);
  const guardrails: WorkflowGuardrails = { used: via.length > 0, via };

  const report: WorkflowReport = {
    fileName: fileName ?? null,
    workflowId: workflowIdMatch ? workflowIdMatch[2]! : null,
    shape,
    agents,
    tools,
    guardrails,
    imports: imports.modules,
    findings: [],
  };
  report.findings = findingsFor(report, {
    declaredButNotExported: !exportsRunWorkflow && declaredRunWorkflow !== null,
    otherWorkflowExports: [...exportedNames].filter((n) => n !== 'runWorkflow' && /^run\w*workflow/i.test(n)),
    mentionsHistory: /\bconversationHistory\b/.test(blank),
  });
  return report;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The elements of an agent's `tools` value: an array literal, or a variable holding one. */
function toolElements(s: Scanned, value: Range): Range[] {
  const { blank } = s;
  let at = skipSpace(blank, value.start);
  const id = identifierIn(blank, value);
  if (id) {
    const decl = new RegExp(`\\b(?:const|let|var)\\s+${escapeRegExp(id)}\\s*(?::[^=;]*?)?=\\s*\\[`).exec(blank);
    if (!decl) return [value];
    at = decl.index + decl[0].length - 1;
  }
  if (blank[at] !== '[') return [value];
  return splitTopLevel(blank, at + 1, matchClose(blank, at)).map((r) => trimRange(blank, r));
}

/** `conversationHistory` (or an `AgentInputItem[]`) starts as one user message built from `input_as_text`. */
function historyFromInputOnly(s: Scanned): boolean {
  const { blank } = s;
  const decl =
    /\b(?:const|let|var)\s+conversationHistory\b\s*(?::[^=;]*?)?=\s*\[/.exec(blank) ??
    /\b(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*:\s*AgentInputItem\s*\[\s*\]\s*=\s*\[/.exec(blank);
  if (!decl) return false;
  const open = decl.index + decl[0].length - 1;
  const elements = splitTopLevel(blank, open + 1, matchClose(blank, open));
  if (elements.length !== 1) return false;
  const element = blank.slice(elements[0]!.start, elements[0]!.end);
  if (element.trim().startsWith('...') || !/\brole\s*:/.test(element)) return false;
  // the message's text is the input itself: `text: workflow.input_as_text` or `text: \`${workflow.input_as_text}\``
  const code = s.code.slice(elements[0]!.start, elements[0]!.end);
  const input = String.raw`(?:[A-Za-z_$][\w$]*\s*\.\s*)*input_as_text`;
  return new RegExp(String.raw`\btext\s*:\s*(?:${input}\s*(?:[,}\]\n]|$)|\`\$\{\s*${input}\s*\}\`)`).test(code);
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

function describeTool(s: Scanned, call: Call, variable: string | null, id: string): WorkflowTool {
  const { blank } = s;
  const factory = call.factory === 'asTool' ? `${call.receiver}.asTool` : call.factory;
  const kind: ToolKind = call.factory === 'asTool' ? 'function' : (TOOL_FACTORIES[call.factory] ?? 'unknown');
  const argParts = splitTopLevel(blank, call.args.start, call.args.end).map((r) => trimRange(blank, r));
  const firstArg = argParts[0];
  const options = (arg: Range | undefined) => (arg ? objectProps(s, arg.start) : new Map<string, Prop>());
  const base = { id, variable, kind, factory, usedBy: [] as string[] };

  switch (kind) {
    case 'function': {
      const props = options(call.factory === 'asTool' ? argParts[0] : firstArg);
      const nameProp = props.get(call.factory === 'asTool' ? 'toolName' : 'name');
      const name = nameProp ? stringLiteral(s, nameProp.value) : null;
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
      const implemented = execute !== undefined && !emptyFunctionBody(blank, execute.value);
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
      const ids = firstArg ? literalStrings(s, firstArg) : [];
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
      const props = options(firstArg);
      const literal = (key: string) => (props.has(key) ? stringLiteral(s, props.get(key)!.value) : null);
      const serverLabel = literal('serverLabel');
      const connectorId = literal('connectorId');
      const serverUrl = literal('serverUrl');
      const approvalProp = props.get('requireApproval');
      let requireApproval: string | undefined;
      if (approvalProp) {
        const t = trimRange(blank, approvalProp.value);
        requireApproval = stringLiteral(s, t) ?? (blank[t.start] === '{' ? 'object' : s.code.slice(t.start, t.end).trim());
      }
      const authProp = props.get('authorization');
      const authorization: 'none' | 'literal' | 'expression' = !authProp
        ? 'none'
        : stringLiteral(s, authProp.value) !== null
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

/** The string literals of an array literal (or a single literal) in r. */
function literalStrings(s: Scanned, r: Range): string[] {
  const single = stringLiteral(s, r);
  if (single !== null) return [single];
  if (s.blank[r.start] !== '[') return [];
  return splitTopLevel(s.blank, r.start + 1, matchClose(s.blank, r.start))
    .map((part) => stringLiteral(s, part))
    .filter((v): v is string => v !== null);
}

/** Whether the function in r has an empty block body (`async (x) => {}`, `execute(x) { }`). */
function emptyFunctionBody(blank: string, r: Range): boolean {
  const t = trimRange(blank, r);
  if (blank[t.end - 1] !== '}') return false; // an expression-bodied arrow has a result
  // find the top-level group that ends at t.end - 1
  let open = -1;
  for (let k = t.start; k < t.end; k++) {
    if (blank[k]! in OPEN) {
      const close = matchClose(blank, k);
      if (close === t.end - 1 && blank[k] === '{') {
        open = k;
        break;
      }
      k = close;
    }
  }
  return open >= 0 && blank.slice(open + 1, t.end - 1).trim() === '';
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
