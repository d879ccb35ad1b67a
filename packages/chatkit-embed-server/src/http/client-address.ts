/**
 * The address a request came from, for per-IP rate limits. Fetch's `Request` has none,
 * so the Node adapter records the socket's address here. Proxy headers are read only
 * when the site says which proxy sets them, since clients can send them too:
 * - `trustProxy: true` (one proxy in front, such as nginx): the last X-Forwarded-For
 *   entry, the one that proxy appended;
 * - `trustProxy: 'cloudflare'`: CF-Connecting-IP.
 * Runtimes without a socket address (Next.js, Workers, Deno) pass `clientIp` instead.
 */
export type TrustProxy = boolean | 'cloudflare';

const addresses = new WeakMap<Request, string>();

export function setClientAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address);
}

/** The client's address, or `undefined` when it cannot be known safely. */
export function clientAddress(request: Request, trustProxy: TrustProxy = false): string | undefined {
  if (trustProxy === 'cloudflare') {
    const address = request.headers.get('cf-connecting-ip')?.trim();
    if (address) return address;
  } else if (trustProxy) {
    const address = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (address) return address;
  }
  return addresses.get(request);
}
