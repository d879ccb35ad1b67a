/**
 * The site owner's inbox page (list, search, read, export, erase), as static files built
 * from `src/admin/inbox` into `dist/inbox-page`:
 *
 *   GET {base}            redirects to {base}/
 *   GET {base}/           the page
 *   GET {base}/inbox.js   its script (Lit inlined)
 *   GET {base}/inbox.css  its stylesheet
 *
 * The files hold no data and need no credential; every data request the page makes goes
 * to the admin API with the credential the site owner types. Each answer carries a CSP
 * that allows only this origin's script, style and fetches, and no framing.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { jsonResponse } from '../http/errors.js';

export interface InboxPageOptions {
  /** Where the page is served. @default '/admin' */
  basePath?: string;
  /** The admin API's path (`createAdminApi`'s `basePath`), which the page calls. @default `${basePath}/api` */
  apiPath?: string;
}

export const INBOX_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HEADERS = {
  'content-security-policy': INBOX_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Path under the base → built file and its type. A Map: a path is never a prototype key. */
const FILES = new Map<string, readonly [name: string, type: string]>([
  ['/', ['index.html', 'text/html; charset=utf-8']],
  ['/inbox.js', ['inbox.js', 'text/javascript; charset=utf-8']],
  ['/inbox.css', ['inbox.css', 'text/css; charset=utf-8']],
]);

/** The built page, next to the package's `dist` from `src/admin` and `dist/admin` alike. */
const BUILT = new URL('../../dist/inbox-page/', import.meta.url);

export function createInboxPage(options: InboxPageOptions = {}): (request: Request) => Promise<Response> {
  const base = (options.basePath ?? '/admin').replace(/\/$/, '');
  const apiPath = options.apiPath ?? `${base}/api`;
  let files: Promise<Map<string, string>> | undefined;
  const load = () =>
    (files ??= (async () => {
      const read = new Map<string, string>();
      for (const [path, [name]] of FILES) read.set(path, await readFile(fileURLToPath(new URL(name, BUILT)), 'utf8'));
      // The page finds the API by this tag; an attribute value, escaped as one. A replacer
      // function, so `$'` or `$&` in the path are text, not replacement patterns.
      read.set(
        '/',
        read.get('/')!.replace('content="api/"', () => `content="${escapeAttribute(apiPath)}"`),
      );
      return read;
    })()).catch((error: unknown) => {
      files = undefined;
      throw error;
    });

  return async (request) => {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(base)) return notFound();
    const rest = path.slice(base.length);
    // `/adminfoo` is not under `/admin`.
    if (rest !== '' && !rest.startsWith('/')) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return jsonResponse(405, { error: { code: 'method_not_allowed', message: 'Only GET.' } }, { ...HEADERS, allow: 'GET, HEAD' });
    if (rest === '') return new Response(null, { status: 308, headers: { ...HEADERS, location: `${base}/` } });
    const file = FILES.get(rest);
    if (!file) return notFound();
    let body: string;
    try {
      body = (await load()).get(rest)!;
    } catch {
      return jsonResponse(
        500,
        { error: { code: 'inbox_not_built', message: 'The inbox page is not built: run `npm run build` in chatkit-embed-server.' } },
        HEADERS,
      );
    }
    return new Response(request.method === 'HEAD' ? null : body, { headers: { ...HEADERS, 'content-type': file[1] } });
  };
}

function notFound(): Response {
  return jsonResponse(404, { error: { code: 'not_found', message: 'No such endpoint.' } }, HEADERS);
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
