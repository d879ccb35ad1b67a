/**
 * Whether an export parses at all. The inspection in inspect-workflow.ts reads the source
 * as text and tolerates what it does not recognise, so on its own it reported a file that
 * Node then refused to load as having no errors; esbuild's parser (the one `serve` loads
 * the file with) says where a syntax error is.
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
