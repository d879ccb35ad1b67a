import { describe, expect, it } from 'vitest';
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
