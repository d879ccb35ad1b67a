#!/usr/bin/env node
/**
 * The `chatkit-embed-server` command. It checks the Node.js version before loading
 * anything else: on an older Node the server would fail deep inside (`node:sqlite`,
 * `module.register`) with a stack trace instead of the reason.
 */
import { nodeTooOld } from '../runtime/node-version.js';

const tooOld = nodeTooOld();
if (tooOld) {
  console.error(tooOld);
  process.exitCode = 1;
} else {
  const { run } = await import('./cli.js');
  run(process.argv.slice(2));
}
