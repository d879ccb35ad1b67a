/**
 * `<chatkit-embed>` in Svelte 5 templates: `import type {} from 'chatkit-embed/types/svelte'`
 * once. Events are attributes named `on` + the event name, as Svelte 5 adds them as
 * listeners: `onchatkit-embed-error`, `onchatkit.thread.change`.
 */
import type { CustomElements } from './jsx.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends CustomElements {}
}
