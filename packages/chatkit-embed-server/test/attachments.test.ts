import { afterEach, describe, expect, it } from 'vitest';
import { userText } from './chatkit-client.js';
import { fileForm, startAttachmentServer } from './attachment-server.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(maxBytes = 1024) {
  const chat = await startAttachmentServer({ maxBytes, allowedTypes: ['image/*', 'text/plain'] });
  servers.push(chat);
  return chat;
}

const form = fileForm;

describe('two-phase uploads', () => {
  it('create → upload to the descriptor → preview → attach to a message → delete', async () => {
    const chat = await start();
    const created = await chat.call('attachments.create', { name: 'cat.png', size: 5, mime_type: 'image/png' });
    expect(created.status).toBe(200);
    const attachment = created.body;
    expect(attachment).toMatchObject({ type: 'image', name: 'cat.png', mime_type: 'image/png', upload_descriptor: { method: 'POST' } });
    expect(attachment.upload_descriptor.url).toMatch(new RegExp(`^${chat.base}/files/atc_\\w+/\\w{32}$`));
    expect(attachment.preview_url).toBe(attachment.upload_descriptor.url);

    const uploaded = await fetch(attachment.upload_descriptor.url, { method: 'POST', body: form('cat.png', 'image/png', 'PNG!!') });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).not.toHaveProperty('upload_descriptor');
    expect((await fetch(attachment.upload_descriptor.url, { method: 'POST', body: form('cat.png', 'image/png', 'again') })).status).toBe(
      409,
    );

    const preview = await fetch(attachment.preview_url);
    expect(preview.headers.get('content-type')).toBe('image/png');
    expect(await preview.text()).toBe('PNG!!');

    const { events } = await chat.stream('threads.create', { input: { ...userText('look'), attachments: [attachment.id] } });
    expect(events[1]).toMatchObject({ item: { attachments: [{ id: attachment.id, type: 'image' }] } });
    expect(JSON.stringify(events[1])).not.toContain('upload_descriptor');

    expect((await chat.call('attachments.delete', { attachment_id: attachment.id })).status).toBe(200);
    expect((await fetch(attachment.preview_url)).status).toBe(404);
  });

  it('deleting a thread deletes the files its messages carried, but not one sent again in a thread that stays', async () => {
    const chat = await start();
    const upload = async (name: string) => {
      const { body } = await chat.call('attachments.create', { name, size: 3, mime_type: 'image/png' });
      await fetch(body.upload_descriptor.url, { method: 'POST', body: form(name, 'image/png', 'abc') });
      return body as { id: string; preview_url: string };
    };
    const [only, shared] = [await upload('only.png'), await upload('shared.png')];
    const send = async (attachments: string[]) => {
      const { events } = await chat.stream('threads.create', { input: { ...userText('see attached'), attachments } });
      return (events[0] as { thread: { id: string } }).thread.id;
    };
    const first = await send([only.id, shared.id]);
    const second = await send([shared.id]);

    expect((await chat.call('threads.delete', { thread_id: first })).status).toBe(200);
    expect((await fetch(only.preview_url)).status).toBe(404);
    await expect(chat.store.loadAttachment(only.id, { user: 'alice' })).rejects.toThrow();
    // Sent again in the second thread, it belongs to that one now.
    expect(await (await fetch(shared.preview_url)).text()).toBe('abc');
    expect((await chat.store.loadAttachment(shared.id, { user: 'alice' })).thread_id).toBe(second);

    expect((await chat.call('threads.delete', { thread_id: second })).status).toBe(200);
    expect((await fetch(shared.preview_url)).status).toBe(404);
  });

  it('a wrong token finds nothing', async () => {
    const chat = await start();
    const { body } = await chat.call('attachments.create', { name: 'a.txt', size: 3, mime_type: 'text/plain' });
    const forged = body.upload_descriptor.url.replace(/\w{32}$/, '0'.repeat(32));
    expect((await fetch(forged, { method: 'POST', body: form('a.txt', 'text/plain', 'abc') })).status).toBe(404);
  });

  it('enforces size and type limits, at creation and on the bytes', async () => {
    const chat = await start(10);
    const big = await chat.call('attachments.create', { name: 'big.txt', size: 11, mime_type: 'text/plain' });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('big.txt');
    const exe = await chat.call('attachments.create', { name: 'x.exe', size: 1, mime_type: 'application/x-msdownload' });
    expect(exe.status).toBe(415);
    const { body } = await chat.call('attachments.create', { name: 'small.txt', size: 2, mime_type: 'text/plain' });
    const lied = await fetch(body.upload_descriptor.url, { method: 'POST', body: form('small.txt', 'text/plain', 'x'.repeat(50)) });
    expect(lied.status).toBe(413);
  });

  it('another user cannot delete the attachment', async () => {
    const chat = await start();
    const { body } = await chat.call('attachments.create', { name: 'a.txt', size: 3, mime_type: 'text/plain' });
    expect((await chat.call('attachments.delete', { attachment_id: body.id }, 'mallory')).status).toBe(404);
  });
});

describe('direct uploads', () => {
  it("POST multipart with the user's credentials returns the saved attachment", async () => {
    const chat = await start();
    const response = await fetch(`${chat.base}/upload`, {
      method: 'POST',
      headers: { 'x-user': 'alice' },
      body: form('notes.txt', 'text/plain', 'hello'),
    });
    expect(response.status).toBe(200);
    const attachment = await response.json();
    expect(attachment).toMatchObject({ type: 'file', name: 'notes.txt', mime_type: 'text/plain' });
    expect(attachment).not.toHaveProperty('upload_descriptor');
    const { events } = await chat.stream('threads.create', { input: { ...userText('read this'), attachments: [attachment.id] } });
    expect(events[1]).toMatchObject({ item: { attachments: [{ id: attachment.id }] } });
  });

  it('refuses anonymous uploads and bodies without a file', async () => {
    const chat = await start();
    expect((await fetch(`${chat.base}/upload`, { method: 'POST', body: form('a.txt', 'text/plain', 'a') })).status).toBe(401);
    const empty = await fetch(`${chat.base}/upload`, { method: 'POST', headers: { 'x-user': 'alice' }, body: new FormData() });
    expect(empty.status).toBe(400);
  });
});
