/**
 * File attachments for the ChatKit server, through both upload strategies ChatKit.js
 * offers (chatkit-python's "Accept rich user input" guide):
 *
 * - direct (`uploadStrategy: { type: 'direct', uploadUrl }`): the client POSTs
 *   `multipart/form-data` with a `file` field to `upload`, authenticated like any
 *   ChatKit request, and gets the attachment back;
 * - two-phase (`{ type: 'two_phase' }`): `attachments.create` answers with an upload
 *   descriptor, and the client POSTs the file there.
 *
 * Upload and download URLs are capabilities: an unguessable token per attachment, since
 * ChatKit's frame (another origin) loads previews without the page's credentials.
 */
import { sameSecret } from '../http/constant-time.js';
import { ServerError } from '../http/errors.js';
import { toAuthenticator, type AttachmentHandler, type ChatKitServerOptions } from './chatkit-server.js';
import type { ChatKitStore, StoreContext } from '../stores/store.js';
import { NotFoundError, generateId } from '../stores/store.js';
import type { Attachment } from './types.js';
import { createUsageLimiter, type UsageLimits } from './usage-limits.js';

export interface StoredFile {
  bytes: Uint8Array;
  mimeType: string;
}

/** Where file bytes and their records live. */
/** Where a two-phase upload keeps its pending record, beside the file's own key (its id). */
const recordKey = (id: string) => `${id}.record`;

/**
 * Deletes what the storage holds for one attachment: its bytes and any pending-upload
 * record. Deleting what is not there is not an error, so an erasure can be run again.
 */
export async function deleteAttachmentFiles(storage: FileStorage, attachmentId: string): Promise<void> {
  await storage.delete(attachmentId);
  await storage.delete(recordKey(attachmentId));
}

export interface FileStorage {
  put(key: string, value: StoredFile): Promise<void>;
  get(key: string): Promise<StoredFile | undefined>;
  delete(key: string): Promise<void>;
}

/**
 * Files in the process's memory, for demos and tests: they are gone on restart. Holds at
 * most `maxTotalBytes` (100 MiB by default); past that, uploads are refused with 507
 * `storage_full` rather than the process running out of memory.
 */
export class MemoryFileStorage implements FileStorage {
  readonly #files = new Map<string, StoredFile>();
  readonly #maxTotalBytes: number;
  #totalBytes = 0;

  constructor(options: { maxTotalBytes?: number } = {}) {
    this.#maxTotalBytes = options.maxTotalBytes ?? 100 * 1024 * 1024;
  }

  async put(key: string, value: StoredFile) {
    const replaced = this.#files.get(key)?.bytes.byteLength ?? 0;
    if (this.#totalBytes - replaced + value.bytes.byteLength > this.#maxTotalBytes) {
      throw new ServerError(507, 'storage_full', 'The server has no room for more files now.');
    }
    this.#files.set(key, value);
    this.#totalBytes += value.bytes.byteLength - replaced;
  }
  async get(key: string) {
    return this.#files.get(key);
  }
  async delete(key: string) {
    this.#totalBytes -= this.#files.get(key)?.bytes.byteLength ?? 0;
    this.#files.delete(key);
  }
}

export interface AttachmentsOptions<C extends StoreContext> {
  store: ChatKitStore;
  storage: FileStorage;
  /** Same as the ChatKit server's: who is uploading (direct uploads only). */
  authenticate: ChatKitServerOptions<C>['authenticate'];
  /**
   * Public URL (absolute, or a path on the request's origin) where `files` is mounted;
   * upload and preview URLs are built under it.
   */
  filesUrl: string;
  /** @default 10 MiB */
  maxBytes?: number;
  /**
   * MIME types accepted; `type/*` patterns allowed. Files other than raster images are
   * always served as downloads in a sandbox, never rendered on this origin.
   * @default PNG, JPEG, GIF, WebP, PDF, plain text, Markdown and CSV
   */
  allowedTypes?: string[];
  /**
   * How long a two-phase upload descriptor stays valid. Attachments never uploaded by
   * then are deleted (record and store entry) by `sweep()`, which runs every minute, and
   * on any later use of their URL.
   * @default 1 hour
   */
  pendingTtlMs?: number;
  /**
   * Per-user attachment limits for direct uploads (`attachments` and `store` of
   * `UsageLimits`; 100 a day by default). Give it the same `store` as the ChatKit
   * server's `limits` so that both upload strategies draw on one budget.
   */
  limits?: Pick<UsageLimits, 'attachments' | 'store'> | false;
}

interface FileRecord {
  user: string;
  token: string;
  name: string;
  mimeType: string;
  uploaded: boolean;
  /** Unix ms after which a pending upload is refused and swept. */
  expiresAt?: number;
}

const DEFAULT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/markdown', 'text/csv'];
/** Image types a browser renders without running anything: only these are shown inline. */
const RASTER_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/** A refused upload: a protocol error with its HTTP status (400, 405, 409, 413, 415). */
export class AttachmentError extends ServerError {
  constructor(status: number, message: string) {
    super(status, 'invalid_upload', message);
  }
}

export function createAttachments<C extends StoreContext>(options: AttachmentsOptions<C>) {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const pendingTtlMs = options.pendingTtlMs ?? 60 * 60 * 1000;
  const usage = createUsageLimiter(
    options.limits === false ? false : { turns: false, concurrentStreams: false, transcriptions: false, ...options.limits },
  );
  /** Uploads this process is waiting for, swept when they expire. */
  const pending = new Map<string, { user: string; expiresAt: number }>();
  const allowed = options.allowedTypes ?? DEFAULT_TYPES;
  const { store, storage } = options;
  const authenticate = toAuthenticator<C>(options.authenticate);
  const typeAllowed = (mime: string) =>
    allowed.some((pattern) => (pattern.endsWith('/*') ? mime.startsWith(pattern.slice(0, -1)) : mime === pattern));

  const check = (name: string, size: number, mimeType: string) => {
    if (!typeAllowed(mimeType)) throw new AttachmentError(415, `Files of type ${mimeType || 'unknown'} are not accepted.`);
    if (size > maxBytes) throw new AttachmentError(413, `${name} is larger than ${Math.round(maxBytes / 1024)} KiB.`);
  };

  const urls = (request: Request | undefined, id: string, token: string) => {
    const base = new URL(options.filesUrl, request?.url ?? 'http://localhost/').href.replace(/\/$/, '');
    return `${base}/${id}/${token}`;
  };

  async function describe(id: string, record: FileRecord, request?: Request): Promise<Attachment> {
    const url = urls(request, id, record.token);
    const base = { id, name: record.name, mime_type: record.mimeType };
    const upload = record.uploaded ? {} : { upload_descriptor: { url, method: 'POST' as const } };
    return RASTER_IMAGES.has(record.mimeType)
      ? { type: 'image', ...base, ...upload, preview_url: url }
      : { type: 'file', ...base, ...upload };
  }

  async function create(params: { name: string; size: number; mime_type: string }, context: C, request?: Request, uploaded = false) {
    check(params.name, params.size, params.mime_type);
    const id = generateId('attachment');
    const record: FileRecord = {
      user: context.user,
      token: crypto.randomUUID().replaceAll('-', ''),
      name: params.name,
      mimeType: params.mime_type,
      uploaded,
      ...(!uploaded && { expiresAt: Date.now() + pendingTtlMs }),
    };
    await storage.put(recordKey(id), { bytes: new TextEncoder().encode(JSON.stringify(record)), mimeType: 'application/json' });
    if (!uploaded) pending.set(id, { user: context.user, expiresAt: record.expiresAt! });
    return { id, record, attachment: await describe(id, record, request) };
  }

  async function readRecord(id: string): Promise<FileRecord | undefined> {
    const stored = await storage.get(recordKey(id));
    return stored ? (JSON.parse(new TextDecoder().decode(stored.bytes)) as FileRecord) : undefined;
  }

  async function readFile(request: Request): Promise<{ name: string; type: string; bytes: Uint8Array }> {
    // The limit holds while reading: a body without a Content-Length cannot fill memory.
    const limit = maxBytes + 64 * 1024; // room for the multipart envelope
    const tooLarge = () => new AttachmentError(413, `The upload is larger than ${Math.round(maxBytes / 1024)} KiB.`);
    if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = request.body?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        await reader!.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(next.value);
    }
    let form: FormData;
    try {
      const body = new Blob(chunks as Uint8Array<ArrayBuffer>[]);
      form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    } catch {
      throw new AttachmentError(400, 'Send the file as multipart/form-data with a "file" field.');
    }
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new AttachmentError(400, 'The form has no "file" field.');
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { name: file.name, type: file.type || 'application/octet-stream', bytes };
  }

  const respond = async (work: () => Promise<Response>): Promise<Response> => {
    try {
      return await work();
    } catch (error) {
      const status = error instanceof ServerError ? error.status : error instanceof NotFoundError ? 404 : 500;
      const message = status === 500 ? 'The upload failed.' : (error as Error).message;
      const code = error instanceof ServerError ? error.code : status === 404 ? 'not_found' : 'upload_failed';
      return Response.json({ error: { code, message } }, { status, ...(error instanceof ServerError && { headers: error.headers }) });
    }
  };

  /** For `createChatKitServer({ attachments })`: two-phase creation, and deletion for both strategies. */
  const handler: AttachmentHandler<C> = {
    async create(params, context, request) {
      return (await create(params, context, request)).attachment;
    },
    async delete(attachmentId) {
      pending.delete(attachmentId);
      await deleteAttachmentFiles(storage, attachmentId);
    },
  };

  /** The direct-upload endpoint (`uploadStrategy.uploadUrl`). */
  const upload = (request: Request) =>
    respond(async () => {
      if (request.method !== 'POST') throw new AttachmentError(405, 'Use POST.');
      const context = await authenticate(request);
      const file = await readFile(request);
      check(file.name, file.bytes.byteLength, file.type);
      await usage.createAttachment(context.user);
      const { id, attachment } = await create(
        { name: file.name, size: file.bytes.byteLength, mime_type: file.type },
        context,
        request,
        true,
      );
      await storage.put(id, { bytes: file.bytes, mimeType: file.type });
      await store.saveAttachment(attachment, context);
      return Response.json(attachment);
    });

  /** Mounted at `filesUrl`: POST `/{id}/{token}` receives a two-phase upload, GET serves the file. */
  const files = (request: Request) =>
    respond(async () => {
      const [id, token] = new URL(request.url).pathname.split('/').slice(-2);
      const record = id ? await readRecord(id) : undefined;
      if (!record || !(await sameSecret(token, record.token))) throw new NotFoundError('No such file.');
      if (request.method === 'GET') {
        const stored = await storage.get(id!);
        if (!stored) throw new NotFoundError('The file has not been uploaded.');
        const inline = RASTER_IMAGES.has(stored.mimeType);
        return new Response(stored.bytes as Uint8Array<ArrayBuffer>, {
          headers: {
            'content-type': stored.mimeType,
            'cache-control': 'private, max-age=3600',
            'x-content-type-options': 'nosniff',
            // Uploaded files never run as pages of this origin (an SVG or HTML file could).
            'content-security-policy': "default-src 'none'; sandbox",
            ...(!inline && { 'content-disposition': `attachment; filename="${record.name.replace(/[^\w. -]/g, '_')}"` }),
          },
        });
      }
      if (request.method !== 'POST') throw new AttachmentError(405, 'Use POST to upload, GET to download.');
      if (record.uploaded) throw new AttachmentError(409, 'This attachment is already uploaded.');
      if (record.expiresAt !== undefined && record.expiresAt <= Date.now()) {
        await discard(id!, record.user);
        throw new AttachmentError(410, 'This upload link has expired; attach the file again.');
      }
      const file = await readFile(request);
      check(record.name, file.bytes.byteLength, record.mimeType);
      await storage.put(id!, { bytes: file.bytes, mimeType: record.mimeType });
      const done = { ...record, uploaded: true };
      await storage.put(recordKey(id!), { bytes: new TextEncoder().encode(JSON.stringify(done)), mimeType: 'application/json' });
      const attachment = await describe(id!, done, request);
      await store.saveAttachment(attachment, { user: record.user });
      pending.delete(id!);
      return Response.json(attachment);
    });

  /** Deletes a pending attachment everywhere: its record, any bytes, its store entry. */
  async function discard(id: string, user: string): Promise<void> {
    pending.delete(id);
    await deleteAttachmentFiles(storage, id);
    await store.deleteAttachment(id, { user }).catch((error) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
  }

  /** Deletes the attachments this process created whose upload never came in time. */
  async function sweep(now = Date.now()): Promise<number> {
    const expired = [...pending].filter(([, entry]) => entry.expiresAt <= now);
    for (const [id, { user }] of expired) await discard(id, user).catch(() => undefined);
    return expired.length;
  }
  // Unref'd: the sweep never keeps a process alive.
  const sweeper = setInterval(() => void sweep(), 60_000);
  (sweeper as { unref?: () => void }).unref?.();

  return {
    handler,
    upload,
    files,
    sweep,
    /** Stops the periodic sweep. */
    close: () => clearInterval(sweeper),
  };
}
