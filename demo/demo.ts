// Shared by the demo pages: shows whether the dev server is set up for the page's mode,
// and logs the element's events.
import '../packages/chatkit-embed/src/index.js';

const status = (await (await fetch('/api/demo-status')).json()) as { hosted: boolean; selfHosted: boolean };
const mode = document.body.dataset.mode as 'hosted' | 'selfHosted';
document.querySelector<HTMLElement>('.notice')!.hidden = status[mode];

const log = document.querySelector('#log')!;
const names = [
  'chatkit-embed-script-load',
  'chatkit-embed-ready',
  'chatkit-embed-error',
  'chatkit-embed-diagnostic',
  'chatkit-embed-open',
  'chatkit-embed-close',
  'chatkit.ready',
  'chatkit.error',
  'chatkit.thread.change',
  'chatkit.response.start',
  'chatkit.response.end',
];
for (const name of names) {
  document.addEventListener(name, (event) => {
    const detail = (event as CustomEvent).detail;
    const line = document.createElement('div');
    const what = detail?.code ? `[${detail.code}] ${detail.message}` : (detail?.message ?? detail?.threadId ?? '');
    line.textContent = `${new Date().toLocaleTimeString()} ${name} ${what}`;
    log.prepend(line);
  });
}

// The launcher demo switches the page's language, as a site's language menu would.
document.querySelector<HTMLSelectElement>('#page-language')?.addEventListener('change', ({ target }) => {
  const language = (target as HTMLSelectElement).value;
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
});

// The self-hosted demo shows a client tool and file uploads, which the built-in server's
// offline responder knows about ("where am I", attachments).
const chat = document.querySelector('chatkit-embed')!;
if (mode === 'selfHosted') {
  chat.options = {
    api: { url: '/chatkit', domainKey: 'domain_pk_localhost_dev', uploadStrategy: { type: 'two_phase' } },
    composer: { attachments: { enabled: true, maxCount: 3, maxSize: 10 * 1024 * 1024 } },
    onClientTool: ({ name }) =>
      name === 'get_location'
        ? { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, language: navigator.language }
        : { error: `unknown tool ${name}` },
  };
}
