/**
 * `window.chatkitEmbed`: the page-level API for sites without a module system. Before
 * the bundle arrives it is a plain array the page pushes commands onto; the bundle runs
 * them in order, then replaces the array with an object whose `push` runs commands at
 * once and which has a method per command:
 *
 *   window.chatkitEmbed = window.chatkitEmbed || [];
 *   chatkitEmbed.push(['on', 'chatkit.response.end', () => console.log('answered')]);
 *   chatkitEmbed.push(['sendUserMessage', { text: 'Hello' }]);
 *
 * Commands go to the chat the snippet mounted, or else the page's first `<chatkit-embed>`.
 * Commands for a chat the page has not rendered yet (a framework that renders after the
 * bundle ran) wait for it, in order.
 */
import type { ChatKitEmbed } from '../element/chatkit-embed.js';
import { SNIPPET_MARK } from './snippet.js';

export type PageCommand = [name: string, ...args: unknown[]];

const METHODS = [
  'open',
  'close',
  'toggle',
  'retry',
  'focusComposer',
  'setThreadId',
  'sendUserMessage',
  'setComposerValue',
  'sendCustomAction',
  'showHistory',
  'hideHistory',
  'fetchUpdates',
] as const;

type PageApi = { push(...commands: PageCommand[]): unknown } & Record<string, (...args: never[]) => unknown>;

export function installPageApi(win: Window & { chatkitEmbed?: unknown }): void {
  const queued = win.chatkitEmbed;
  // Another copy of the bundle got here first.
  if (queued && !Array.isArray(queued)) return;
  const doc = win.document;
  const target = () =>
    doc.querySelector<ChatKitEmbed>(`chatkit-embed[${SNIPPET_MARK}]`) ?? doc.querySelector<ChatKitEmbed>('chatkit-embed');

  // Commands waiting for a <chatkit-embed>, and the observer that waits with them.
  const waiting: PageCommand[] = [];
  let watcher: MutationObserver | undefined;
  const flush = () => {
    if (!target()) return;
    watcher?.disconnect();
    watcher = undefined;
    for (const command of waiting.splice(0)) run(command);
  };

  const run = (command: PageCommand): unknown => {
    const [name, ...args] = command;
    // Events bubble out of the element, so listeners on the document outlive it.
    if (name === 'on' || name === 'off') {
      const [type, listener] = args as [string, EventListener];
      return doc[name === 'on' ? 'addEventListener' : 'removeEventListener'](type, listener);
    }
    const chat = target();
    if (!chat || waiting.length) {
      // Observing the whole document is costly, so only while something waits.
      waiting.push(command);
      watcher ??= new MutationObserver(flush);
      watcher.observe(doc.documentElement, { childList: true, subtree: true });
      return undefined;
    }
    if (name === 'set' && typeof args[0] === 'string' && args[0] in chat) {
      return ((chat as unknown as Record<string, unknown>)[args[0]] = args[1]);
    }
    if (!(METHODS as readonly string[]).includes(name)) {
      console.warn(`chatkit-embed: unknown command "${name}".`);
      return undefined;
    }
    const result = (chat[name as (typeof METHODS)[number]] as (...a: unknown[]) => unknown)(...args);
    // A failed call is reported by a chatkit-embed-error event; a page that queued it
    // before the bundle loaded has nothing to catch it with.
    if (result instanceof Promise) result.catch(() => {});
    return result;
  };

  const api = {
    push: (...commands: PageCommand[]) => commands.map(run).at(-1),
  } as PageApi;
  for (const name of [...METHODS, 'on', 'off', 'set']) api[name] = (...args: unknown[]) => run([name, ...args]);
  win.chatkitEmbed = api;
  if (Array.isArray(queued)) for (const command of queued) run(command as PageCommand);
}
