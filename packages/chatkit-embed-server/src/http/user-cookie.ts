/**
 * An anonymous, stable visitor for sites without their own auth. ChatKit needs a `user`
 * to keep a person's threads together; this gives each browser one.
 *
 * The cookie holds a random secret, and the user id is derived from it (a keyed HMAC
 * with `key`, else SHA-256), so the value that proves who a visitor is never names them:
 * the id goes into tokens (`sub`, which page scripts can read), logs and the store, and
 * none of those can be turned back into the cookie. An earlier format put the id itself
 * in the cookie; such cookies are not accepted, since every token and log line showed
 * them (see the README's Security section).
 */
export interface UserCookieOptions {
  /** @default 'chatkit_uid' */
  name?: string;
  /** @default 30 days */
  maxAgeSeconds?: number;
  /**
   * `Lax` keeps the cookie first-party. An endpoint on another site than the page needs
   * `None` (which implies `Secure`), or the browser will not send the cookie.
   * @default 'Lax'
   */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Defaults to true everywhere but localhost, where pages are served over http. */
  secure?: boolean;
  /**
   * A server key (16 bytes or more) to derive user ids with (HMAC-SHA-256). Keep it
   * stable and the same on every instance: another key gives every visitor a new id.
   * Without one, ids are a SHA-256 of the cookie's secret, which is as unforgeable (the
   * secret is 256 random bits) but lets anyone holding a cookie compute its id.
   */
  key?: string | Uint8Array;
}

/** `v2.` and 32 random bytes in base64url. */
const SECRET = /^v2\.[A-Za-z0-9_-]{43}$/;

/** The visitor secret in the request's cookie, if it holds a well-formed one. */
export function readUserCookie(request: Request, options: UserCookieOptions = {}): string | undefined {
  const name = options.name ?? 'chatkit_uid';
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (key === name && SECRET.test(value)) return value;
  }
  return undefined;
}

/** A new visitor secret for the cookie. */
export function newUserSecret(): string {
  return `v2.${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const hmacKeys = new WeakMap<object, Promise<HmacKey>>();
const encoder = new TextEncoder();

/** The user id of the visitor whose cookie holds `secret`: 32 base64url characters. */
export async function userIdFor(secret: string, options: UserCookieOptions = {}): Promise<string> {
  const data = encoder.encode(`chatkit-embed visitor\u0000${secret}`);
  let digest: ArrayBuffer;
  if (options.key !== undefined) {
    digest = await crypto.subtle.sign('HMAC', await hmacKey(options), data);
  } else {
    digest = await crypto.subtle.digest('SHA-256', data);
  }
  return base64url(new Uint8Array(digest).subarray(0, 24));
}

/** Throws when `key` is too short to derive ids with. */
export function checkCookieKey(key: string | Uint8Array): Uint8Array {
  const raw = typeof key === 'string' ? encoder.encode(key) : key;
  if (raw.byteLength < 16) throw new Error(`cookie.key (CHATKIT_COOKIE_KEY) needs at least 16 bytes; it has ${raw.byteLength}.`);
  return raw;
}

function hmacKey(options: UserCookieOptions): Promise<HmacKey> {
  let key = hmacKeys.get(options);
  if (!key) {
    const raw = checkCookieKey(options.key!);
    key = crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(options, key);
  }
  return key;
}

export function userCookieHeader(request: Request, secret: string, options: UserCookieOptions = {}): string {
  const host = new URL(request.url).hostname;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  const sameSite = options.sameSite ?? 'Lax';
  const secure = sameSite === 'None' || (options.secure ?? !local);
  const maxAge = options.maxAgeSeconds ?? 30 * 24 * 3600;
  return [
    `${options.name ?? 'chatkit_uid'}=${secret}`,
    'Path=/',
    `Max-Age=${maxAge}`,
    'HttpOnly',
    `SameSite=${sameSite}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
