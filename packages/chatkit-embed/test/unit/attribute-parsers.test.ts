import { describe, expect, it } from 'vitest';
import { parseAttributes, parseStarterPrompts } from '../../src/element/attribute-parsers.js';

describe('parseAttributes', () => {
  it('passes valid values through, normalising case and spaces of keywords', () => {
    const { value, issues } = parseAttributes({
      theme: ' Dark ',
      accentColor: '#0f62fe',
      radius: 'soft',
      density: 'compact',
      locale: 'fr-CA',
      greeting: 'Bonjour',
      placeholder: 'Écrivez…',
      headerTitle: 'Support',
      noHistory: true,
      threadId: ' thr_1 ',
      disclaimer: 'AI can be wrong.',
      frameTitle: 'Support chat',
    });
    expect(issues).toEqual([]);
    expect(value).toEqual({
      theme: 'dark',
      accentColor: '#0f62fe',
      radius: 'soft',
      density: 'compact',
      locale: 'fr-CA',
      greeting: 'Bonjour',
      placeholder: 'Écrivez…',
      headerTitle: 'Support',
      noHistory: true,
      threadId: 'thr_1',
      disclaimer: 'AI can be wrong.',
      frameTitle: 'Support chat',
    });
  });

  it('leaves absent and empty attributes out', () => {
    expect(parseAttributes({ greeting: '', theme: null, noHistory: false })).toEqual({ value: {}, issues: [] });
  });

  const bad: Array<[string, Record<string, string>, string]> = [
    ['theme', { theme: 'purple' }, 'light, dark, auto'],
    ['radius', { radius: 'round-ish' }, 'pill, round, soft, sharp'],
    ['density', { density: 'cosy' }, 'compact, normal, spacious'],
    ['accent-color', { accentColor: 'url(javascript:x)' }, 'CSS colour'],
    ['locale', { locale: 'english please' }, 'language tag'],
    ['starter-prompts', { starterPrompts: '[1, 2]' }, 'strings or'],
    ['starter-prompts', { starterPrompts: '["a", ' }, 'does not parse'],
  ];
  it.each(bad)('names %s when its value is refused, and leaves it out', (attribute, raw, hint) => {
    const { value, issues } = parseAttributes(raw);
    expect(value).toEqual({});
    expect(issues).toHaveLength(1);
    expect(issues[0]!.attribute).toBe(attribute);
    expect(issues[0]!.message).toContain(hint);
  });

  it.each(['#abc', '#aabbccdd', 'rebeccapurple', 'rgb(1 2 3)', 'oklch(70% 0.1 200)', 'hsl(200, 50%, 50%)'])(
    'accepts the colour %s',
    (accentColor) => {
      expect(parseAttributes({ accentColor }).value.accentColor).toBe(accentColor);
    },
  );
});

describe('parseStarterPrompts', () => {
  it('splits plain text on |', () => {
    expect(parseStarterPrompts('What can you do? | Track my order ||')).toEqual({
      value: [
        { label: 'What can you do?', prompt: 'What can you do?' },
        { label: 'Track my order', prompt: 'Track my order' },
      ],
    });
  });

  it('reads a JSON array of strings and prompt objects', () => {
    expect(parseStarterPrompts('["Hi", {"label": "Docs", "prompt": "Where are the docs?", "icon": "book-open"}]')).toEqual({
      value: [
        { label: 'Hi', prompt: 'Hi' },
        { label: 'Docs', prompt: 'Where are the docs?', icon: 'book-open' },
      ],
    });
  });

  it('gives nothing for blank text', () => {
    expect(parseStarterPrompts('  ')).toEqual({});
  });
});

describe('parseAttributes and secrets', () => {
  it('never repeats a value that looks like an API key in its messages', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456';
    const { issues } = parseAttributes({ accentColor: key, theme: key, locale: key });
    expect(issues).toHaveLength(3);
    for (const issue of issues) expect(issue.message).not.toContain(key);
  });
});
