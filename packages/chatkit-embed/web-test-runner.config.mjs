import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, HOW_TO_GET_CHROME, findChrome } from '../../scripts/find-chrome.mjs';
import { testRoutes } from './test/browser/routes.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROME);
  process.exit(1);
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: the runner's own
 * emulateMedia offers forced colours only with Playwright, so this sends the DevTools
 * protocol command to the test's page directly.
 */
const sessions = new WeakMap();
const forcedColors = {
  name: 'emulate-forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    const page = session.browser.getPage(session.id);
    // Emulation lasts as long as the protocol session that set it: keep one per page.
    let client = sessions.get(page);
    if (!client) sessions.set(page, (client = await page.createCDPSession()));
    await client.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
    });
    return true;
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // The plugin passes the file's text to esbuild as it is, without following `extends`,
  // so it gets the file that holds the decorator settings.
  plugins: [esbuildPlugin({ ts: true, tsconfig: '../../tsconfig.base.json', target: 'es2022' }), forcedColors],
  middleware: [testRoutes],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: CHROME_ARGS } })],
  // One tab at a time: a background tab gets no media-query change events, which the
  // theme="auto" test needs.
  concurrency: 1,
  // Generous: waits are on conditions, and CI machines are often loaded.
  testFramework: { config: { timeout: 30000 } },
};
