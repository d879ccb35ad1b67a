/**
 * The part of `<chatkit-embed>` that talks to ChatKit: it resolves the backend, fetches
 * and refreshes secrets, waits for OpenAI's script, mounts `openai-chatkit` and keeps its
 * options in step with the element.
 *
 * It is loaded only when a chat starts (a separate chunk in the npm build, a second
 * script next to the script-tag bundle), so a launcher that is never opened costs the
 * page only the element's shell. It never constructs the element's public error or
 * event classes: it reports plain data through `ConnectorHost`, and the shell turns
 * that into `ChatKitEmbedError`s and events, so there is one copy of each class however
 * the two parts were loaded.
 */
import type { ChatKitOptions, OpenAIChatKit } from '@openai/chatkit';
import { parseAttributes, stringsIssues, type ConfigIssue, type ParsedAttributes } from '../element/attribute-parsers.js';
import { createAuthFetch } from './auth-fetch.js';
import { backendIdentity, resolveBackend, type Backend } from './backend.js';
import type { ConnectorHost, Failure, HostElement } from './host.js';
import { forwardChatKitEvents } from './chatkit-events.js';
import { diagnose, isLocalHostname, isPlaceholderDomainKey } from '../diagnostics/diagnostics.js';
import {
  redact,
  removedOptions,
  safeUrl,
  scriptDiagnosis,
  sessionDiagnosis,
  withoutRemovedOptions,
} from '../diagnostics/failure-diagnosis.js';
import { buildOptions, sameOptions, snapshot } from './options-builder.js';
import { chatKitLocale } from '../i18n/chatkit-locale.js';
import { pageLanguage } from '../i18n/languages.js';
import { MediaQueryController } from '../element/media-query-controller.js';
import { CHATKIT_TAG, loadScript, type ScriptLoadError } from './script-loader.js';
import { apiKeyMessage, findApiKey, looksLikeApiKey } from '../secrets/secret-guard.js';
import { SecretSource, SessionError } from '../secrets/secret-source.js';

export class Connector {
  readonly #host: ConnectorHost;
  readonly #el: HostElement;
  #inner?: OpenAIChatKit;
  #unforward?: () => void;
  #source?: SecretSource;
  #backend?: Backend;
  #parsed: ParsedAttributes = {};
  #sentOptions?: ChatKitOptions;
  /** The thread this run opens when the page names none, fixed at mount (see `apply`). */
  #fallbackThread?: string;
  /** Bumped on every start and stop, so late async results of an old run are dropped. */
  #run = 0;
  /** Aborted on stop: ends the current run's waits. */
  #runAbort?: AbortController;
  #readyTimer?: ReturnType<typeof setTimeout>;
  readonly #reportedIssues = new Set<string>();
  readonly #colorScheme: MediaQueryController;

  // Stable function identities: `setOptions` runs again only when something changed.
  readonly #getClientSecretForChatKit = (current: string | null) => this.#secretFor(current);
  readonly #authFetch = createAuthFetch({ get: (current) => this.#secretFor(current) }, (input, init) => this.#baseFetch()(input, init));
  /** Every request ChatKit makes to a self-hosted backend, watched for refusals. */
  readonly #watchedFetch: typeof fetch = async (input, init) => {
    const response = await (this.#backend?.mode === 'self-hosted' && this.#backend.tokenUrl ? this.#authFetch : this.#baseFetch())(
      input,
      init,
    );
    if (response.status === 401 || response.status === 403) {
      const url = safeUrl(String(this.#el.apiUrl ?? (input instanceof Request ? input.url : input)), document.baseURI);
      this.#host.onDiagnostic(diagnose('backend-unauthorized', { url, status: response.status }));
    }
    return response;
  };

  constructor(host: ConnectorHost) {
    this.#host = host;
    this.#el = host.element;
    // `theme="auto"` follows the reader's colour scheme live: a change updates the
    // element, and `apply` sends ChatKit the other scheme.
    this.#colorScheme = new MediaQueryController(host.element, () => '(prefers-color-scheme: dark)');
  }

  /**
   * Takes in a change of the element's properties (from its `willUpdate`): when one of
   * them is configuration, reports attribute problems and restarts when the backend
   * changed or a configuration error may have been fixed.
   */
  configure(changed: Iterable<PropertyKey>): void {
    if (![...changed].some((key) => !VIEW_ONLY.has(key as string))) return;
    const keyAt = this.#parse();
    const el = this.#el;
    if (el.state === 'error' && el.error?.code === 'config-invalid') {
      this.#host.restart(); // the page may have fixed its configuration
    } else if (keyAt) {
      this.stop();
      this.#host.onFailure(keyFailure(keyAt), true);
    } else if (el.state !== 'idle' && backendIdentity(this.#resolveBackend().backend) !== backendIdentity(this.#backend)) {
      this.#host.restart(); // a different backend means a different chat
    }
  }

  /** Starts a run: the ChatKit script and the first secret load in parallel. */
  async start(): Promise<void> {
    this.stop();
    const run = this.#run;
    const abort = new AbortController();
    this.#runAbort = abort;
    const el = this.#el;
    const keyAt = this.#parse();
    if (keyAt) return this.#host.onFailure(keyFailure(keyAt), true);
    const { backend, issue } = this.#resolveBackend();
    if (!backend) {
      const diagnostic =
        issue!.attribute === 'domain-key' || issue!.attribute === 'options.api.domainKey'
          ? diagnose('domain-key-missing')
          : diagnose('config-missing', { reason: issue!.message });
      return this.#host.onFailure({ code: 'config-invalid', message: issue!.message, attribute: issue!.attribute, diagnostic }, true);
    }
    this.#backend = backend;
    for (const diagnostic of removedOptions(el.options)) this.#host.onDiagnostic(diagnostic);
    const hostname = location.hostname;
    if (backend.mode === 'self-hosted' && !isLocalHostname(hostname) && isPlaceholderDomainKey(backend.domainKey)) {
      this.#host.onDiagnostic(diagnose('domain-key-placeholder', { key: backend.domainKey, host: hostname }));
    }
    const secretUrl =
      backend.mode === 'self-hosted' ? backend.tokenUrl : backend.mode === 'hosted' && !backend.custom ? backend.sessionUrl : undefined;
    if (secretUrl) {
      this.#source = new SecretSource({
        url: secretUrl,
        request: () => ({
          ...(el.sessionHeaders && { headers: el.sessionHeaders }),
          credentials: el.sessionCredentials,
          body: el.sessionBody ?? {},
        }),
        timeoutMs: el.sessionTimeout,
        onRefreshError: (error) => this.#host.onFailure(this.#sessionFailed(error), false),
        onRequest: () => this.#host.log('element', 'secret.requested', { url: safeUrl(secretUrl, document.baseURI) }),
        onSecret: (expiresAtMs) => {
          this.#host.log('element', 'secret.received', {
            expiresInSeconds: expiresAtMs === undefined ? null : Math.round((expiresAtMs - Date.now()) / 1000),
          });
          if (expiresAtMs !== undefined && expiresAtMs <= Date.now()) this.#host.onDiagnostic(diagnose('session-expired'));
        },
      });
    }
    // Which scripts the page's CSP refused while this one loads: the browser's only
    // sign that a failed load was a policy and not the network.
    const blocked: string[] = [];
    const onViolation = (event: SecurityPolicyViolationEvent) => blocked.push(event.blockedURI);
    document.addEventListener('securitypolicyviolation', onViolation);
    const src = new URL(el.scriptSrc, document.baseURI).href;
    const shownSrc = safeUrl(src, src);
    this.#host.log('element', 'script.requested', { src: shownSrc });
    const script = loadScript(document, {
      src,
      nonce: el.nonce,
      timeoutMs: el.loadTimeout,
      signal: abort.signal,
      defines: CHATKIT_TAG,
      label: 'The ChatKit script',
      scriptURL: (url) => this.#host.scriptURL(url),
    }).then(
      () => {
        document.removeEventListener('securitypolicyviolation', onViolation);
        this.#host.log('element', 'script.defined', { src: shownSrc });
        if (run === this.#run) this.#host.onScriptLoad(el.scriptSrc);
      },
      async (error: ScriptLoadError): Promise<never> => {
        // Violation reports are queued as tasks of their own; let them land first.
        await new Promise((resolve) => setTimeout(resolve));
        document.removeEventListener('securitypolicyviolation', onViolation);
        const byCsp = blocked.some((uri) => uri && src.startsWith(uri));
        const diagnostic = scriptDiagnosis(error, shownSrc, byCsp, el.loadTimeout);
        throw {
          code: 'script-load-failed',
          message: byCsp ? diagnostic.message : error.message,
          cause: error,
          diagnostic,
        } satisfies Failure;
      },
    );
    const secret = this.#source?.get(null).catch((error: SessionError) => {
      throw this.#sessionFailed(error);
    });
    try {
      await Promise.all([script, secret]);
    } catch (failure) {
      if (run !== this.#run) return;
      // Whichever of the two failed, the other need not go on (a retry starts both again).
      abort.abort();
      this.#source?.dispose();
      return this.#host.onFailure(failure as Failure, true);
    }
    if (run !== this.#run) return;
    await el.updateComplete;
    if (run === this.#run) this.#mount(run);
  }

  /** Ends the current run: timers, requests, listeners and the `openai-chatkit` element. */
  stop(): void {
    this.#run++;
    this.#runAbort?.abort();
    this.#runAbort = undefined;
    clearTimeout(this.#readyTimer);
    this.#source?.dispose();
    this.#source = undefined;
    this.#unforward?.();
    this.#unforward = undefined;
    this.#inner?.remove();
    this.#inner = undefined;
    this.#sentOptions = undefined;
    this.#backend = undefined;
  }

  /** Sends ChatKit the full option set, unless nothing changed since the last time. */
  apply(): void {
    const inner = this.#inner;
    if (!inner || !this.#backend) return;
    // The fallback is read once per run: re-reading it would send ChatKit a new
    // initialThread (and whole new options) each time the reader switches threads.
    const attributes = { ...this.#parsed };
    const threadId = attributes.threadId ?? this.#fallbackThread;
    if (threadId && !this.#el.options?.initialThread) attributes.threadId = threadId;
    // Without a locale of its own, ChatKit would follow the browser while the element's
    // words follow the page: both follow the page's `lang` instead.
    const pageLocale = chatKitLocale(pageLanguage(this.#el));
    if (!attributes.locale && !this.#el.options?.locale && pageLocale) attributes.locale = pageLocale;
    const next = buildOptions({
      options: this.#el.options && withoutRemovedOptions(this.#el.options),
      attributes,
      api: this.#api(this.#backend),
      prefersDark: this.#colorScheme.matches,
    });
    if (this.#sentOptions && sameOptions(this.#sentOptions, next)) return;
    // A copy: the page may change its options objects in place later.
    this.#sentOptions = snapshot(next);
    try {
      inner.setOptions(next);
      this.#host.log('element', 'options.sent', { keys: Object.keys(next) });
    } catch (error) {
      this.#host.onFailure(
        {
          code: 'config-invalid',
          message: `ChatKit refused the options: ${(error as Error).message}`,
          attribute: 'options',
          cause: error,
        },
        true,
      );
    }
  }

  #mount(run: number): void {
    const inner = document.createElement(CHATKIT_TAG) as OpenAIChatKit;
    this.#inner = inner;
    this.#fallbackThread = this.#host.fallbackThreadId ?? undefined;
    this.#unforward = forwardChatKitEvents(inner, this.#el, (event) => {
      if (event.type === 'chatkit.log' || event.type === 'chatkit.error') {
        this.#host.log('chatkit', event.type, redact(event.detail));
      }
      if (event.type === 'chatkit.error') {
        const error = (event.detail as { error?: unknown } | null)?.error;
        const message = String(redact(error instanceof Error ? error.message : String(error ?? 'unknown error')));
        this.#host.onDiagnostic(diagnose('chatkit-error', { error: message }));
      }
      if (event.type === 'chatkit.ready' && run === this.#run && this.#el.state === 'loading') {
        clearTimeout(this.#readyTimer);
        this.#host.onReady(inner);
        this.#checkBox();
      }
    });
    const timeoutMs = this.#el.loadTimeout > 0 ? this.#el.loadTimeout : 30_000;
    this.#readyTimer = setTimeout(() => {
      if (run !== this.#run || this.#el.state !== 'loading') return;
      const diagnostic = diagnose('chatkit-not-ready', { seconds: timeoutMs / 1000 });
      this.#host.onFailure({ code: 'not-ready', message: diagnostic.message, diagnostic }, true);
    }, timeoutMs);
    this.#host.chatBox.replaceChildren(inner);
    this.#host.log('element', 'chatkit.mounted');
    this.apply();
    this.#checkBox();
  }

  /** An inline chat in a box nobody can see is the classic blank chat; say so. */
  #checkBox(): void {
    const el = this.#el;
    if (el.mode !== 'inline') return;
    if (!el.getClientRects().length) this.#host.onDiagnostic(diagnose('host-hidden'));
    else if (el.getBoundingClientRect().height < 1) this.#host.onDiagnostic(diagnose('host-no-height'));
  }

  #sessionFailed(error: SessionError): Failure {
    const el = this.#el;
    const url = String(this.#backend?.mode === 'self-hosted' ? this.#backend.tokenUrl : el.sessionUrl);
    const diagnostic = sessionDiagnosis(error, safeUrl(url, document.baseURI), location.origin, el.sessionTimeout);
    return { ...sessionFailed(error), ...(diagnostic && { diagnostic }) };
  }

  #api(backend: Backend): ChatKitOptions['api'] {
    if (backend.mode === 'options') return backend.api;
    if (backend.mode === 'hosted') return { getClientSecret: this.#getClientSecretForChatKit };
    const base = this.#el.options?.api;
    // ChatKit's own fetch unless the element has a reason to step in (bearer tokens, or
    // the page's own fetch); then every response is watched for refusals.
    const stepIn = backend.tokenUrl || (base && 'url' in base && base.fetch);
    return {
      ...(base && 'url' in base ? base : {}),
      url: backend.url,
      domainKey: backend.domainKey,
      ...(stepIn && { fetch: this.#watchedFetch }),
    };
  }

  /** Hosted secrets and self-hosted tokens, as ChatKit (or the auth fetch) asks for them. */
  async #secretFor(current: string | null): Promise<string> {
    const run = this.#run;
    const backend = this.#backend;
    const el = this.#el;
    try {
      const own = backend?.mode === 'hosted' && backend.custom ? el.getClientSecret : null;
      const source = this.#source;
      if (!own && !source) throw new SessionError('aborted', 'The chat was removed before a session was ready.');
      const secret = own ? await own(current) : await source!.get(current);
      if (looksLikeApiKey(secret)) {
        throw new SessionError('api-key', apiKeyMessage('The secret returned by getClientSecret'));
      }
      return secret;
    } catch (error) {
      const failure: Failure =
        error instanceof SessionError
          ? this.#sessionFailed(error)
          : { code: 'session-failed', message: 'The getClientSecret function failed.', cause: error };
      // Failures of a run that has since ended (retry, new backend, removal) are not news.
      const stale = run !== this.#run || !el.isConnected;
      if (!stale && !(error instanceof SessionError && error.reason === 'aborted')) {
        this.#host.onFailure(failure, el.state !== 'ready');
      }
      throw this.#host.error(failure);
    }
  }

  #baseFetch(): typeof fetch {
    const base = this.#el.options?.api;
    return base && 'url' in base && base.fetch ? base.fetch : globalThis.fetch.bind(globalThis);
  }

  #resolveBackend() {
    const el = this.#el;
    return resolveBackend({
      sessionUrl: el.sessionUrl,
      apiUrl: el.apiUrl,
      domainKey: el.domainKey,
      hasSecretFunction: typeof el.getClientSecret === 'function',
      optionsApi: el.options?.api,
    });
  }

  /**
   * Parses the attributes and reports their problems once each. Returns where an OpenAI
   * API key sits in the configuration, if anywhere: then the chat stops anyway, and
   * reporting also its attribute problems would only add noise.
   */
  #parse(): string | undefined {
    const { value, issues } = parseAttributes(this.#el);
    issues.push(...stringsIssues(this.#el.strings, this.#el.getAttribute('strings')));
    this.#parsed = value;
    const keyAt = this.#findApiKey();
    if (!keyAt) for (const issue of issues) this.#reportIssueOnce(issue);
    return keyAt;
  }

  #findApiKey(): string | undefined {
    const el = this.#el;
    for (const name of el.getAttributeNames()) {
      if (looksLikeApiKey(el.getAttribute(name))) return name;
    }
    return (
      findApiKey(el.options, 'options') ?? findApiKey(el.sessionHeaders, 'sessionHeaders') ?? findApiKey(el.sessionBody, 'sessionBody')
    );
  }

  #reportIssueOnce(issue: ConfigIssue): void {
    const key = `${issue.attribute}\u0000${issue.message}`;
    if (this.#reportedIssues.has(key)) return;
    this.#reportedIssues.add(key);
    this.#host.onFailure(
      {
        code: 'config-invalid',
        message: issue.message,
        attribute: issue.attribute,
        diagnostic: diagnose('attribute-invalid', { reason: issue.message, attribute: issue.attribute }),
      },
      false,
    );
  }
}

/**
 * Properties that change only what the element's own views show, never ChatKit's
 * options: the element's state among them, so showing an error never restarts a chat.
 */
const VIEW_ONLY = new Set<string>([
  '_state',
  '_error',
  '_unread',
  'opened',
  'label',
  'strings',
  'position',
  'fullscreenWidth',
  'loading',
  'remember',
  'debug',
  'log',
]);

function keyFailure(attribute: string): Failure {
  return {
    code: 'config-invalid',
    message: apiKeyMessage(attribute),
    attribute,
    diagnostic: diagnose('api-key-exposed', { where: attribute }),
  };
}

function sessionFailed(error: SessionError): Failure {
  return {
    code: 'session-failed',
    message: error.message,
    ...(error.status !== undefined && { status: error.status }),
    cause: error,
  };
}
