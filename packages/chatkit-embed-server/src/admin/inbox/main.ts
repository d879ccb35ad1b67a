/**
 * The inbox page's entry, bundled into dist/inbox-page/inbox.js at the package's build
 * (Lit inlined): defines the parts, then the page's `<inbox-app>` upgrades.
 */
import { InboxApp } from './inbox-app.js';
import { InboxConfirm } from './confirm-dialog.js';
import { InboxFilters } from './thread-filters.js';
import { InboxLogin } from './login-form.js';
import { InboxThreadList } from './thread-list.js';
import { InboxTranscript } from './thread-transcript.js';

const parts: Array<[string, CustomElementConstructor]> = [
  ['inbox-login', InboxLogin],
  ['inbox-filters', InboxFilters],
  ['inbox-thread-list', InboxThreadList],
  ['inbox-transcript', InboxTranscript],
  ['inbox-confirm', InboxConfirm],
  ['inbox-app', InboxApp],
];
for (const [tag, element] of parts) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'inbox-app': InboxApp;
    'inbox-login': InboxLogin;
    'inbox-filters': InboxFilters;
    'inbox-thread-list': InboxThreadList;
    'inbox-transcript': InboxTranscript;
    'inbox-confirm': InboxConfirm;
  }
}
