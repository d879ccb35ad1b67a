import { describe, expect, it } from 'vitest';
import { checkPolicies, matchesSource, metaPolicies, parseCsp, scriptNonces, type CspRequestKind } from '../src/cli/csp.js';

const CHATKIT = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
const SHOP = 'https://shop.example/products/1';

describe('matchesSource', () => {
  it.each([
    // expression, URL, page, matches
    ['*', CHATKIT, SHOP, true],
    ['*', 'data:text/javascript,1', SHOP, false],
    ['https:', CHATKIT, SHOP, true],
    ['http:', CHATKIT, SHOP, true], // a secure upgrade of the scheme
    ['data:', CHATKIT, SHOP, false],
    ['https://cdn.platform.openai.com', CHATKIT, SHOP, true],
    ['https://CDN.Platform.OpenAI.com', CHATKIT, SHOP, true],
    ['cdn.platform.openai.com', CHATKIT, SHOP, true], // the page's scheme
    ['cdn.platform.openai.com', CHATKIT, 'http://shop.example/', true], // http page, https script
    ['cdn.example', 'http://cdn.example/a.js', SHOP, false], // https page, http script: no downgrade
    ['http://cdn.platform.openai.com', CHATKIT, SHOP, true],
    ['https://cdn.platform.openai.com:443', CHATKIT, SHOP, true],
    ['https://cdn.platform.openai.com:8443', CHATKIT, SHOP, false],
    ['https://cdn.platform.openai.com:*', CHATKIT, SHOP, true],
    ['https://cdn.platform.openai.com', 'https://cdn.platform.openai.com:8443/x.js', SHOP, false],
    ['*.openai.com', CHATKIT, SHOP, true],
    ['https://*.openai.com', CHATKIT, SHOP, true],
    ['*.platform.openai.com', CHATKIT, SHOP, true],
    ['*.cdn.platform.openai.com', CHATKIT, SHOP, false], // never the bare host
    ['openai.com', CHATKIT, SHOP, false],
    ['https://cdn.platform.openai.com/deployments/', CHATKIT, SHOP, true],
    ['https://cdn.platform.openai.com/deployments/chatkit/chatkit.js', CHATKIT, SHOP, true],
    ['https://cdn.platform.openai.com/deployments', CHATKIT, SHOP, false], // no slash: an exact path
    ['https://cdn.platform.openai.com/other/', CHATKIT, SHOP, false],
    ["'self'", 'https://shop.example/api/chatkit/token', SHOP, true],
    ["'SELF'", 'https://shop.example/api/chatkit/token', SHOP, true],
    ["'self'", 'https://shop.example/api', 'http://shop.example/', true],
    ["'self'", 'https://chat.shop.example/chatkit', SHOP, false],
    ["'self'", 'https://shop.example:8443/chatkit', SHOP, false],
    ["'none'", CHATKIT, SHOP, false],
    ["'nonce-abc'", CHATKIT, SHOP, false],
    ["'strict-dynamic'", CHATKIT, SHOP, false],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/chatkit', 'http://127.0.0.1:3000/', true],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8788/chatkit', 'http://127.0.0.1:3000/', false],
    ['http://127.0.0.1', 'http://127.0.0.1:8787/chatkit', 'http://127.0.0.1:3000/', false],
  ])('%s against %s (page %s): %s', (expression, url, self, expected) => {
    expect(matchesSource(expression, new URL(url), new URL(self))).toBe(expected);
  });
});

describe('parseCsp', () => {
  it('reads directives case-insensitively, keeps the first of a repeated one, and skips empty ones', () => {
    const [policy] = parseCsp("Script-Src 'self' https://a.example;;  script-src https://b.example ; frame-src");
    expect([...policy!.entries()]).toEqual([
      ['script-src', ["'self'", 'https://a.example']],
      ['frame-src', []],
    ]);
  });

  it('splits comma-joined headers into separate policies', () => {
    expect(parseCsp("script-src *, script-src 'self'").map((policy) => policy.get('script-src'))).toEqual([['*'], ["'self'"]]);
  });

  it('has no policy for an empty header', () => {
    expect(parseCsp('')).toEqual([]);
  });
});

describe('checkPolicies', () => {
  it.each<[string, CspRequestKind, string, string, string | undefined]>([
    // header, kind, URL, verdict, deciding directive
    ["default-src 'self'", 'script', CHATKIT, 'blocked', 'default-src'],
    ["default-src 'self'; script-src 'self' https://cdn.platform.openai.com", 'script', CHATKIT, 'allowed', 'script-src'],
    ["script-src https://cdn.platform.openai.com; script-src-elem 'self'", 'script', CHATKIT, 'blocked', 'script-src-elem'],
    ["script-src 'self'; script-src-elem https://cdn.platform.openai.com", 'script', CHATKIT, 'allowed', 'script-src-elem'],
    ["script-src 'nonce-abc' 'strict-dynamic' https:", 'script', CHATKIT, 'nonce', 'script-src'], // host sources ignored
    ["script-src 'strict-dynamic' https:", 'script', CHATKIT, 'blocked', 'script-src'],
    ["script-src 'sha256-abc=' 'strict-dynamic'", 'script', CHATKIT, 'nonce', 'script-src'],
    ["script-src 'nonce-abc'", 'script', CHATKIT, 'nonce', 'script-src'],
    ["script-src 'nonce-abc' https://cdn.platform.openai.com", 'script', CHATKIT, 'allowed', 'script-src'],
    ["script-src 'sha256-abc='", 'script', CHATKIT, 'blocked', 'script-src'],
    ["script-src 'none'", 'script', CHATKIT, 'blocked', 'script-src'],
    ['img-src *', 'script', CHATKIT, 'allowed', undefined],
    ["frame-src 'none'", 'frame', CHATKIT, 'blocked', 'frame-src'],
    ["default-src 'none'; child-src https://cdn.platform.openai.com", 'frame', CHATKIT, 'allowed', 'child-src'],
    ["default-src 'none'; child-src 'self'; frame-src https://cdn.platform.openai.com", 'frame', CHATKIT, 'allowed', 'frame-src'],
    ["frame-src 'nonce-abc'", 'frame', CHATKIT, 'blocked', 'frame-src'], // nonces are for scripts
    ["connect-src 'self'", 'connect', 'https://shop.example/api/chatkit/token', 'allowed', 'connect-src'],
    ["connect-src 'self'", 'connect', 'https://chat.example/chatkit', 'blocked', 'connect-src'],
    ["default-src 'self' https://chat.example", 'connect', 'https://chat.example/chatkit', 'allowed', 'default-src'],
    ["script-src *, script-src 'self'", 'script', CHATKIT, 'blocked', 'script-src'], // every policy must allow
    ["script-src *, script-src 'nonce-abc'", 'script', CHATKIT, 'nonce', 'script-src'],
  ])('%s: %s %s is %s', (header, kind, url, verdict, directive) => {
    const decision = checkPolicies(parseCsp(header), kind, new URL(url), new URL(SHOP));
    expect(decision.verdict).toBe(verdict);
    expect(decision.directive).toBe(directive);
  });
});

describe('scriptNonces', () => {
  it('reads the nonces of the directive that governs scripts', () => {
    expect(scriptNonces(parseCsp("default-src 'nonce-no'; script-src 'nonce-r4nd0m' 'strict-dynamic'"))).toEqual(['r4nd0m']);
  });
});

describe('metaPolicies', () => {
  it('finds policies in meta tags, whatever the attribute order and quoting', () => {
    const html = `<head>
      <meta charset="utf-8">
      <meta content="script-src &#39;self&#39; https://cdn.platform.openai.com" http-equiv="Content-Security-Policy">
      <meta http-equiv=content-security-policy content='frame-src https://cdn.platform.openai.com'>
      <meta name="description" content="script-src none">
    </head>`;
    expect(metaPolicies(html)).toEqual(["script-src 'self' https://cdn.platform.openai.com", 'frame-src https://cdn.platform.openai.com']);
  });
});
