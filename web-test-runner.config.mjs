import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, HOW_TO_GET_CHROME, findChrome } from './scripts/find-chrome.mjs';
import { testRoutes } from './test/server/routes.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROME);
  process.exit(1);
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  middleware: [testRoutes],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: CHROME_ARGS } })],
  // One tab at a time: a background tab gets no media-query change events, which the
  // theme="auto" test needs.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
