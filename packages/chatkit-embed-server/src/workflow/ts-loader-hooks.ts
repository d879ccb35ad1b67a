/**
 * Module hooks (registered with `module.register`) that let Node import an Agent Builder
 * export exactly as downloaded:
 * - TypeScript is compiled with esbuild, which drops imports used only as types.
 *   Node's own type stripping cannot: exports write
 *   `import { Agent, AgentInputItem } from "@openai/agents"`, and `AgentInputItem` does
 *   not exist at run time.
 * - `@openai/agents`, `openai`, `zod` and `chatkit-embed-server` itself resolve to the
 *   server's copies, so the workflow runs on the same Agents SDK instance as the server
 *   (whose history and streaming hooks must see its runs), and an agent file run with
 *   `npx chatkit-embed-server serve --agent` needs no install of its own.
 * - Extensionless relative imports (`./helpers`) find `.ts` files.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

interface HookData {
  /** A file URL inside this package, to resolve the shared dependencies from. */
  packageURL: string;
}

type Resolve = (specifier: string, context: { parentURL?: string }) => Promise<{ url: string }>;
type Load = (url: string, context: unknown) => Promise<{ format?: string; source?: unknown }>;

const SHARED = /^(@openai\/agents(-[a-z]+)?|openai|zod|chatkit-embed-server|ai|@ai-sdk\/[a-z-]+)(\/|$)/;
const TYPESCRIPT = /\.(ts|mts|cts)$/;
let packageURL = '';

export async function initialize(data: HookData): Promise<void> {
  packageURL = data.packageURL;
}

export async function resolve(specifier: string, context: { parentURL?: string }, nextResolve: Resolve) {
  const fromUserCode = context.parentURL !== undefined && !context.parentURL.includes('/node_modules/');
  if (fromUserCode && SHARED.test(specifier)) return nextResolve(specifier, { ...context, parentURL: packageURL });
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!fromUserCode || !specifier.startsWith('.') || /\.[cm]?[jt]s$/.test(specifier)) throw error;
    for (const suffix of ['.ts', '.mts', '/index.ts']) {
      try {
        return await nextResolve(specifier + suffix, context);
      } catch {
        // try the next one
      }
    }
    throw error;
  }
}

export async function load(url: string, context: unknown, nextLoad: Load) {
  if (!TYPESCRIPT.test(url) || url.includes('/node_modules/') || !url.startsWith('file:')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node22',
    sourcefile: file,
    sourcemap: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
