/**
 * DNS rebinding: a page on `http://evil.example:8787`, whose name the attacker then
 * points at 127.0.0.1, reaches a server on the visitor's machine or network as the
 * same origin (the browser sends `Host: evil.example:8787` and a matching `Origin`), so
 * an origin check alone lets it in. Checking the Host header closes that: a rebinding
 * page always arrives under the attacker's host name.
 *
 * Always accepted: localhost names and IP literals (a rebinding attack needs a name; an
 * address in the Host header comes from someone who typed it, or a health probe).
 * Anything else only when listed in `allowedHosts`, or with `'*'`.
 */
export type AllowedHosts = readonly string[] | '*';

export function hostAllowed(request: Request, allowedHosts: AllowedHosts = []): boolean {
  if (allowedHosts === '*') return true;
  // The Host header as the client sent it: the request URL may have been built from a
  // client-supplied X-Forwarded-Host (trustProxy), which must not decide this.
  const hostname = normalize(request.headers.get('host') ?? new URL(request.url).host);
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[')) return true;
  // A Host header that does not parse matches nothing, not even an allowed entry that does not parse either.
  return hostname !== '' && allowedHosts.some((allowed) => normalize(allowed) === hostname);
}

/** `chat.example.com`, `https://chat.example.com` or `chat.example.com:8443` → `chat.example.com`. */
function normalize(host: string): string {
  const value = host.trim().toLowerCase();
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname;
  } catch {
    return '';
  }
}
