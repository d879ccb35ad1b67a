import { defineConfig } from 'vitest/config';

// The repository's own tests: the demo server, the snippet builder and the framework
// examples, which use both packages. Each package runs its own suite in its folder.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Many tests start processes (the CLI, Chromium, PostgreSQL): on a loaded 2-core
    // machine that takes seconds, so the defaults (5 s and 10 s) are far too short.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
