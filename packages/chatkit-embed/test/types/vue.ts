// Type-level tests of the Vue typings: compiled by `npm run check`, never run.
import type {} from 'chatkit-embed/types/vue';
import type { GlobalComponents } from 'vue';

// What a template may pass to <chatkit-embed>.
type Props = InstanceType<GlobalComponents['chatkit-embed']>['$props'];

export const ok: Props = {
  'session-url': '/api/chatkit/session',
  theme: 'auto',
  'onchatkit.thread.change': (event) => event.detail.threadId,
};

// @ts-expect-error `sharp-ish` is not a radius
export const bad: Props = { radius: 'sharp-ish' };
