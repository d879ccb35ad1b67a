/**
 * Loads the script-tag build's own files (the core, a translation) from the folder the
 * bundle came from, as classic scripts with the page's nonce and the element's Trusted
 * Types policy. Smaller than the connector's loader, which the shell does not need: its
 * own files define no tag, and a second chat waits on the same load.
 */
import { trustedScriptURL, trustedTypesMessage } from '../connector/trusted-types.js';
import { ownScript } from './own-script.js';

const loads = new Map<string, Promise<void>>();

export function loadOwnFile(name: string, label: string, options: { nonce?: string; timeoutMs?: number }): Promise<void> {
  if (!ownScript) return Promise.reject(new Error('chatkit-embed could not tell where its own script came from.'));
  const src = new URL(name, ownScript.src).href;
  let load = loads.get(src);
  if (!load) {
    load = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      const timeoutMs = options.timeoutMs! > 0 ? options.timeoutMs! : 15_000;
      const settle = (error?: string) => {
        clearTimeout(timer);
        if (!error) return resolve();
        // Forgotten, so a retry adds a fresh <script>.
        script.remove();
        loads.delete(src);
        reject(new Error(error));
      };
      const timer = setTimeout(() => settle(`${label} did not load within ${timeoutMs / 1000} s from ${src}.`), timeoutMs);
      script.onload = () => settle();
      script.onerror = () =>
        settle(
          `${label} failed to load from ${src}: the browser is offline, an ad or content blocker stopped it, ` +
            `or the page's Content-Security-Policy does not allow it (script-src ${new URL(src).origin}).`,
        );
      script.async = true;
      const nonce = options.nonce || document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
      if (nonce) script.nonce = nonce;
      try {
        // Pages that enforce Trusted Types refuse a plain string here.
        (script as { src: unknown }).src = trustedScriptURL(window, src);
      } catch {
        return settle(trustedTypesMessage(label));
      }
      document.head.append(script);
    });
    loads.set(src, load);
  }
  return load;
}
