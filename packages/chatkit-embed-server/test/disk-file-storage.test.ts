import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskFileStorage } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'chatkit-disk-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (text: string, mimeType = 'text/plain') => ({ bytes: new TextEncoder().encode(text), mimeType });

describe('DiskFileStorage', () => {
  it('keeps files across instances, and deletes them', async () => {
    const folder = join(dir, 'keep');
    await (await DiskFileStorage.open(folder)).put('atc_1', file('hello', 'image/png'));
    const reopened = await DiskFileStorage.open(folder);
    const stored = await reopened.get('atc_1');
    expect(new TextDecoder().decode(stored!.bytes)).toBe('hello');
    expect(stored!.mimeType).toBe('image/png');
    await reopened.delete('atc_1');
    expect(await reopened.get('atc_1')).toBeUndefined();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('deletes what is gone without complaint, and reports a delete the disk refuses', async () => {
    const storage = await DiskFileStorage.open(join(dir, 'refused'));
    await storage.delete('atc_never');
    // Something that cannot be unlinked where the file would be: a retention sweep or an
    // erasure must see the failure and keep the records that name the file.
    mkdirSync(join(dir, 'refused', 'atc_stuck.data'));
    writeFileSync(join(dir, 'refused', 'atc_stuck.data', 'inside'), 'x');
    await expect(storage.delete('atc_stuck')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
  });

  it('refuses keys that are paths', async () => {
    const storage = await DiskFileStorage.open(join(dir, 'keys'));
    for (const key of ['../escape', 'a/b', '/etc/passwd', '..', '']) {
      await expect(storage.put(key, file('x'))).rejects.toMatchObject({ status: 400 });
    }
    expect(readdirSync(dir).sort()).toEqual(expect.not.arrayContaining(['escape.data']));
  });

  it('holds at most maxTotalBytes, counting what the folder held when it was opened', async () => {
    const folder = join(dir, 'full');
    await (await DiskFileStorage.open(folder, { maxTotalBytes: 10 })).put('atc_a', file('123456'));
    const reopened = await DiskFileStorage.open(folder, { maxTotalBytes: 10 });
    await expect(reopened.put('atc_b', file('123456'))).rejects.toMatchObject({ status: 507, code: 'storage_full' });
    await reopened.delete('atc_a');
    await reopened.put('atc_b', file('123456'));
  });
});
