/**
 * An anonymous, stable user id for sites without their own auth: a random id in an
 * HttpOnly cookie, which ChatKit needs as `user` to keep a person's threads together.
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
}

const ID = /^[A-Za-z0-9_-]{16,64}$/;

export function readUserCookie(request: Request, options: UserCookieOptions = {}): string | undefined {
  const name = options.name ?? 'chatkit_uid';
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (key === name && ID.test(value)) return value;
  }
  return undefined;
}

export function newUserId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export function userCookieHeader(request: Request, id: string, options: UserCookieOptions = {}): string {
  const host = new URL(request.url).hostname;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  const sameSite = options.sameSite ?? 'Lax';
  const secure = sameSite === 'None' || (options.secure ?? !local);
  const maxAge = options.maxAgeSeconds ?? 30 * 24 * 3600;
  return [
    `${options.name ?? 'chatkit_uid'}=${id}`,
    'Path=/',
    `Max-Age=${maxAge}`,
    'HttpOnly',
    `SameSite=${sameSite}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
