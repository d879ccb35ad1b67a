import { describe, expect, it } from 'vitest';
import { apiKeyMessage, findApiKey, looksLikeApiKey } from '../../src/secrets/secret-guard.js';

const key = 'sk-proj-Abc123_def456-GHI789jkl012';

function formData(...entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('secret guard', () => {
  it.each([
    [key, true],
    ['sk-abcdefghijklmnopqrstuvwx', true],
    ['Bearer sk-svcacct-abcdefghijklmnopqrst', true],
    ['ek_68f1abc_client_secret', false],
    ['domain_pk_localhost_dev', false],
    ['task-abcdefghijklmnopqrstuvwx', false],
    ['sk-short', false],
    [42, false],
  ])('looksLikeApiKey(%j) is %s', (value, expected) => {
    expect(looksLikeApiKey(value)).toBe(expected);
  });

  it('finds a key deep in plain objects and arrays and names the path', () => {
    expect(findApiKey({ api: { headers: [{ v: 'x' }, { v: key }] } }, 'options')).toBe('options.api.headers[1].v');
  });

  // Header-like values a page may hand to sessionHeaders, sessionBody or options.
  it.each([
    ['Headers', () => new Headers({ authorization: `Bearer ${key}` }), 'sessionHeaders["authorization"]'],
    [
      'header pairs',
      () => [
        ['x-site', 'shop'],
        ['authorization', `Bearer ${key}`],
      ],
      'sessionHeaders[1][1]',
    ],
    ['a plain object', () => ({ Authorization: `Bearer ${key}` }), 'sessionHeaders.Authorization'],
    ['a Map', () => new Map([['authorization', key]]), 'sessionHeaders["authorization"]'],
    ['URLSearchParams', () => new URLSearchParams({ token: key }), 'sessionHeaders["token"]'],
    ['FormData', () => formData(['api_key', key]), 'sessionHeaders["api_key"]'],
    ['a key used as a header name, not repeated in the path', () => new Headers([[key, 'x']]), "sessionHeaders (an entry's name)"],
  ])('finds a key in %s', (_, make, path) => {
    expect(findApiKey(make(), 'sessionHeaders')).toBe(path);
  });

  it('names entries whose keys cannot be printed without throwing', () => {
    const odd = new Map<unknown, string>([
      [10n, 'x'],
      [{ self: null }, `Bearer ${key}`],
    ]);
    expect(findApiKey(odd, 'sessionBody')).toBe('sessionBody[…]');
  });

  it('does not walk functions or class instances, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { fn: () => key, date: new Date() };
    cyclic.self = cyclic;
    expect(findApiKey(cyclic, 'options')).toBeUndefined();
  });

  it('explains why without repeating the key', () => {
    const message = apiKeyMessage('domain-key');
    expect(message).toContain('domain-key');
    expect(message).toMatch(/stay on your server/);
    expect(message).not.toMatch(/sk-[a-z0-9]/i);
  });
});
