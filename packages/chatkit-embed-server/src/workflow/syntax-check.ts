/**
 * Whether an export parses at all, by esbuild's parser: the one `serve` loads the file
 * with, so its verdict is the one that counts. The inspection's own parser
 * (syntax-tree.ts) recovers from the errors it can, to report on as much of a file as
 * possible, so on its own it would pass files that Node then refuses to load.
 */
export interface SyntaxProblem {
  file: string;
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

export async function findSyntaxError(source: string, file: string): Promise<SyntaxProblem | undefined> {
  const { transform } = await import('esbuild');
  try {
    await transform(source, { loader: /\.[cm]?js$/.test(file) ? 'js' : 'ts', sourcefile: file, format: 'esm' });
    return undefined;
  } catch (error) {
    const first = (error as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors?.[0];
    if (!first) throw error;
    return { file, line: first.location?.line ?? 1, column: (first.location?.column ?? 0) + 1, message: first.text };
  }
}
