import { defineConfig } from 'vitest/config';

// The repository's own tests: the demo server, the snippet builder and the framework
// examples, which use both packages. Each package runs its own suite in its folder.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
