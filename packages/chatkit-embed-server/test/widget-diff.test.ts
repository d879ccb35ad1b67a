import { describe, expect, it } from 'vitest';
import { diffWidget } from '../src/protocol/widget-diff.js';
import { streamWidget } from '../src/protocol/events.js';

const card = (text: string, streaming = true, extra: Record<string, unknown> = {}) => ({
  type: 'Card',
  children: [
    { type: 'Markdown', id: 'body', value: text, streaming },
    { type: 'Button', label: 'Go', ...extra },
  ],
});

describe('diffWidget', () => {
  it('streams appended text of an identified Markdown/Text node as a delta', () => {
    expect(diffWidget(card('Hel'), card('Hello'))).toEqual([
      { type: 'widget.streaming_text.value_delta', component_id: 'body', delta: 'lo', done: false },
    ]);
    // Not streaming (any more) in both states: the delta is final.
    expect(diffWidget(card('Hello', false), card('Hello!', false))).toEqual([
      { type: 'widget.streaming_text.value_delta', component_id: 'body', delta: '!', done: true },
    ]);
    // Flipping `streaming` itself is a change of another field: a new root, as in Python.
    expect(diffWidget(card('Hello'), card('Hello!', false))).toEqual([{ type: 'widget.root.updated', widget: card('Hello!', false) }]);
  });

  it('replaces the root for any other change', () => {
    const after = card('Hel', true, { label: 'Stop' });
    expect(diffWidget(card('Hel'), after)).toEqual([{ type: 'widget.root.updated', widget: after }]);
    const shorter = card('He');
    expect(diffWidget(card('Hel'), shorter)).toEqual([{ type: 'widget.root.updated', widget: shorter }]);
  });

  it('gives nothing when nothing changed', () => {
    expect(diffWidget(card('same'), card('same'))).toEqual([]);
  });
});

describe('streamWidget', () => {
  it('streams successive states as added, deltas and done', async () => {
    async function* states() {
      yield card('A');
      yield card('AB');
      yield card('ABC', false);
    }
    const events = [];
    for await (const event of streamWidget({ id: 'thr_1', created_at: '', status: { type: 'active' } }, states())) events.push(event);
    expect(events.map((e) => (e.type === 'thread.item.updated' ? e.update : e.type))).toEqual([
      'thread.item.added',
      { type: 'widget.streaming_text.value_delta', component_id: 'body', delta: 'B', done: false },
      { type: 'widget.root.updated', widget: card('ABC', false) },
      'thread.item.done',
    ]);
    expect(events.at(-1)).toMatchObject({ item: { type: 'widget', thread_id: 'thr_1', widget: card('ABC', false) } });
  });
});
