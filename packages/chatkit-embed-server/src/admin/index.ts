/**
 * `chatkit-embed-server/admin`: the site owner's API over every visitor's conversations
 * (list, search, read, export, erase), behind an admin credential, and the inbox page
 * that uses it.
 */
export { createAdminApi, type AdminApiOptions } from './admin-api.js';
export { createInboxPage, INBOX_CSP, type InboxPageOptions } from './inbox-page.js';
