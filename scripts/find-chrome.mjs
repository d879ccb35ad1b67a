// Finds a local Chrome or Chromium for the browser tests, or says exactly how to get one.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const HOW_TO_GET_CHROME = `No Chrome or Chromium found for the browser tests.
  Debian/Ubuntu: sudo apt-get install -y chromium
  Fedora:        sudo dnf install -y chromium
  macOS:         brew install --cask chromium   (or install Google Chrome)
  Windows:       install Google Chrome
Or point CHROME_PATH at any Chrome/Chromium binary: CHROME_PATH=/path/to/chrome npm test`;

export function findChrome() {
  return CANDIDATES.find((path) => path && existsSync(path));
}

// Flags for a headless browser in a sandboxed machine with no internet: without the
// networking flags Chromium keeps trying to reach Google's services.
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Test files run in parallel tabs; a background tab must still run rendering steps
  // (media query change events, animation frames) and timers at full speed.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

// `node scripts/find-chrome.mjs`: prints the browser found, or how to get one (exit 1).
if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChrome();
  if (found) console.log(found);
  else {
    if (!process.argv.includes('--quiet')) console.error(HOW_TO_GET_CHROME);
    process.exit(1);
  }
}
