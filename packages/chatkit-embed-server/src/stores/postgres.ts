/**
 * `chatkit-embed-server/postgres`: a ChatKit store in PostgreSQL, shared by several
 * instances (rate limits included). Needs `pg`, an optional peer dependency.
 */
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export type { ChatKitStore, StoreContext } from './store.js';
export { MissingPeerError } from '../runtime/peer.js';
