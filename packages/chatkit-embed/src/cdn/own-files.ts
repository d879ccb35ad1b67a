/**
 * Loads the script-tag build's own files (the core, a translation) from the folder the
 * bundle came from, as classic scripts with the page's nonce and the element's Trusted
 * Types policy. Smaller than the connector's loader, which the shell does not need: its
 * own files define no tag, and a second chat waits on the same load.
 */
import { loadFailedMessage, retryURL, scriptElement } from '../connector/script-element.js';
import { trustedScriptURL, trustedTypesMessage } from '../connector/trusted-types.js';
import { ownScript } from './own-script.js';

const loads = new Map<string, Promise<void>>();
/** Failed loads per file, for a retry's URL (see `retryURL`). */
const failures = new Map<string, number>();

/**
 * Loads `name` unless `registered()` already gives what it registers (each file puts
 * itself in a registry on `globalThis`), and returns that. A file that loads but
 * registers nothing (a server's HTML "not found" page under the file's name, a copy
 * from another version) fails here, with `label` in the message.
 */
export async function loadOwnFile<T>(
  name: string,
  label: string,
  options: { nonce?: string; timeoutMs?: number },
  registered: () => T | undefined,
): Promise<T> {
  if (!registered()) await loadOnce(name, label, options);
  const value = registered();
  if (!value) throw new Error(`${label} loaded but did not register itself.`);
  return value;
}

function loadOnce(name: string, label: string, options: { nonce?: string; timeoutMs?: number }): Promise<void> {
  if (!ownScript) return Promise.reject(new Error('chatkit-embed could not tell where its own script came from.'));
  const file = new URL(name, ownScript.src).href;
  let load = loads.get(file);
  if (!load) {
    const failed = failures.get(file);
    const src = retryURL(file, failed);
    const script = scriptElement(document, src, { nonce: options.nonce, scriptURL: (url) => trustedScriptURL(window, url) });
    // Not remembered: the page's policy may allow it on a later try.
    if (!script) return Promise.reject(new Error(trustedTypesMessage(label)));
    load = new Promise<void>((resolve, reject) => {
      const timeoutMs = options.timeoutMs! > 0 ? options.timeoutMs! : 15_000;
      let settled = false;
      // Once: a script given up on after the timeout may still fail or load later.
      const settle = (error?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!error) return resolve();
        // Forgotten, so a retry adds a fresh <script>.
        script.remove();
        loads.delete(file);
        failures.set(file, (failed ?? 0) + 1);
        reject(new Error(error));
      };
      const timer = setTimeout(() => settle(`${label} did not load within ${timeoutMs / 1000} s from ${src}.`), timeoutMs);
      script.onload = () => settle();
      script.onerror = () => settle(loadFailedMessage(label, src));
      document.head.append(script);
    });
    loads.set(file, load);
  }
  return load;
}
