/**
 * A `<script>` the element adds, set up the one way both of its loaders need (the
 * connector's, for ChatKit's script, and the script-tag shell's, for its own files):
 * async, marked as ours, with the page's CSP nonce, and its URL made a Trusted Types value.
 */

/**
 * The script element, not yet in the document; `null` when the page's Trusted Types
 * refused the URL. `nonce` defaults to the nonce of a script already on the page.
 */
export function scriptElement(
  doc: Document,
  src: string,
  options: { nonce?: string | undefined; scriptURL?: (url: string) => unknown },
): HTMLScriptElement | null {
  const script = doc.createElement('script');
  script.async = true;
  script.dataset.chatkitEmbed = '';
  const nonce = options.nonce || doc.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (nonce) script.nonce = nonce;
  try {
    // Pages that enforce Trusted Types refuse a plain string here.
    (script as { src: unknown }).src = options.scriptURL ? options.scriptURL(src) : src;
  } catch {
    return null;
  }
  return script;
}

/**
 * The URL to ask for after `failures` failed or stalled loads of `src`. Within a page,
 * the browser answers a script URL that failed with an HTTP error from its memory of
 * that failure, without asking the server again: a retry needs a URL of its own.
 */
export function retryURL(src: string, failures: number | undefined): string {
  return failures ? `${src}${src.includes('?') ? '&' : '?'}retry=${failures}` : src;
}

/** Why a script's load failed, as the browser lets us know it (an `error` event, no reason). */
export function loadFailedMessage(label: string, src: string): string {
  return (
    `${label} failed to load from ${src}: the browser is offline, an ad or content blocker stopped it, ` +
    `or the page's Content-Security-Policy does not allow it (script-src ${new URL(src).origin}).`
  );
}
