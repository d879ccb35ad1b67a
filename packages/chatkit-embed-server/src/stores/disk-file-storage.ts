/**
 * Attachment files on disk, in one folder: what `serve` keeps next to its SQLite file.
 * Each file is written under a temporary name and renamed into place, so a crash never
 * leaves half a file under a real name. Holds at most `maxTotalBytes` (1 GiB by
 * default); past that, uploads are refused with 507 `storage_full`.
 */
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerError } from '../http/errors.js';
import type { FileStorage, StoredFile } from '../protocol/attachments.js';

/** Keys are attachment ids and record names: a plain file name, never a path. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$/;

export class DiskFileStorage implements FileStorage {
  readonly #dir: string;
  readonly #maxTotalBytes: number;
  #totalBytes: number;

  private constructor(dir: string, maxTotalBytes: number, totalBytes: number) {
    this.#dir = dir;
    this.#maxTotalBytes = maxTotalBytes;
    this.#totalBytes = totalBytes;
  }

  /** Opens (and creates) the folder, counting what it already holds. */
  static async open(dir: string, options: { maxTotalBytes?: number } = {}): Promise<DiskFileStorage> {
    await mkdir(dir, { recursive: true });
    let total = 0;
    for (const name of await readdir(dir)) {
      if (name.endsWith('.data')) total += (await stat(join(dir, name))).size;
    }
    return new DiskFileStorage(dir, options.maxTotalBytes ?? 1024 ** 3, total);
  }

  #paths(key: string) {
    if (!KEY.test(key) || key.includes('..')) throw new ServerError(400, 'invalid_request', 'Invalid file key.');
    const base = join(this.#dir, key);
    return { data: `${base}.data`, type: `${base}.type` };
  }

  async put(key: string, value: StoredFile): Promise<void> {
    const paths = this.#paths(key);
    const replaced = await stat(paths.data).then(
      (s) => s.size,
      () => 0,
    );
    if (this.#totalBytes - replaced + value.bytes.byteLength > this.#maxTotalBytes) {
      throw new ServerError(507, 'storage_full', 'The server has no room for more files now.');
    }
    const temporary = `${paths.data}.${crypto.randomUUID()}.tmp`;
    await writeFile(temporary, value.bytes);
    await writeFile(paths.type, value.mimeType);
    await rename(temporary, paths.data);
    this.#totalBytes += value.bytes.byteLength - replaced;
  }

  async get(key: string): Promise<StoredFile | undefined> {
    const paths = this.#paths(key);
    try {
      const [bytes, mimeType] = await Promise.all([readFile(paths.data), readFile(paths.type, 'utf8')]);
      return { bytes: new Uint8Array(bytes), mimeType };
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const paths = this.#paths(key);
    const size = await stat(paths.data).then(
      (s) => s.size,
      () => 0,
    );
    // Gone already is done; anything else (permissions, a read-only disk) is a failure the
    // caller must see, so that it keeps the records that name the file and tries again.
    const gone = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    };
    await unlink(paths.data).catch(gone);
    this.#totalBytes -= size;
    await unlink(paths.type).catch(gone);
  }
}
