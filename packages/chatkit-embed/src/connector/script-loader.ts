/**
 * Loads OpenAI's ChatKit script, which defines `openai-chatkit`. One `<script>` per
 * document and URL whatever the number of chats; none when the tag is already defined
 * or the page already has that script. It is part of the lazily loaded core; the
 * script-tag build's shell loads its own files with the smaller `cdn/own-files.ts`.
 * Both use the page's CSP nonce and the shell's one Trusted Types policy.
 */

import { loadFailedMessage, retryURL, scriptElement } from './script-element.js';
import { trustedTypesMessage } from './trusted-types.js';

import { CHATKIT_SCRIPT_URL } from './chatkit-script.js';

export { CHATKIT_SCRIPT_URL, CHATKIT_TAG } from './chatkit-script.js';
export const DEFAULT_SCRIPT_TIMEOUT_MS = 15_000;
export { TRUSTED_TYPES_POLICY } from './trusted-types.js';

/** Why a script did not load: it failed, it stalled, Trusted Types refused it, or the wait was cancelled. */
export type ScriptLoadFailure = 'failed' | 'stalled' | 'trusted-types' | 'cancelled';

export class ScriptLoadError extends Error {
  override readonly name = 'ScriptLoadError';
  constructor(
    message: string,
    readonly kind: ScriptLoadFailure = 'failed',
  ) {
    super(message);
  }
}

export interface ScriptLoadOptions {
  src?: string;
  /** The custom element the script defines: the load is done once it is defined. */
  defines?: string;
  /** What the script is, for error messages. */
  label?: string;
  /** CSP nonce for the `<script>`; defaults to the nonce of a script already on the page. */
  nonce?: string;
  timeoutMs?: number;
  /** Stops this caller's wait (and its timer); the shared load goes on for others. */
  signal?: AbortSignal;
  /** Makes the URL a Trusted Types value: the shell's policy, which the core has no copy of. */
  scriptURL?: (url: string) => unknown;
}

/** Pending loads per document and URL, so every chat on a page waits on one script. */
const loads = new WeakMap<Document, Map<string, Promise<void>>>();
/** The `<script>` each load inserted, removed when the load fails or stalls. */
const elements = new WeakMap<Promise<void>, HTMLScriptElement>();
/** Failed or stalled loads per document and URL, for a retry's URL (see `retryURL`). */
const failures = new WeakMap<Document, Map<string, number>>();

/**
 * Resolves once the script has run, or with `defines`, once that tag is defined in
 * `doc`. Rejects with a `ScriptLoadError` when the script fails to load, or when it is
 * not done after the timeout (a script that loaded but defined nothing, or one that is
 * still stuck). A failed load is forgotten, so calling again tries afresh.
 */
export function loadScript(doc: Document, options: ScriptLoadOptions = {}): Promise<void> {
  const win = doc.defaultView;
  if (!win) return Promise.reject(new ScriptLoadError('The document has no window.'));
  const { defines, label = 'The script' } = options;
  if (defines && win.customElements.get(defines)) return Promise.resolve();
  const src = new URL(options.src ?? CHATKIT_SCRIPT_URL, doc.baseURI).href;
  const timeoutMs = positive(options.timeoutMs) ?? DEFAULT_SCRIPT_TIMEOUT_MS;

  let perDoc = loads.get(doc);
  if (!perDoc) loads.set(doc, (perDoc = new Map()));
  const pending = perDoc;
  let shared = pending.get(src);
  if (!shared) {
    shared = insertScript(doc, win, src, options);
    pending.set(src, shared);
    shared.catch(() => forget(doc, pending, src, shared!, defines));
  }

  return new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new ScriptLoadError('The wait for ChatKit was cancelled.', 'cancelled'));
    };
    const timer = setTimeout(() => {
      done();
      // A stalled load is dropped, so that a retry inserts a fresh <script>.
      forget(doc, pending, src, shared!, defines);
      reject(
        new ScriptLoadError(
          `${label} did not start within ${timeoutMs / 1000} s: the script at ${src} is ` +
            `still loading${defines ? ` or loaded without defining <${defines}>` : ''}. Check the network ` +
            'panel for a blocked or very slow request.',
          'stalled',
        ),
      );
    }, timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    shared!.then(
      () => {
        done();
        resolve();
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

/** Drops a failed or stalled load (and its element), if it is still the current one. */
function forget(doc: Document, pending: Map<string, Promise<void>>, src: string, load: Promise<void>, defines?: string): void {
  if (pending.get(src) !== load) return;
  pending.delete(src);
  if (defines && doc.defaultView?.customElements.get(defines)) return;
  let failed = failures.get(doc);
  if (!failed) failures.set(doc, (failed = new Map()));
  failed.set(src, (failed.get(src) ?? 0) + 1);
  elements.get(load)?.remove();
}

function insertScript(doc: Document, win: Window, src: string, options: ScriptLoadOptions): Promise<void> {
  const { defines, nonce, label = 'The script' } = options;
  const defined = defines && win.customElements.whenDefined(defines).then(() => undefined);
  // A script the page added itself (or an earlier copy of this library) is enough.
  if (defined && [...doc.scripts].some((script) => script.src === src)) return defined;

  const url = retryURL(src, failures.get(doc)?.get(src));
  const script = scriptElement(doc, url, { nonce, ...(options.scriptURL && { scriptURL: options.scriptURL }) });
  if (!script) return Promise.reject(new ScriptLoadError(trustedTypesMessage(label), 'trusted-types'));
  const loaded = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      script.remove();
      reject(new ScriptLoadError(loadFailedMessage(label, src)));
    });
  });
  doc.head.append(script);
  // A script that defines a tag is done when the tag is; a load event alone proves little.
  const load = defined ? Promise.race([defined, loaded.then(() => new Promise<never>(() => {}))]) : loaded;
  elements.set(load, script);
  return load;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}
