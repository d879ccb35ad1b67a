// Run as `node bench/import-probe.mjs <specifier>` in a fresh process: imports one entry
// and prints, as JSON, the packages it loaded, the import time and the memory after it.
import { registerHooks } from 'node:module';

const packages = new Set();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(result.url);
    if (match) packages.add(match[1]);
    return result;
  },
});

const started = performance.now();
await import(process.argv[2]);
const ms = performance.now() - started;
globalThis.gc?.();
console.log(
  JSON.stringify({
    ms,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    packages: [...packages].sort(),
  }),
);
