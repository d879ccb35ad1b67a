// Shared by the demo pages: shows whether the dev server is set up for the page's mode,
// and logs the element's events.
import '../src/index.js';

const status = (await (await fetch('/api/demo-status')).json()) as { hosted: boolean; selfHosted: boolean };
const mode = document.body.dataset.mode as 'hosted' | 'selfHosted';
document.querySelector<HTMLElement>('.notice')!.hidden = status[mode];

const log = document.querySelector('#log')!;
const names = ['chatkit-embed-script-load', 'chatkit-embed-ready', 'chatkit-embed-error', 'chatkit.ready', 'chatkit.error', 'chatkit.thread.change', 'chatkit.response.start', 'chatkit.response.end'];
for (const name of names) {
  document.addEventListener(name, (event) => {
    const detail = (event as CustomEvent).detail;
    const line = document.createElement('div');
    line.textContent = `${new Date().toLocaleTimeString()} ${name} ${detail?.message ?? detail?.threadId ?? ''}`;
    log.prepend(line);
  });
}
