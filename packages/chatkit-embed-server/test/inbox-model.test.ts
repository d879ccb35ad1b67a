import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveBlob } from '../src/admin/inbox/download.js';
import { filterParams, NO_FILTERS } from '../src/admin/inbox/filters.js';
import { safeHref, transcriptEntries, widgetTexts } from '../src/admin/inbox/transcript-model.js';
import type { ThreadItem } from '../src/protocol/types.js';

// The inbox page's DOM-free logic: which URLs become links, how items read, and the
// query its filters send.
describe('safeHref', () => {
  it.each([
    ['https://example.com/a.png', 'https://example.com/a.png'],
    ['http://example.com/', 'http://example.com/'],
    ['/chatkit-files/atc_1/token', 'http://localhost/chatkit-files/atc_1/token'],
    ['javascript:alert(1)', undefined],
    [' JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['', undefined],
    [42, undefined],
  ])('%s → %s', (url, expected) => {
    expect(safeHref(url, 'http://localhost/admin/')).toBe(expected);
  });
});

const base = { thread_id: 'thr_1', created_at: '2026-01-01T00:00:00.000Z' };

describe('transcriptEntries', () => {
  it('reads messages, marks feedback and skips what the visitor never saw', () => {
    const items = [
      {
        ...base,
        id: 'm1',
        type: 'user_message',
        content: [
          { type: 'input_text', text: 'Hi ' },
          { type: 'input_tag', id: 't', text: '@order', data: {} },
        ],
        attachments: [],
        inference_options: {},
      },
      { ...base, id: 'm2', type: 'assistant_message', content: [{ type: 'output_text', text: 'Hello', annotations: [] }] },
      { ...base, id: 'h', type: 'hidden_context_item', content: 'secret plan' },
      { ...base, id: 'e', type: 'end_of_turn' },
    ] as ThreadItem[];
    const entries = transcriptEntries(items, { m2: 'negative' });
    expect(entries.map((entry) => [entry.kind, entry.feedback])).toEqual([
      ['user', undefined],
      ['assistant', 'negative'],
    ]);
    expect(entries[0]).toMatchObject({ text: 'Hi @order' });
  });

  it('links image previews and url sources only when http(s); file attachments are names', () => {
    const items = [
      {
        ...base,
        id: 'm1',
        type: 'user_message',
        content: [],
        inference_options: {},
        attachments: [
          { id: 'a', type: 'image', name: 'ok.png', mime_type: 'image/png', preview_url: 'https://x.example/ok.png' },
          { id: 'b', type: 'image', name: 'bad.png', mime_type: 'image/png', preview_url: 'javascript:alert(1)' },
          { id: 'c', type: 'file', name: 'doc.pdf', mime_type: 'application/pdf' },
        ],
      },
    ] as ThreadItem[];
    const [entry] = transcriptEntries(items);
    expect(entry).toMatchObject({
      attachments: [{ label: 'ok.png', href: 'https://x.example/ok.png' }, { label: 'bad.png', href: undefined }, { label: 'doc.pdf' }],
    });
  });

  it('names an item type it does not know instead of hiding it', () => {
    const [entry] = transcriptEntries([{ ...base, id: 'x', type: 'something_new' } as unknown as ThreadItem]);
    expect(entry).toMatchObject({ kind: 'other', type: 'something_new' });
  });

  it('never throws: malformed items from an old store or a custom responder become readable entries', () => {
    const litLike = { _$litType$: 1, strings: ['<img src=x onerror=alert(1)>'], values: [] };
    const throwing = { ...base, id: 'boom', type: 'assistant_message' };
    Object.defineProperty(throwing, 'content', {
      enumerable: true,
      get() {
        throw new Error('unreadable');
      },
    });
    const items = [
      null,
      'just a string',
      {
        ...base,
        id: 'no-source',
        type: 'assistant_message',
        content: [{ type: 'output_text', text: 'A', annotations: [{ type: 'annotation' }, null] }],
      },
      { ...base, id: 'odd-content', type: 'assistant_message', content: 'not parts' },
      { ...base, id: 'lit-text', type: 'user_message', content: [{ type: 'input_text', text: litLike }], attachments: null },
      { ...base, id: 'no-widget', type: 'widget' },
      { ...base, id: 'no-workflow', type: 'workflow' },
      { ...base, id: 'odd-workflow', type: 'workflow', workflow: { summary: 'x', tasks: [null, { type: 'mystery', title: 7 }, 'task'] } },
      { ...base, id: 'no-task', type: 'task' },
      { ...base, id: 'odd-tool', type: 'client_tool_call', name: { html: '<b>' }, arguments: undefined, output: litLike },
      { ...base, id: 'odd-input', type: 'structured_input', inputs: [{ question: 3, answer: { values: [litLike, 2] } }, 'q'] },
      { ...base, id: 'odd-image', type: 'generated_image', image: 'javascript:alert(1)' },
      { id: { nested: true }, type: 42, created_at: 5 },
      throwing,
    ] as unknown as ThreadItem[];
    let entries: ReturnType<typeof transcriptEntries> = [];
    expect(() => (entries = transcriptEntries(items, { 'no-source': 'positive', boom: 'bogus' } as never))).not.toThrow();
    // Every text the page renders is a string: no object reaches Lit.
    const values: unknown[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
      else values.push(value);
    };
    walk(entries);
    expect(values.every((value) => typeof value === 'string' || value === undefined || value === true)).toBe(true);
    const byId = Object.fromEntries(entries.map((entry) => [entry.id, entry]));
    expect(byId['no-source']).toMatchObject({ kind: 'assistant', text: 'A', sources: [], feedback: 'positive' });
    expect(byId['odd-content']).toMatchObject({ kind: 'assistant', text: '', sources: [] });
    expect(byId['lit-text']).toMatchObject({ kind: 'user', attachments: [] });
    expect((byId['lit-text'] as { text: string }).text).toContain('onerror=alert(1)');
    expect(byId['no-widget']).toMatchObject({ kind: 'widget', label: 'Unknown widget', lines: [] });
    expect(byId['no-workflow']).toMatchObject({ kind: 'workflow', title: 'Workflow', tasks: [] });
    expect(byId['odd-workflow']).toMatchObject({
      kind: 'workflow',
      tasks: [
        { title: 'Task', lines: [] },
        { title: '7', lines: [] },
        { title: 'Task', lines: [] },
      ],
    });
    expect(byId['no-task']).toMatchObject({ kind: 'task', title: 'Task', lines: [] });
    expect(byId['odd-tool']).toMatchObject({ kind: 'tool', status: 'unknown', args: '{}' });
    expect(byId['odd-input']).toMatchObject({ kind: 'input', questions: [{ question: '3' }, { question: '', answer: '(no answer)' }] });
    expect(byId['odd-image']).toMatchObject({ kind: 'image', link: { href: undefined } });
    expect(byId['boom']).toMatchObject({ kind: 'other', type: 'assistant_message', unreadable: true });
    expect(byId['boom']!.feedback).toBeUndefined();
    // Not an object at all: still an entry, under a made-up id.
    expect(entries.filter((entry) => entry.kind === 'other').map((entry) => (entry as { type: string }).type)).toEqual([
      'unknown',
      'unknown',
      '42',
      'assistant_message',
    ]);
    expect(transcriptEntries('not a list' as never, null as never)).toEqual([]);
  });

  it('collects a widget’s texts in tree order', () => {
    expect(
      widgetTexts({
        type: 'Card',
        children: [
          { type: 'Title', value: 'Order' },
          { type: 'Row', children: [{ type: 'Button', label: 'Track', onClickAction: { type: 'x' } }] },
        ],
      }),
    ).toEqual(['Order', 'Track']);
  });
});

describe('filterParams', () => {
  it('sends nothing for no filters', () => {
    expect(filterParams(NO_FILTERS).toString()).toBe('');
  });

  it('trims the search, makes whole local days of the dates and passes the feedback kind', () => {
    const params = filterParams({ search: '  norway ', from: '2026-01-20', to: '2026-01-21', feedback: 'negative' });
    expect(params.get('search')).toBe('norway');
    expect(params.get('from')).toBe(new Date(2026, 0, 20).toISOString());
    expect(params.get('to')).toBe(new Date(2026, 0, 22).toISOString());
    expect(params.get('feedback')).toBe('negative');
  });

  it('ignores a date that is not a day', () => {
    expect(filterParams({ ...NO_FILTERS, from: '20/01/2026' }).has('from')).toBe(false);
  });
});

describe('saveBlob', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('clicks a download link, and revokes its object URL only in a later task', async () => {
    vi.useFakeTimers();
    const link = { href: '', download: '', hidden: false, click: vi.fn(), remove: vi.fn() };
    vi.stubGlobal('document', { createElement: () => link, body: { append: vi.fn() } });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    saveBlob(new Blob(['{}']), 'threads.jsonl');
    expect(link).toMatchObject({ href: 'blob:http://localhost/1', download: 'threads.jsonl', hidden: true });
    expect(link.click).toHaveBeenCalledOnce();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/1');
  });
});
