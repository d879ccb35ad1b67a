/**
 * Stops the page behind a full-screen chat panel from scrolling. Counted, so two
 * launchers can hold it at once; the page's own `overflow` comes back when the last
 * one lets go. Set through the CSSOM, which a strict style-src CSP allows.
 */
let holders = 0;
let saved = '';

export function lockScroll(doc: Document): () => void {
  const root = doc.documentElement;
  if (holders++ === 0) {
    saved = root.style.overflow;
    root.style.overflow = 'hidden';
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holders === 0) root.style.overflow = saved;
  };
}
