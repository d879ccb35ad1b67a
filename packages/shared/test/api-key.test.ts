import { describe, expect, it } from 'vitest';
import { looksLikeApiKey, maskApiKeys, mentionsApiKey } from '../src/api-key.js';

// The shared rule the element, the server's logs, the doctor and the snippet builder use.
describe('API key shapes', () => {
  const whole = 'sk-proj-AbCdEfGh12345678_ijkl';
  it.each([
    [whole, true, true],
    [`Bearer ${whole}`, true, true],
    ['sk-abcdefgh12', false, true], // short: warned about and masked, never refused
    ['sk-abc1****wxyz', false, true], // partly masked, as dashboards show keys
    ['Ask our task-management helper', false, false],
    ['ek_1@1700000000', false, false],
  ])('%s: whole key %s, key-like %s', (text, whole, like) => {
    expect(looksLikeApiKey(text)).toBe(whole);
    expect(mentionsApiKey(text)).toBe(like);
    expect(mentionsApiKey(text)).toBe(like); // no state carried between calls
  });

  it('masks every key-shaped part, with a custom mask when given', () => {
    expect(maskApiKeys(`a ${whole} b sk-abcdefgh12`)).toBe('a [redacted] b [redacted]');
    expect(maskApiKeys(whole, (key) => `${key.slice(0, 3)}…`)).toBe('sk-…');
  });
});
