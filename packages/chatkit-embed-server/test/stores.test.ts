import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { MemoryStore, SqliteStore } from '../src/index.js';
import { adminContract, feedbackContract, storeContract, storeEdgeContract, storeTextContract } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'chatkit-stores-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('MemoryStore', async () => new MemoryStore());
storeContract('SqliteStore', () => SqliteStore.open(join(dir, `store-${++n}.sqlite`)));
storeEdgeContract('MemoryStore', async () => new MemoryStore());
storeEdgeContract('SqliteStore', () => SqliteStore.open(join(dir, `edge-${++n}.sqlite`)));
storeTextContract('MemoryStore', async () => new MemoryStore());
storeTextContract('SqliteStore', () => SqliteStore.open(join(dir, `text-${++n}.sqlite`)));
adminContract('MemoryStore', async () => new MemoryStore());
adminContract('SqliteStore', () => SqliteStore.open(join(dir, `admin-${++n}.sqlite`)));
feedbackContract('MemoryStore', async () => new MemoryStore());
const files = new WeakMap<object, string>();
feedbackContract(
  'SqliteStore',
  async () => {
    const file = join(dir, `feedback-${++n}.sqlite`);
    const store = await SqliteStore.open(file);
    files.set(store, file);
    return store;
  },
  // What is really left in the file, read by a connection of its own (node:sqlite
  // imported once the store has loaded it, so without its warning).
  async (store) => {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(files.get(store)!, { readOnly: true });
    try {
      return Number((db.prepare('SELECT count(*) AS n FROM chatkit_feedback').get() as { n: number }).n);
    } finally {
      db.close();
    }
  },
);
