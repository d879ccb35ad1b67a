// Runs first in `npm start` and `npm test`: on an older Node they would fail deep inside
// (node:sqlite, module hooks) with a stack trace instead of the reason.
const needed = 22;
const found = process.versions.node;
if (Number(found.split('.')[0]) < needed) {
  console.error(`chatkit-embed needs Node.js ${needed} or newer to run its demo and tests; this is Node.js ${found}.`);
  process.exit(1);
}
