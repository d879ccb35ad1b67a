/**
 * The one-tag install for static sites and CMSs: the script-tag bundle reads `data-*`
 * attributes from its own `<script>` (the element's attribute names) and mounts one
 * `<chatkit-embed mode="launcher">` into `<body>`, unless the page already has a chat,
 * which also makes a second copy of the tag harmless. Options that do not fit
 * attributes come from a JSON block:
 *
 *   <script type="application/json" data-chatkit-embed-config>{"theme": {...}}</script>
 *
 * JSON is never run, so the block needs no CSP nonce.
 */
import type { ChatKitEmbed } from '../element/chatkit-embed.js';
import { ChatKitEmbedError } from '../element/errors.js';
import { ChatKitEmbedErrorEvent } from '../element/events.js';

/** Marks the element the snippet mounted, which the page-level API talks to first. */
export const SNIPPET_MARK = 'data-chatkit-embed-snippet';

export interface MountedSnippet {
  element: ChatKitEmbed;
  /** Reports problems found while mounting, once the page could listen. */
  report(): void;
}

export function mountSnippet(script: HTMLScriptElement, doc: Document): MountedSnippet | undefined {
  const known = new Set((customElements.get('chatkit-embed') as unknown as { observedAttributes: string[] }).observedAttributes);
  const attributes = [...script.attributes]
    .filter(({ name }) => name.startsWith('data-') && known.has(name.slice(5)))
    .map(({ name, value }) => [name.slice(5), value] as const);
  // A plain install (the bundle, then <chatkit-embed> tags of its own) has no data-*.
  if (!attributes.length || doc.querySelector('chatkit-embed')) return undefined;

  const element = doc.createElement('chatkit-embed');
  element.setAttribute('mode', 'launcher');
  for (const [name, value] of attributes) element.setAttribute(name, value);
  element.setAttribute(SNIPPET_MARK, '');
  // The nonce of this tag, for the scripts the element adds (a browser hides the attribute).
  if (script.nonce) element.nonce = script.nonce;
  let problem: ChatKitEmbedError | undefined;
  const block = doc.querySelector('script[type="application/json"][data-chatkit-embed-config]');
  if (block) {
    try {
      element.options = JSON.parse(block.textContent ?? '');
    } catch (error) {
      problem = new ChatKitEmbedError(
        'config-invalid',
        `The chatkit-embed JSON config block is not valid JSON (${(error as Error).message}); it was ignored.`,
        { attribute: 'data-chatkit-embed-config', cause: error },
      );
    }
  }
  doc.body.append(element);
  keepInPage(element, doc);
  return {
    element,
    report: () => problem && element.dispatchEvent(new ChatKitEmbedErrorEvent(problem, false)),
  };
}

/**
 * Single-page sites that swap `<body>` on navigation (Turbo, pjax, some CMS themes)
 * would drop the chat with it. The element goes back into the new body instead: the
 * same instance, so its open state and thread carry on. One shallow observer on <html>,
 * not one over the whole document, so the page's own DOM work costs nothing extra.
 */
function keepInPage(element: ChatKitEmbed, doc: Document): void {
  let body = doc.body;
  // Only a new <body> brings the chat back: a page that removes the element itself (a
  // consent tool, a checkout step) means it.
  new MutationObserver(() => {
    if (doc.body === body) return;
    body = doc.body;
    if (body && !element.isConnected && !doc.querySelector('chatkit-embed')) body.append(element);
  }).observe(doc.documentElement, { childList: true });
}
