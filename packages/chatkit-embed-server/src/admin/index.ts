/**
 * `chatkit-embed-server/admin`: the site owner's API over every visitor's conversations
 * (list, search, read, export, erase), behind an admin credential.
 */
export { createAdminApi, type AdminApiOptions } from './admin-api.js';
