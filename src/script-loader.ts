/**
 * Loads OpenAI's ChatKit script, which defines `openai-chatkit`. One `<script>` per
 * document whatever the number of chats; none when the tag is already defined or the
 * page already has that script.
 */

export const CHATKIT_SCRIPT_URL = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
export const CHATKIT_TAG = 'openai-chatkit';
export const DEFAULT_SCRIPT_TIMEOUT_MS = 15_000;
/** The Trusted Types policy name a page that enforces them must allow. */
export const TRUSTED_TYPES_POLICY = 'chatkit-embed';

export class ScriptLoadError extends Error {
  override readonly name = 'ScriptLoadError';
}

export interface ScriptLoadOptions {
  src?: string;
  /** CSP nonce for the `<script>`; defaults to the nonce of a script already on the page. */
  nonce?: string;
  timeoutMs?: number;
  /** Stops this caller's wait (and its timer); the shared load goes on for others. */
  signal?: AbortSignal;
}

interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesWindow {
  trustedTypes?: {
    createPolicy(name: string, rules: { createScriptURL(url: string): string }): TrustedTypePolicyLike;
  };
}

/** Pending loads per document and URL, so every chat on a page waits on one script. */
const loads = new WeakMap<Document, Map<string, Promise<void>>>();
const policies = new WeakMap<Window, TrustedTypePolicyLike | null>();

/**
 * Resolves once `openai-chatkit` is defined in `doc`. Rejects with a `ScriptLoadError`
 * when the script fails to load, or when the tag is still undefined after the timeout
 * (a script that loaded but did nothing, or one that is still stuck). A failed load is
 * forgotten, so calling again tries afresh.
 */
export function loadChatKitScript(doc: Document, options: ScriptLoadOptions = {}): Promise<void> {
  const win = doc.defaultView;
  if (!win) return Promise.reject(new ScriptLoadError('The document has no window.'));
  if (win.customElements.get(CHATKIT_TAG)) return Promise.resolve();
  const src = new URL(options.src ?? CHATKIT_SCRIPT_URL, doc.baseURI).href;
  const timeoutMs = positive(options.timeoutMs) ?? DEFAULT_SCRIPT_TIMEOUT_MS;

  let perDoc = loads.get(doc);
  if (!perDoc) loads.set(doc, (perDoc = new Map()));
  const pending = perDoc;
  let shared = pending.get(src);
  if (!shared) {
    shared = insertScript(doc, win, src, options.nonce);
    pending.set(src, shared);
    shared.catch(() => forget(doc, pending, src, shared!));
  }

  return new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new ScriptLoadError('The wait for ChatKit was cancelled.'));
    };
    const timer = setTimeout(() => {
      done();
      // A stalled load is dropped, so that a retry inserts a fresh <script>.
      forget(doc, pending, src, shared!);
      reject(
        new ScriptLoadError(
          `ChatKit did not start within ${timeoutMs / 1000} s: the script at ${src} is ` +
            'still loading or loaded without defining <openai-chatkit>. Check the network ' +
            'panel for a blocked or very slow request.',
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
function forget(doc: Document, pending: Map<string, Promise<void>>, src: string, load: Promise<void>): void {
  if (pending.get(src) !== load) return;
  pending.delete(src);
  const win = doc.defaultView;
  if (win?.customElements.get(CHATKIT_TAG)) return;
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[data-chatkit-embed]')) {
    if (script.src === src) script.remove();
  }
}

function insertScript(doc: Document, win: Window, src: string, nonce?: string): Promise<void> {
  const defined = win.customElements.whenDefined(CHATKIT_TAG).then(() => undefined);
  // A script the page added itself (or an earlier copy of this library) is enough.
  const existing = [...doc.scripts].find((script) => script.src === src);
  if (existing) return defined;

  const script = doc.createElement('script');
  const failed = new Promise<never>((_, reject) => {
    script.addEventListener('error', () => {
      script.remove();
      reject(
        new ScriptLoadError(
          `The ChatKit script failed to load from ${src}: the browser is offline, an ad ` +
            "or content blocker stopped it, or the page's Content-Security-Policy does not " +
            'allow it (script-src https://cdn.platform.openai.com).',
        ),
      );
    });
  });
  script.async = true;
  script.dataset.chatkitEmbed = '';
  const pageNonce = nonce || doc.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (pageNonce) script.nonce = pageNonce;
  try {
    // Pages that enforce Trusted Types refuse a plain string here.
    (script as { src: unknown }).src = trustedScriptURL(win, src);
  } catch {
    return Promise.reject(
      new ScriptLoadError(
        'The page enforces Trusted Types and refused the ChatKit script URL. Allow the ' +
          `"${TRUSTED_TYPES_POLICY}" policy in its trusted-types directive.`,
      ),
    );
  }
  doc.head.append(script);
  return Promise.race([defined, failed]);
}

function trustedScriptURL(win: Window, url: string): unknown {
  const tt = (win as TrustedTypesWindow).trustedTypes;
  if (!tt) return url;
  if (!policies.has(win)) {
    let policy: TrustedTypePolicyLike | null = null;
    try {
      // The policy passes the URL through: it exists so pages can allow us by name.
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (value) => value });
    } catch {
      // Not allowed by the page's CSP; a default policy may still accept the string.
    }
    policies.set(win, policy);
  }
  return policies.get(win)?.createScriptURL(url) ?? url;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}
