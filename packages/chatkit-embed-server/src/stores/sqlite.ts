/** `chatkit-embed-server/sqlite`: a ChatKit store in one SQLite file, on Node's built-in `node:sqlite`. */
export { SqliteStore } from './sqlite-store.js';
export type { ChatKitStore, StoreContext } from './store.js';
