/**
 * The address a request came from, for per-IP rate limits. Fetch's `Request` has none,
 * so adapters record the socket's address here; proxy headers are read only when the
 * site says it runs behind a proxy that sets them.
 */
const addresses = new WeakMap<Request, string>();

export function setClientAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address);
}

export function clientAddress(request: Request, trustProxy = false): string {
  if (trustProxy) {
    const forwarded =
      request.headers.get('cf-connecting-ip') ??
      request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ??
      request.headers.get('x-real-ip');
    if (forwarded) return forwarded;
  }
  return addresses.get(request) ?? 'unknown';
}
