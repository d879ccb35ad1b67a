import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../src/stores/postgres-store.js';
import { NO_POSTGRES, postgresAvailable, startPostgres, type Postgres } from './postgres.js';
import { adminContract, feedbackContract, storeContract, storeEdgeContract, storeTextContract } from './store-contract.js';

// Skipped only where no PostgreSQL can be had (the reason is printed); CI installs it.
const available = postgresAvailable();
if (!available) describe.skip(NO_POSTGRES, () => it('needs PostgreSQL', () => undefined));

let postgres: Postgres;
let schemas = 0;
const stores: PostgresStore[] = [];
const open = async () => {
  const store = await PostgresStore.open(postgres.url, { schema: `contract_${process.pid}_${++schemas}` });
  stores.push(store);
  return store;
};

if (available) {
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.pool.end().catch(() => undefined)));
    await postgres?.stop();
  });

  storeContract('PostgresStore', open);
  storeEdgeContract('PostgresStore', open);
  storeTextContract('PostgresStore', open);
  adminContract('PostgresStore', open);
  feedbackContract('PostgresStore', open, async (store) => {
    const { rows } = await (store as PostgresStore).pool.query('SELECT count(*)::int AS n FROM chatkit_feedback');
    return rows[0].n;
  });

  describe('PostgresStore specifics', () => {
    it('migrations are idempotent, also when instances start together', async () => {
      const schema = `migrate_${process.pid}`;
      const opened = await Promise.all([1, 2, 3].map(() => PostgresStore.open(postgres.url, { schema })));
      stores.push(...opened);
      await opened[0]!.migrate(schema);
      const { rows } = await opened[0]!.pool.query('SELECT version FROM chatkit_schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
      const indexes = await opened[0]!.pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`, [schema]);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(
        expect.arrayContaining(['chatkit_items_by_thread', 'chatkit_threads_by_user', 'chatkit_feedback_pkey']),
      );
    });

    it('shares stream places between instances, and frees them on release or expiry', async () => {
      const schema = `leases_${process.pid}`;
      const a = await PostgresStore.open(postgres.url, { schema });
      const b = await PostgresStore.open(postgres.url, { schema });
      stores.push(a, b);
      const [limitsA, limitsB] = [a.rateLimitStore(), b.rateLimitStore()];
      // Many at once from both instances: exactly the limit get a place.
      const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? limitsA : limitsB).acquire!('streams:x', 3, 60_000)));
      expect(taken.filter(Boolean)).toHaveLength(3);
      await taken.find(Boolean)!.release();
      expect(await limitsB.acquire!('streams:x', 3, 60_000)).not.toBeNull();
      expect(await limitsA.acquire!('streams:x', 3, 60_000)).toBeNull();
      // Another key is counted apart, and a place whose holder died (already expired) is free again.
      expect(await limitsA.acquire!('streams:y', 1, -1)).not.toBeNull();
      expect(await limitsB.acquire!('streams:y', 1, 60_000)).not.toBeNull();
      // A renewed place is kept past the time it was first taken for.
      const lapsing = await limitsA.acquire!('streams:z', 1, -1);
      await lapsing!.renew!(60_000);
      expect(await limitsB.acquire!('streams:z', 1, 60_000)).toBeNull();
    });

    it('shares rate-limit counters between instances', async () => {
      const schema = `limits_${process.pid}`;
      const a = await PostgresStore.open(postgres.url, { schema });
      const b = await PostgresStore.open(postgres.url, { schema });
      stores.push(a, b);
      const counts = [];
      for (const store of [a, b, a, b]) counts.push((await store.rateLimitStore().hit('user:x', 60_000)).count);
      expect(counts).toEqual([1, 2, 3, 4]);
      const fresh = await a.rateLimitStore().hit('user:y', 1);
      await new Promise((r) => setTimeout(r, 20));
      expect((await b.rateLimitStore().hit('user:y', 1)).count).toBe(1); // the window expired
      expect(fresh.count).toBe(1);
    });
  });
}
