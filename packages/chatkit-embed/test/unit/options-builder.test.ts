import type { ChatKitOptions } from '@openai/chatkit';
import { describe, expect, it } from 'vitest';
import { buildOptions, sameOptions, snapshot } from '../../src/connector/options-builder.js';

const api = { getClientSecret: async () => 'ek' };

describe('buildOptions', () => {
  it('always includes api, even with nothing else set', () => {
    expect(buildOptions({ attributes: {}, api, prefersDark: false })).toEqual({ api });
  });

  it('keeps every field of the options property, functions included', () => {
    const onClientTool = () => ({});
    const options: Partial<ChatKitOptions> = {
      onClientTool,
      composer: { placeholder: 'p', attachments: { enabled: true } },
      threadItemActions: { feedback: true },
    };
    const built = buildOptions({ options, attributes: {}, api, prefersDark: false });
    expect(built.onClientTool).toBe(onClientTool);
    expect(built.composer).toEqual(options.composer);
    expect(built.threadItemActions).toEqual({ feedback: true });
  });

  it('lets attributes override only the fields they name, and api always comes from the element', () => {
    const options: Partial<ChatKitOptions> = {
      api: { url: '/other', domainKey: 'x' },
      theme: { colorScheme: 'light', radius: 'pill', typography: { baseSize: 16 } },
      composer: { placeholder: 'from options', attachments: { enabled: true } },
      startScreen: { greeting: 'from options', prompts: [{ label: 'a', prompt: 'a' }] },
      header: { enabled: true, title: { enabled: true, text: 'from options' } },
      history: { enabled: true, showDelete: true },
      disclaimer: { text: 'from options', highContrast: true },
    };
    const built = buildOptions({
      options,
      attributes: {
        theme: 'dark',
        radius: 'sharp',
        density: 'spacious',
        accentColor: 'teal',
        placeholder: 'attr placeholder',
        greeting: 'attr greeting',
        headerTitle: 'attr title',
        noHistory: true,
        disclaimer: 'attr disclaimer',
        locale: 'de',
        threadId: 'thr_9',
        frameTitle: 'Chat frame',
      },
      api,
      prefersDark: false,
    });
    expect(built).toEqual({
      api,
      locale: 'de',
      frameTitle: 'Chat frame',
      initialThread: 'thr_9',
      theme: {
        colorScheme: 'dark',
        radius: 'sharp',
        density: 'spacious',
        typography: { baseSize: 16 },
        color: { accent: { primary: 'teal', level: 1 } },
      },
      composer: { placeholder: 'attr placeholder', attachments: { enabled: true } },
      startScreen: { greeting: 'attr greeting', prompts: [{ label: 'a', prompt: 'a' }] },
      header: { enabled: true, title: { enabled: true, text: 'attr title' } },
      history: { enabled: false, showDelete: true },
      disclaimer: { text: 'attr disclaimer', highContrast: true },
    });
    // The page's object is not modified.
    expect(options.composer!.placeholder).toBe('from options');
  });

  it.each([
    [false, 'light'],
    [true, 'dark'],
  ] as const)('theme="auto" follows prefers-color-scheme (dark: %s)', (prefersDark, scheme) => {
    const built = buildOptions({ attributes: { theme: 'auto' }, api, prefersDark });
    expect(built.theme).toEqual({ colorScheme: scheme });
  });

  it('turns a string theme from options into an object when an attribute refines it', () => {
    const built = buildOptions({ options: { theme: 'dark' }, attributes: { density: 'compact' }, api, prefersDark: false });
    expect(built.theme).toEqual({ colorScheme: 'dark', density: 'compact' });
  });

  it('keeps the accent level from options when accent-color sets the colour', () => {
    const built = buildOptions({
      options: { theme: { color: { accent: { primary: 'red', level: 3 } } } },
      attributes: { accentColor: 'blue' },
      api,
      prefersDark: false,
    });
    expect(built.theme).toEqual({ color: { accent: { primary: 'blue', level: 3 } } });
  });
});

describe('sameOptions', () => {
  const f = () => {};
  it.each([
    [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
    [{ a: f }, { a: f }, true],
    [{ a: f }, { a: () => {} }, false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: [1] }, { a: { 0: 1 } }, false],
    [{ a: 'x' }, { a: 'y' }, false],
    [null, null, true],
    [{ d: new Date(0) }, { d: new Date(0) }, false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameOptions(a, b)).toBe(same);
  });
});

describe('snapshot', () => {
  it('copies plain data, keeps functions, and sees later in-place changes as changes', () => {
    const onAction = async () => {};
    const options = { startScreen: { greeting: 'A', prompts: [{ label: 'x', prompt: 'x' }] }, widgets: { onAction } };
    const sent = snapshot(options);
    expect(sent).toEqual(options);
    expect(sent.widgets.onAction).toBe(onAction);
    options.startScreen.greeting = 'B';
    expect(sameOptions(sent, options)).toBe(false);
  });

  it('survives cyclic options', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => sameOptions(snapshot(cyclic), cyclic)).not.toThrow();
  });
});
