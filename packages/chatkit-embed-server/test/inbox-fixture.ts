/**
 * A real standalone server with the admin API and inbox page on, over a store seeded
 * with threads: many ordinary ones (more than a page), one visitor with two threads, one
 * thread holding every kind of item, and one whose every text is hostile markup.
 */
import {
  MemoryRateLimitStore,
  createStandaloneServer,
  offlineResponder,
  type ChatKitStore,
  type ThreadItem,
  type ThreadMetadata,
} from '../src/index.js';
import type { AdminStore } from '../src/stores/store.js';
import { parseSse, userText } from './chatkit-client.js';
import { serve } from './openai-stand-in.js';

export const CREDENTIAL = 'inbox-admin-credential-0123456789abcdef';

/** Markup a visitor, a tool or a model may put in texts; the page must show it as text. */
export const HOSTILE = {
  title: `<img src=x onerror="document.title='pwned-title'"> <a href="javascript:alert(1)">win</a>`,
  message: `<script>document.title='pwned-script'</script><b>bold?</b>`,
  attachment: `<img src=x onerror=alert(3)>.pdf`,
  widget: `<svg onload="document.title='pwned-svg'"></svg>`,
  output: `<iframe srcdoc="<script>parent.document.title='pwned-output'</script>"></iframe>`,
  task: `<details open ontoggle="document.title='pwned-task'">task</details>`,
  answer: `<math><mi xlink:href="javascript:document.title='pwned-answer'">answer</mi></math>`,
  copy: `<style>*{display:none}</style><object data="javascript:document.title='pwned-copy'"></object>`,
  label: `<a href="javascript:document.title='pwned-label'" autofocus onfocus="document.title='pwned-focus'">label</a>`,
  url: 'javascript:document.title="pwned-link"',
};

export const BULK = 60;

type Store = ChatKitStore & AdminStore;

const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 0, day, 12, minute)).toISOString();

async function thread(store: Store, user: string, title: string, createdAt: string, items: Array<Record<string, unknown>>) {
  const context = { user };
  const meta: ThreadMetadata = {
    id: store.generateThreadId(context),
    title,
    created_at: createdAt,
    status: { type: 'active' },
    metadata: {},
  };
  await store.saveThread(meta, context);
  for (const item of items)
    await store.addThreadItem(meta.id, { ...item, thread_id: meta.id, created_at: createdAt } as ThreadItem, context);
  return meta.id;
}

const said = (id: string, text: string) => ({
  id,
  type: 'user_message',
  content: [{ type: 'input_text', text }],
  attachments: [],
  inference_options: {},
});
const answered = (id: string, text: string) => ({
  id,
  type: 'assistant_message',
  content: [{ type: 'output_text', text, annotations: [] }],
});

export interface Seeded {
  norway: { user: string; thread: string };
  rich: { user: string; thread: string };
  hostile: { user: string; thread: string };
  alice: { user: string; threads: string[] };
}

export async function seed(store: Store): Promise<Seeded> {
  // Oldest first: the listings are newest first by insertion.
  for (let i = 1; i <= BULK; i++)
    await thread(store, `visitor-bulk-${i % 7}`, `Order question ${i}`, at(1 + (i % 28), i), [
      said(`msg_bulk_${i}_a`, `Where is my order number ${1000 + i}?`),
      answered(`msg_bulk_${i}_b`, 'It ships tomorrow.'),
    ]);
  const alice = [
    await thread(store, 'visitor-alice', 'Returns policy', at(29), [said('msg_alice_1', 'How do I return shoes?')]),
    await thread(store, 'visitor-alice', 'Gift cards', at(30), [said('msg_alice_2', 'Do gift cards expire?')]),
  ];
  const rich = await thread(store, 'visitor-rich', 'Every kind of item', new Date().toISOString(), [
    {
      ...said('msg_rich_1', 'Here is my receipt'),
      attachments: [
        {
          id: 'atc_rich_1',
          type: 'image',
          name: 'receipt.png',
          mime_type: 'image/png',
          preview_url: 'https://files.example.com/receipt.png',
        },
        { id: 'atc_rich_2', type: 'file', name: 'invoice.pdf', mime_type: 'application/pdf' },
      ],
    },
    {
      id: 'msg_rich_2',
      type: 'assistant_message',
      content: [
        {
          type: 'output_text',
          text: 'Your refund is on its way.',
          annotations: [{ type: 'annotation', source: { type: 'url', title: 'Refund policy', url: 'https://shop.example.com/refunds' } }],
        },
      ],
    },
    {
      id: 'tc_rich',
      type: 'client_tool_call',
      status: 'completed',
      call_id: 'call_1',
      name: 'lookup_order',
      arguments: { order: 1042 },
      output: { shipped: true },
    },
    {
      id: 'wf_rich',
      type: 'workflow',
      workflow: {
        type: 'custom',
        summary: { title: 'Checked the order' },
        tasks: [
          { type: 'custom', title: 'Found the order', content: 'Order 1042, two items' },
          { type: 'web_search', title: 'Searched carriers', queries: ['parcel 1042 status'], sources: [] },
        ],
      },
    },
    { id: 'tsk_rich', type: 'task', task: { type: 'thought', title: 'Thinking', content: 'The parcel left the warehouse.' } },
    {
      id: 'msg_rich_widget',
      type: 'widget',
      widget: {
        type: 'Card',
        children: [
          { type: 'Text', value: 'Refund of 42 EUR' },
          { type: 'Button', label: 'Track parcel' },
        ],
      },
    },
    { id: 'end_rich', type: 'end_of_turn' },
  ]);
  const hostile = await thread(store, 'visitor-hostile', HOSTILE.title, new Date().toISOString(), [
    {
      ...said('msg_hostile_1', HOSTILE.message),
      quoted_text: HOSTILE.widget,
      attachments: [
        { id: 'atc_hostile', type: 'image', name: HOSTILE.attachment, mime_type: 'image/png', preview_url: HOSTILE.url },
        { id: 'atc_hostile_file', type: 'file', name: HOSTILE.label, mime_type: 'text/html' },
      ],
    },
    {
      id: 'msg_hostile_2',
      type: 'assistant_message',
      content: [
        {
          type: 'output_text',
          text: HOSTILE.message,
          annotations: [
            { type: 'annotation', source: { type: 'url', title: HOSTILE.title, url: HOSTILE.url } },
            { type: 'annotation', source: { type: 'file', title: HOSTILE.label, filename: HOSTILE.attachment } },
          ],
        },
      ],
    },
    {
      id: 'msg_hostile_widget',
      type: 'widget',
      widget: {
        type: 'Card',
        children: [
          { type: 'Text', value: HOSTILE.widget },
          { type: 'Button', label: HOSTILE.title },
        ],
      },
    },
    { id: 'msg_hostile_copy', type: 'widget', copy_text: HOSTILE.copy, widget: { type: 'Card', children: [] } },
    {
      id: 'tc_hostile',
      type: 'client_tool_call',
      status: 'pending',
      call_id: 'call_2',
      name: HOSTILE.widget,
      arguments: { html: HOSTILE.message },
    },
    {
      id: 'tc_hostile_done',
      type: 'client_tool_call',
      status: 'completed',
      call_id: 'call_3',
      name: 'lookup',
      arguments: {},
      output: HOSTILE.output,
    },
    { id: 'tsk_hostile', type: 'task', task: { type: 'thought', title: HOSTILE.task, content: HOSTILE.output } },
    {
      id: 'wf_hostile',
      type: 'workflow',
      workflow: {
        type: 'custom',
        summary: { title: HOSTILE.task },
        tasks: [
          { type: 'custom', title: HOSTILE.title, content: HOSTILE.message },
          { type: 'web_search', title: HOSTILE.answer, queries: [HOSTILE.answer], sources: [{ title: HOSTILE.label, url: HOSTILE.url }] },
          { type: 'file', title: HOSTILE.copy, sources: [{ filename: HOSTILE.attachment }] },
        ],
      },
    },
    {
      id: 'si_hostile',
      type: 'structured_input',
      status: 'answered',
      inputs: [
        { id: 'q1', type: 'freeform', question: HOSTILE.answer, answer: { values: [HOSTILE.label] } },
        {
          id: 'q2',
          type: 'multiple_choice',
          question: HOSTILE.task,
          options: [{ value: HOSTILE.copy }],
          answer: { values: [HOSTILE.copy] },
        },
      ],
    },
    { id: 'img_hostile', type: 'generated_image', image: { id: 'img_1', url: HOSTILE.url } },
  ]);
  const norway = await thread(store, 'visitor-norway', 'Shipping abroad', new Date().toISOString(), [
    said('msg_norway_1', 'Do you ship to Norway?'),
    answered('msg_norway_2', 'Yes, in five days.'),
  ]);
  return {
    norway: { user: 'visitor-norway', thread: norway },
    rich: { user: 'visitor-rich', thread: rich },
    hostile: { user: 'visitor-hostile', thread: hostile },
    alice: { user: 'visitor-alice', threads: alice },
  };
}

/** The standalone server on loopback, as `serve --admin` runs it, over `store`. */
export async function startInboxServer(store: Store) {
  const backend = await createStandaloneServer({
    chatkit: { store, respond: offlineResponder({ delayMs: 0 }) },
    admin: { credential: CREDENTIAL },
    rateLimit: { perUser: false, perIp: false, store: new MemoryRateLimitStore() },
  });
  const server = await serve(backend.handler);
  /**
   * A visitor's first message through the ChatKit protocol, as the widget sends it; and a
   * way to rate the answer as the widget's thumbs do (`items.feedback`).
   */
  const visitorSays = async (text: string) => {
    const minted = (await (await fetch(`${server.url}/api/chatkit/token`, { method: 'POST' })).json()) as { client_secret: string };
    const call = (type: string, params: unknown) =>
      fetch(`${server.url}/chatkit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${minted.client_secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type, params }),
      });
    const events = parseSse(await (await call('threads.create', { input: userText(text) })).text());
    const thread = events.flatMap((event) => (event.type === 'thread.created' ? [event.thread.id] : []))[0]!;
    const answer = events.flatMap((event) =>
      event.type === 'thread.item.done' && event.item.type === 'assistant_message' ? [event.item.id] : [],
    )[0]!;
    const rate = async (kind: 'positive' | 'negative') => {
      const response = await call('items.feedback', { thread_id: thread, item_ids: [answer], kind });
      if (!response.ok) throw new Error(`items.feedback answered ${response.status}: ${await response.text()}`);
    };
    return { thread, answer, rate };
  };
  const admin = async (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/admin/api${path}`, { ...init, headers: { authorization: `Bearer ${CREDENTIAL}`, ...init.headers } });
  return { url: server.url, close: server.close, visitorSays, admin };
}
