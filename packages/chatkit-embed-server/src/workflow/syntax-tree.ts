/**
 * The syntax tree of an export, from Babel's parser with its TypeScript plugin, and the
 * few questions inspect-workflow.ts asks of it: what a value is once TypeScript's
 * wrappers (`as const`, `satisfies`, `!`) are taken off, which string a literal holds,
 * the properties of an object literal.
 *
 * The parser is loaded on the first parse, not on import: `chatkit-embed-server/workflow`
 * is also imported only to serve an export, and that should not load it.
 */
import { createRequire } from 'node:module';
import type * as BabelParser from '@babel/parser';
import type { File, Node } from '@babel/types';

export type { File, Node };

let parser: typeof BabelParser | undefined;

/**
 * Parses a module. Errors the parser can step over (a duplicate declaration, a stray
 * modifier) are tolerated, as esbuild tolerates many of them when it loads the file; an
 * error it cannot step over throws a `SyntaxError` naming file, line and column.
 */
export function parseModule(source: string, fileName?: string): File {
  parser ??= createRequire(import.meta.url)('@babel/parser') as typeof BabelParser;
  const javascript = fileName !== undefined && /\.[cm]?jsx?$/.test(fileName);
  const jsx = fileName !== undefined && /x$/.test(fileName);
  try {
    return parser.parse(source, {
      sourceType: 'module',
      sourceFilename: fileName,
      errorRecovery: true,
      allowAwaitOutsideFunction: true,
      // What esbuild (which loads the file) accepts beyond the standard: decorators and the
      // import phases it parses too.
      plugins: [
        ...(javascript ? [] : ['typescript' as const]),
        ...(jsx ? ['jsx' as const] : []),
        'decorators',
        'decoratorAutoAccessors',
        'sourcePhaseImports',
        'deferredImportEvaluation',
      ],
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!loc) throw error;
    const reason = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new SyntaxError(`${fileName ?? '(source)'}:${loc.line}:${loc.column + 1}: ${reason}`, { cause: error });
  }
}

/** Keys that hold positions, comments or parser notes rather than child nodes. */
const NOT_CHILDREN = new Set(['loc', 'extra', 'errors', 'comments', 'tokens', 'leadingComments', 'trailingComments', 'innerComments']);

/** TypeScript nodes that hold code (everything else whose type starts with `TS` is a type). */
const TS_CODE = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'TSParameterProperty',
  'TSExportAssignment',
  'TSImportEqualsDeclaration',
  'TSExternalModuleReference',
  'TSEnumDeclaration',
  'TSEnumBody',
  'TSEnumMember',
  'TSModuleDeclaration',
  'TSModuleBlock',
]);

/**
 * Visits every node of the code in source order, skipping types (annotations, aliases,
 * interfaces, type arguments): they do not run. A visitor that returns `false` skips
 * the node's children.
 */
export function walkCode(root: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type.startsWith('TS') && !TS_CODE.has(node.type)) continue;
    if (visit(node) === false) continue;
    const children: Node[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (NOT_CHILDREN.has(key)) continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) children.push(value);
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export type FunctionNode = Extract<
  Node,
  { type: 'ArrowFunctionExpression' | 'FunctionExpression' | 'FunctionDeclaration' | 'ObjectMethod' | 'ClassMethod' | 'ClassPrivateMethod' }
>;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'FunctionExpression' ||
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'ObjectMethod' ||
    node?.type === 'ClassMethod' ||
    node?.type === 'ClassPrivateMethod'
  );
}

/** The value under TypeScript's wrappers and `await`: `x as const`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        current = current.expression;
        break;
      case 'AwaitExpression':
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** The string a literal holds (`'…'`, `"…"`, or a template without `${}`), else null. */
export function stringValue(node: Node | null | undefined): string | null {
  if (!node) return null;
  const value = unwrap(node);
  if (value.type === 'StringLiteral') return value.value;
  if (value.type === 'TemplateLiteral' && value.expressions.length === 0) {
    const quasi = value.quasis[0]!.value;
    return quasi.cooked ?? quasi.raw;
  }
  return null;
}

/** An identifier's name, under TypeScript's wrappers; else null. */
export function identifierName(node: Node | null | undefined): string | null {
  if (!node) return null;
  const value = unwrap(node);
  return value.type === 'Identifier' ? value.name : null;
}

/** The name of a property key that is written out: `name`, `"name"`, `["name"]`. */
export function keyName(node: Node & { key: Node; computed: boolean }): string | null {
  if (node.key.type === 'Identifier' && !node.computed) return node.key.name;
  if (node.key.type === 'StringLiteral') return node.key.value;
  return null;
}

/** Whether `inner` lies within `outer` in the source. */
export function within(inner: Node, outer: Node): boolean {
  return inner.start! >= outer.start! && inner.end! <= outer.end!;
}
