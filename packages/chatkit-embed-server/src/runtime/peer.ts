/**
 * Optional peer dependencies (`pg`, `@openai/agents`) load only where they are used, so
 * a server that needs neither never installs or imports them. When one is missing, the
 * error names the package and the command that adds it, instead of Node's resolver
 * message from deep inside this package.
 */
export class MissingPeerError extends Error {
  override name = 'MissingPeerError';
  constructor(
    readonly packageName: string,
    purpose: string,
  ) {
    super(`${purpose} needs the \`${packageName}\` package, which is not installed. Add it with: npm install ${packageName}`);
  }
}

/** Imports `load()`'s module, turning "cannot find package `name`" into a `MissingPeerError`. */
export async function importPeer<T>(packageName: string, purpose: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ERR_MODULE_NOT_FOUND' && message?.includes(`'${packageName}'`)) throw new MissingPeerError(packageName, purpose);
    throw error;
  }
}
