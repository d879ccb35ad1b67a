import type { RateLimitStore } from '../http/rate-limiter.js';
import type { ChatKitStore } from './store.js';

/**
 * Opens the store a URL names: `memory:`, `postgres://…` / `postgresql://…`, or a SQLite
 * file path (the default, so a newcomer needs no database server). Each store's module
 * loads only when named, so SQLite users never load `pg`.
 */
export async function openStore(url: string): Promise<ChatKitStore & { rateLimitStore?(): RateLimitStore }> {
  if (url === 'memory:') return new (await import('./store.js')).MemoryStore();
  if (/^postgres(ql)?:\/\//.test(url)) return (await import('./postgres-store.js')).PostgresStore.open(url);
  return (await import('./sqlite-store.js')).SqliteStore.open(url);
}
