// Entry of the script-tag bundle (dist/cdn/chatkit-embed.js): Lit inlined, registers the
// tag, mounts the launcher a snippet asks for and installs `window.chatkitEmbed`. The
// core (the connector and the chat's views) is a second script,
// dist/cdn/chatkit-embed-core.js, loaded on demand.
import '../define.js';
import { ownScript } from './own-script.js';
import { installPageApi } from './page-api.js';
import { mountSnippet } from './snippet.js';

const start = () => {
  const mounted = ownScript && mountSnippet(ownScript, document);
  installPageApi(window);
  mounted?.report();
};
// `async` and `defer` tags may run before or after the document is parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
