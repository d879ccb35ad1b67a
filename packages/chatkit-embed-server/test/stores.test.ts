import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { MemoryStore, SqliteStore } from '../src/index.js';
import { adminContract, storeContract, storeEdgeContract, storeTextContract } from './store-contract.js';

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
