import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInbox } from '../scripts/build-inbox.mjs';
import { INBOX_CSP, createInboxPage } from '../src/admin/index.js';

// The inbox page's files as `createInboxPage` serves them to those who mount it
// themselves: only its three files, only GET, each with the page's CSP.
beforeAll(async () => {
  await buildInbox();
});

const get = (handler: (request: Request) => Promise<Response>, path: string, init?: RequestInit) =>
  handler(new Request(`http://localhost${path}`, init));

describe('createInboxPage', () => {
  it('serves the page, its script and stylesheet at its base path, with their types and the CSP', async () => {
    const page = createInboxPage({ basePath: '/inbox', apiPath: '/site/admin-api' });
    for (const [path, type] of [
      ['/inbox/', 'text/html'],
      ['/inbox/inbox.js', 'text/javascript'],
      ['/inbox/inbox.css', 'text/css'],
    ] as const) {
      const response = await get(page, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(response.headers.get('content-security-policy')).toBe(INBOX_CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const redirect = await get(page, '/inbox');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([308, '/inbox/']);
  });

  it('tells the page where the API is, escaped as an attribute value', async () => {
    const html = await (await get(createInboxPage({ apiPath: '/api"><script>alert(1)</script>' }), '/admin/')).text();
    expect(html).toContain('<meta name="chatkit-admin-api" content="/api&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" />');
    expect(html).not.toContain('<script>alert(1)');
    expect(await (await get(createInboxPage(), '/admin/')).text()).toContain('content="/admin/api"');
  });

  it("takes `$'`, `$&` and `$$` in the API path as text, not replacement patterns", async () => {
    const html = await (await get(createInboxPage({ apiPath: "/api$'$&$$$`" }), '/admin/')).text();
    expect(html).toContain(`<meta name="chatkit-admin-api" content="/api$'$&amp;$$$\`" />`);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html.match(/chatkit-admin-api/g)).toHaveLength(1);
  });

  it('answers 404 for anything else under it and 405 for other methods', async () => {
    const page = createInboxPage();
    for (const path of [
      '/admin/index.html',
      '/admin/../package.json',
      '/admin/inbox.js.map',
      '/elsewhere',
      '/adminconstructor',
      '/admin__proto__',
      '/admin/__proto__',
      '/admin/constructor',
      '/admin/toString',
      '/admininbox.js',
    ]) {
      expect((await get(page, path)).status, path).toBe(404);
    }
    const post = await get(page, '/admin/', { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await get(page, '/admin/', { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});

describe('the inbox sources', () => {
  it('never write markup from a string: no unsafeHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const dir = new URL('../src/admin/inbox/', import.meta.url);
    const files = readdirSync(dir).filter((name) => /\.(ts|html)$/.test(name));
    expect(files).toContain('thread-transcript.ts');
    const found = files.flatMap((name) =>
      [
        ...readFileSync(new URL(name, dir), 'utf8').matchAll(
          /unsafeHTML|unsafeSVG|unsafeMathML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/g,
        ),
      ].map((match) => `${name}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });
});
