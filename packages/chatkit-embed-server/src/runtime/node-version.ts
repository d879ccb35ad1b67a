/**
 * The Node.js versions this package runs on. Older ones fail in obscure places (no
 * `node:sqlite`, no `module.register`); this says so in one line instead.
 */
export const MINIMUM_NODE_MAJOR = 22;

/** A one-line reason when `version` (e.g. `v20.20.2`) is too old, else undefined. */
export function nodeTooOld(version: string = process.version): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= MINIMUM_NODE_MAJOR) return undefined;
  return `chatkit-embed-server needs Node.js ${MINIMUM_NODE_MAJOR} or newer; this is Node.js ${version.replace(/^v?/, '')}.`;
}
