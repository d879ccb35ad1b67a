// Type-level tests of the Svelte 5 typings: compiled by `npm run check`, never run.
import type {} from 'chatkit-embed/types/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

// What a template may put on <chatkit-embed>.
type Attributes = SvelteHTMLElements['chatkit-embed'];

export const ok: Attributes = {
  'api-url': '/chatkit',
  'domain-key': 'domain_pk_localhost_dev',
  'onchatkit.thread.change': (event) => event.detail.threadId,
};

// @ts-expect-error `cosy` is not a density
export const bad: Attributes = { density: 'cosy' };
