// The site owner's listing and search across every visitor (AdminStore) on 10,000
// threads of 2 items each, in each store: the first page, a page deep in, and a search
// that finds a few threads and one that finds none. Median of several calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, PostgresStore, SqliteStore } from 'chatkit-embed-server';
import { postgresInstalled, startPostgres } from '../scripts/throwaway-postgres.mjs';

export const THREADS = 10_000;
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 10,000 threads across 500 visitors; one in 1,000 asks about Norway. */
export async function seed(store) {
  for (let i = 0; i < THREADS; i++) {
    const context = { user: `visitor_${i % 500}` };
    const id = `thr_bench_${i}`;
    const created = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    await store.saveThread({ id, created_at: created, status: { type: 'active' }, metadata: {}, title: `Question ${i}` }, context);
    const text = i % 1000 === 0 ? 'Do you ship to Norway?' : `An ordinary question number ${i}`;
    await store.addThreadItem(
      id,
      {
        type: 'user_message',
        id: `msg_u_${i}`,
        thread_id: id,
        created_at: created,
        content: [{ type: 'input_text', text }],
        attachments: [],
        inference_options: {},
      },
      context,
    );
    await store.addThreadItem(
      id,
      {
        type: 'assistant_message',
        id: `msg_a_${i}`,
        thread_id: id,
        created_at: created,
        content: [{ type: 'output_text', text: `An answer to ${i}`, annotations: [] }],
      },
      context,
    );
  }
}

async function time(work) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function adminBench() {
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-admin-bench-'));
  const postgres = postgresInstalled() ? await startPostgres() : undefined;
  const stores = [
    ['memory', async () => new MemoryStore()],
    ['SQLite', () => SqliteStore.open(join(dir, 'admin.sqlite'))],
    ...(postgres ? [['PostgreSQL', () => PostgresStore.open(postgres.url, { schema: `admin_bench_${process.pid}` })]] : []),
  ];
  const rows = [];
  try {
    for (const [name, open] of stores) {
      const store = await open();
      await seed(store);
      // A cursor 5,000 threads in, found once, so the deep page is timed alone.
      let after = null;
      for (let page = 0; page < 100; page++) after = (await store.listAllThreads({ limit: 50, after })).after;
      rows.push({
        store: name,
        first: await time(() => store.listAllThreads({ limit: 50 })),
        deep: await time(() => store.listAllThreads({ limit: 50, after })),
        hit: await time(() => store.listAllThreads({ limit: 50, search: 'norway' })),
        miss: await time(() => store.listAllThreads({ limit: 50, search: 'no such words anywhere' })),
      });
      await store.close?.();
    }
  } finally {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
