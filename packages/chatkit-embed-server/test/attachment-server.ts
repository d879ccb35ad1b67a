/** A ChatKit server with attachments on loopback, for the attachment tests. */
import { MemoryStore, createChatKitServer, offlineResponder } from '../src/index.js';
import { MemoryFileStorage, createAttachments } from '../src/protocol/attachments.js';
import { client, headerAuthenticate, type Client } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';

export interface AttachmentServer extends Client {
  base: string;
  store: MemoryStore;
  /** Deletes expired pending uploads now. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

/** `/chatkit` (protocol), `/upload` (direct uploads) and `/files/…` (two-phase uploads, downloads). */
export async function startAttachmentServer(
  options: {
    maxBytes?: number;
    allowedTypes?: string[];
    pendingTtlMs?: number;
    storage?: MemoryFileStorage;
    limits?: Parameters<typeof createAttachments>[0]['limits'];
  } = {},
): Promise<AttachmentServer> {
  const store = new MemoryStore();
  const files = createAttachments({
    store,
    storage: new MemoryFileStorage(),
    authenticate: headerAuthenticate,
    filesUrl: '/files',
    ...options,
  });
  const chatkit = createChatKitServer({
    store,
    authenticate: headerAuthenticate,
    respond: offlineResponder({ delayMs: 0 }),
    attachments: files.handler,
  });
  const server = await serve(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/chatkit') return chatkit(request);
    if (path === '/upload') return files.upload(request);
    if (path.startsWith('/files/')) return files.files(request);
    return new Response('no', { status: 404 });
  });
  return {
    ...client(`${server.url}/chatkit`),
    base: server.url,
    store,
    sweep: () => files.sweep(),
    close: async () => {
      files.close();
      await server.close();
    },
  };
}

/** A multipart body with one `file` field. */
export function fileForm(name: string, type: string, body: string): FormData {
  const data = new FormData();
  data.set('file', new File([body], name, { type }));
  return data;
}
