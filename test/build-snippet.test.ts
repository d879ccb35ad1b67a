import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPT_URL, buildSnippet, type SnippetInput, type SnippetWarning } from '../demo/snippet/build-snippet.js';

const CDN = DEFAULT_SCRIPT_URL;
// A made-up key of the real shape; never a real one.
const FAKE_KEY = 'sk-proj-AbCdEfGh12345678_ijkl-mnop';

/** The attributes of each tag in `html`, unescaped as an HTML parser would. */
function parseTags(html: string): Array<{ attributes: Record<string, string>; text: string }> {
  const tags = [...html.matchAll(/<script((?:\s+[a-z-]+(?:="[^"]*")?)*)>([^<]*(?:<(?!\/script>)[^<]*)*)<\/script>/g)];
  expect(tags.map((tag) => tag[0]).join('\n')).toBe(html);
  return tags.map(([, attributes, text]) => ({
    attributes: Object.fromEntries(
      [...attributes!.matchAll(/\s+([a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, unescape(value ?? '')]),
    ),
    text: text!,
  }));
}

function unescape(value: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => entities[entity]!);
}

const levels = (warnings: SnippetWarning[]) => warnings.map(({ level, field }) => `${level}:${field}`);

describe('buildSnippet', () => {
  const exact: Array<[string, SnippetInput, string]> = [
    [
      'hosted with a theme',
      { backend: 'hosted', sessionUrl: '/api/chatkit/session', theme: 'dark' },
      `<script src="${CDN}" async data-session-url="/api/chatkit/session" data-theme="dark"></script>`,
    ],
    [
      'self-hosted with a token endpoint',
      { backend: 'self-hosted', apiUrl: 'https://chat.example.com/chatkit', domainKey: 'domain_pk_123', sessionUrl: '/token' },
      `<script src="${CDN}" async data-api-url="https://chat.example.com/chatkit" data-domain-key="domain_pk_123" data-session-url="/token"></script>`,
    ],
    [
      'every attribute, in order',
      {
        scriptUrl: '/assets/chatkit-embed.js',
        backend: 'hosted',
        sessionUrl: 'https://example.com/session',
        theme: 'auto',
        accentColor: '#0a84ff',
        greeting: 'Hi there',
        placeholder: 'Ask away',
        starterPrompts: ['What can you do?', 'Track my order'],
        headerTitle: 'Support',
        label: 'Chat with us',
        position: 'start',
        remember: true,
        locale: 'fr-CA',
      },
      '<script src="/assets/chatkit-embed.js" async data-session-url="https://example.com/session" data-theme="auto" ' +
        'data-accent-color="#0a84ff" data-greeting="Hi there" data-placeholder="Ask away" ' +
        'data-starter-prompts="What can you do?|Track my order" data-header-title="Support" data-label="Chat with us" ' +
        'data-position="start" data-remember data-locale="fr-CA"></script>',
    ],
    [
      'hosted leaves the self-hosted attributes out',
      { backend: 'hosted', sessionUrl: '/s', apiUrl: '/chatkit', domainKey: 'domain_pk_1' },
      `<script src="${CDN}" async data-session-url="/s"></script>`,
    ],
    [
      'empty values, empty prompts and remember=false are left out',
      { backend: 'hosted', sessionUrl: '/s', greeting: '', placeholder: '  ', starterPrompts: ['', ' '], remember: false, options: {} },
      `<script src="${CDN}" async data-session-url="/s"></script>`,
    ],
    [
      'a JSON block for options',
      { backend: 'hosted', sessionUrl: '/s', options: { theme: { color: { accent: { primary: '#0a84ff' } } } } },
      `<script src="${CDN}" async data-session-url="/s"></script>\n` +
        '<script type="application/json" data-chatkit-embed-config>{"theme":{"color":{"accent":{"primary":"#0a84ff"}}}}</script>',
    ],
  ];
  it.each(exact)('writes the snippet for %s', (_, input, html) => {
    expect(buildSnippet(input).html).toBe(html);
  });

  it('escapes attribute values, and they round-trip through an HTML parse', () => {
    const input: SnippetInput = {
      backend: 'hosted',
      sessionUrl: '/session?a=1&b=2',
      greeting: `"><script>alert('x')</script>`,
      placeholder: 'Fish & chips <b>',
      label: "Let's talk",
    };
    const { html } = buildSnippet(input);
    expect(html).toContain('data-greeting="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"');
    const [tag, ...rest] = parseTags(html);
    expect(rest).toEqual([]);
    expect(tag!.attributes).toEqual({
      src: CDN,
      async: '',
      'data-session-url': input.sessionUrl,
      'data-greeting': input.greeting,
      'data-placeholder': input.placeholder,
      'data-label': input.label,
    });
  });

  it.each<[string[], string]>([
    [['One', 'Two'], 'One|Two'],
    [['Either | or', 'Two'], '["Either | or","Two"]'],
    [['[not JSON]', 'Two'], '["[not JSON]","Two"]'],
    [['  Trimmed  '], 'Trimmed'],
  ])('writes the starter prompts %j as %s', (starterPrompts, attribute) => {
    const [tag] = parseTags(buildSnippet({ backend: 'hosted', sessionUrl: '/s', starterPrompts }).html);
    expect(tag!.attributes['data-starter-prompts']).toBe(attribute);
  });

  it('keeps </script>, <!-- and U+2028/U+2029 from escaping the JSON block, and the JSON still parses', () => {
    const options = { composer: { placeholder: '</script><script>alert(1)</script> <!-- \u2028\u2029' } };
    const { html } = buildSnippet({ backend: 'hosted', sessionUrl: '/s', options });
    const tags = parseTags(html);
    expect(tags).toHaveLength(2);
    expect(tags[1]!.attributes).toEqual({ type: 'application/json', 'data-chatkit-embed-config': '' });
    expect(tags[1]!.text).not.toMatch(/[<\u2028\u2029]/);
    expect(tags[1]!.text).toContain('\\u003c/script>');
    expect(JSON.parse(tags[1]!.text)).toEqual(options);
  });

  const keys: Array<[string, SnippetInput, string]> = [
    ['greeting', { backend: 'hosted', sessionUrl: '/s', greeting: FAKE_KEY }, 'greeting'],
    ['domain key', { backend: 'self-hosted', apiUrl: '/chatkit', domainKey: FAKE_KEY }, 'domainKey'],
    ['session URL query', { backend: 'hosted', sessionUrl: `/s?key=${FAKE_KEY}` }, 'sessionUrl'],
    ['classic key', { backend: 'hosted', sessionUrl: '/s', label: 'sk-abcdefgh12' }, 'label'],
    ['starter prompt', { backend: 'hosted', sessionUrl: '/s', starterPrompts: ['Hi', FAKE_KEY] }, 'starterPrompts'],
    ['nested option', { backend: 'hosted', sessionUrl: '/s', options: { api: { headers: [FAKE_KEY] } } }, 'options'],
  ];
  it.each(keys)('refuses an API key in the %s and leaves it out of the snippet', (_, input, field) => {
    const { html, warnings } = buildSnippet(input);
    expect(html).not.toContain('sk-');
    const error = warnings.find((warning) => warning.field === field)!;
    expect(error.level).toBe('error');
    expect(error.message).toContain('must never go in a page');
    expect(error.message).not.toContain('sk-proj');
  });

  it('keeps the other starter prompts and options path when one holds a key', () => {
    const { html, warnings } = buildSnippet({
      backend: 'hosted',
      sessionUrl: '/s',
      starterPrompts: ['Hi', FAKE_KEY, 'Bye'],
      options: { api: { headers: [FAKE_KEY] } },
    });
    expect(html).toBe(`<script src="${CDN}" async data-session-url="/s" data-starter-prompts="Hi|Bye"></script>`);
    expect(warnings.find((warning) => warning.field === 'options')!.message).toMatch(/^options\.api\.headers\[0\] /);
  });

  it('does not mistake words that contain "sk-" for keys', () => {
    expect(buildSnippet({ backend: 'hosted', sessionUrl: '/s', greeting: 'Ask our task-management helper' }).warnings).toEqual([]);
  });

  const schemes: Array<[string, SnippetInput, 'scriptUrl' | 'sessionUrl' | 'apiUrl', string]> = [
    ['javascript: in the session URL', { backend: 'hosted', sessionUrl: 'javascript:alert(1)' }, 'sessionUrl', 'javascript:'],
    ['JavaScript: hidden by a tab', { backend: 'hosted', sessionUrl: ' Java\tScript:alert(1)' }, 'sessionUrl', 'javascript:'],
    ['javascript: after a control character', { backend: 'hosted', sessionUrl: '\u0001javascript:alert(1)' }, 'sessionUrl', 'javascript:'],
    ['data: in the API URL', { backend: 'self-hosted', apiUrl: 'data:text/html,x', domainKey: 'd' }, 'apiUrl', 'data:'],
    ['a broken https URL', { backend: 'hosted', sessionUrl: 'https://' }, 'sessionUrl', 'not a valid URL'],
  ];
  it.each(schemes)('refuses %s and leaves it out', (_, input, field, hint) => {
    const { html, warnings } = buildSnippet(input);
    expect(html).not.toMatch(/javascript|data:|https:\/\/"/i);
    const error = warnings.find((warning) => warning.field === field)!;
    expect(error.level).toBe('error');
    expect(error.message).toContain(hint);
  });

  it('falls back to the default script URL when the given one is refused', () => {
    const { html, warnings } = buildSnippet({ backend: 'hosted', sessionUrl: '/s', scriptUrl: 'javascript:alert(1)' });
    expect(html).toBe(`<script src="${CDN}" async data-session-url="/s"></script>`);
    expect(levels(warnings)).toEqual(['error:scriptUrl']);
    expect(warnings[0]!.message).toContain('the default one is used');
  });

  it.each([
    '/api/session',
    'api/session',
    '../session',
    '//example.com/session',
    'https://example.com/s',
    'http://localhost:8000/s',
    'http://127.0.0.1/s',
    'http://app.localhost/s',
  ])('accepts the URL %s without a word', (sessionUrl) => {
    const { html, warnings } = buildSnippet({ backend: 'hosted', sessionUrl });
    expect(warnings).toEqual([]);
    expect(parseTags(html)[0]!.attributes['data-session-url']).toBe(sessionUrl);
  });

  const checks: Array<[string, SnippetInput, string[]]> = [
    ['hosted without a session URL', { backend: 'hosted' }, ['error:sessionUrl']],
    ['self-hosted without an API URL', { backend: 'self-hosted', domainKey: 'domain_pk_1' }, ['error:apiUrl']],
    ['self-hosted without a domain key', { backend: 'self-hosted', apiUrl: '/chatkit' }, ['warning:domainKey']],
    ['self-hosted with nothing', { backend: 'self-hosted' }, ['error:apiUrl', 'warning:domainKey']],
    ['http: on a public host', { backend: 'hosted', sessionUrl: 'http://example.com/s' }, ['warning:sessionUrl']],
    [
      'http: token URL on a public host',
      { backend: 'self-hosted', apiUrl: 'https://example.com/chatkit', domainKey: 'domain_pk_1', sessionUrl: 'http://example.com/t' },
      ['warning:sessionUrl'],
    ],
    ['http: script URL', { backend: 'hosted', sessionUrl: '/s', scriptUrl: 'http://cdn.example.com/x.js' }, ['warning:scriptUrl']],
    ['an unknown theme', { backend: 'hosted', sessionUrl: '/s', theme: 'purple' as 'dark' }, ['error:theme']],
    ['a complete self-hosted setup', { backend: 'self-hosted', apiUrl: '/chatkit', domainKey: 'domain_pk_1' }, []],
  ];
  it.each(checks)('reports %s', (_, input, expected) => {
    expect(levels(buildSnippet(input).warnings)).toEqual(expected);
  });

  it('keeps an http: URL on a public host in the snippet, with its warning', () => {
    const { html, warnings } = buildSnippet({ backend: 'hosted', sessionUrl: 'http://example.com/s' });
    expect(html).toContain('data-session-url="http://example.com/s"');
    expect(warnings[0]!.message).toContain('https:');
  });

  it('reports options that cannot be written as JSON', () => {
    const options: Record<string, unknown> = {};
    options.self = options;
    const { html, warnings } = buildSnippet({ backend: 'hosted', sessionUrl: '/s', options });
    expect(html).not.toContain('application/json');
    expect(levels(warnings)).toEqual(['error:options']);
  });
});
