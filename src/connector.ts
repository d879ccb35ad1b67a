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
import { parseAttributes, type ConfigIssue, type ParsedAttributes } from './attribute-parsers.js';
import { createAuthFetch } from './auth-fetch.js';
import { backendIdentity, resolveBackend, type Backend } from './backend.js';
import type { ChatKitEmbed } from './chatkit-embed.js';
import { forwardChatKitEvents } from './chatkit-events.js';
import type { ChatKitEmbedErrorInit, ChatKitEmbedErrorCode } from './errors.js';
import { buildOptions, sameOptions, snapshot } from './options-builder.js';
import { CHATKIT_TAG, type ScriptLoadOptions } from './script-loader.js';
import { apiKeyMessage, findApiKey, looksLikeApiKey } from './secret-guard.js';
import { SecretSource, SessionError } from './secret-source.js';

/** A failure as plain data; the shell makes a `ChatKitEmbedError` of it. */
export interface Failure extends ChatKitEmbedErrorInit {
  code: ChatKitEmbedErrorCode;
  message: string;
}

/** What the connector needs from the element's shell. */
export interface ConnectorHost {
  /** The element: its configuration properties, attributes and events. */
  readonly element: ChatKitEmbed;
  /** The box `openai-chatkit` goes into. */
  readonly chatBox: HTMLElement;
  readonly prefersDark: boolean;
  /** A thread to open when the page names none (the launcher's remembered thread). */
  readonly fallbackThreadId: string | null;
  /** Loads a script through the shell's loader (one CSP nonce and Trusted Types policy). */
  loadScript(options: ScriptLoadOptions): Promise<void>;
  /** The shell's error object for a failure, to throw to ChatKit. */
  error(failure: Failure): Error;
  /** Starts the chat over (a new backend, a fixed configuration). */
  restart(): void;
  onScriptLoad(src: string): void;
  onReady(chatkit: OpenAIChatKit): void;
  onFailure(failure: Failure, fatal: boolean): void;
}

export class Connector {
  readonly #host: ConnectorHost;
  readonly #el: ChatKitEmbed;
  #inner?: OpenAIChatKit;
  #unforward?: () => void;
  #source?: SecretSource;
  #backend?: Backend;
  #parsed: ParsedAttributes = {};
  #sentOptions?: ChatKitOptions;
  /** Bumped on every start and stop, so late async results of an old run are dropped. */
  #run = 0;
  /** Aborted on stop: ends the current run's waits. */
  #runAbort?: AbortController;
  #readyTimer?: ReturnType<typeof setTimeout>;
  readonly #reportedIssues = new Set<string>();

  // Stable function identities: `setOptions` runs again only when something changed.
  readonly #getClientSecretForChatKit = (current: string | null) => this.#secretFor(current);
  readonly #authFetch = createAuthFetch(
    { get: (current) => this.#secretFor(current) },
    (input, init) => this.#baseFetch()(input, init),
  );

  constructor(host: ConnectorHost) {
    this.#host = host;
    this.#el = host.element;
    this.#parse();
  }

  /**
   * Takes in a change of the element's configuration (from its `willUpdate`): reports
   * attribute problems and restarts when the backend changed or a configuration error
   * may have been fixed.
   */
  configure(): void {
    const keyAt = this.#parse();
    const el = this.#el;
    if (el.state === 'error' && el.error?.code === 'config-invalid') {
      this.#host.restart(); // the page may have fixed its configuration
    } else if (keyAt) {
      this.stop();
      this.#host.onFailure(keyFailure(keyAt), true);
    } else if (
      el.state !== 'idle' &&
      backendIdentity(this.#resolveBackend().backend) !== backendIdentity(this.#backend)
    ) {
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
      return this.#host.onFailure({ code: 'config-invalid', message: issue!.message, attribute: issue!.attribute }, true);
    }
    this.#backend = backend;
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
        onRefreshError: (error) => this.#host.onFailure(sessionFailed(error), false),
      });
    }
    const script = this.#host
      .loadScript({ src: el.scriptSrc, timeoutMs: el.loadTimeout, signal: abort.signal, defines: CHATKIT_TAG, label: 'The ChatKit script' })
      .then(
        () => {
          if (run === this.#run) this.#host.onScriptLoad(el.scriptSrc);
        },
        (error: Error): never => {
          throw { code: 'script-load-failed', message: error.message, cause: error } satisfies Failure;
        },
      );
    const secret = this.#source?.get(null).catch((error: SessionError) => {
      throw sessionFailed(error);
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
    const threadId = this.#parsed.threadId ?? this.#host.fallbackThreadId ?? undefined;
    const next = buildOptions({
      options: this.#el.options,
      attributes: threadId && !this.#el.options?.initialThread ? { ...this.#parsed, threadId } : this.#parsed,
      api: this.#api(this.#backend),
      prefersDark: this.#host.prefersDark,
    });
    if (this.#sentOptions && sameOptions(this.#sentOptions, next)) return;
    // A copy: the page may change its options objects in place later.
    this.#sentOptions = snapshot(next);
    try {
      inner.setOptions(next);
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
    this.#unforward = forwardChatKitEvents(inner, this.#el, (event) => {
      if (event.type === 'chatkit.ready' && run === this.#run && this.#el.state === 'loading') {
        clearTimeout(this.#readyTimer);
        this.#host.onReady(inner);
      }
    });
    const timeoutMs = this.#el.loadTimeout > 0 ? this.#el.loadTimeout : 30_000;
    this.#readyTimer = setTimeout(() => {
      if (run !== this.#run || this.#el.state !== 'loading') return;
      this.#host.onFailure(
        {
          code: 'not-ready',
          message:
            `ChatKit loaded but was not ready within ${timeoutMs / 1000} s. Check the browser console ` +
            "and the network panel for errors from ChatKit's frame or your backend.",
        },
        true,
      );
    }, timeoutMs);
    this.#host.chatBox.replaceChildren(inner);
    this.apply();
  }

  #api(backend: Backend): ChatKitOptions['api'] {
    if (backend.mode === 'options') return backend.api;
    if (backend.mode === 'hosted') return { getClientSecret: this.#getClientSecretForChatKit };
    const base = this.#el.options?.api;
    const fetch = backend.tokenUrl ? this.#authFetch : base && 'url' in base ? base.fetch : undefined;
    return {
      ...(base && 'url' in base ? base : {}),
      url: backend.url,
      domainKey: backend.domainKey,
      ...(fetch && { fetch }),
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
          ? sessionFailed(error)
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
      findApiKey(el.options, 'options') ??
      findApiKey(el.sessionHeaders, 'sessionHeaders') ??
      findApiKey(el.sessionBody, 'sessionBody')
    );
  }

  #reportIssueOnce(issue: ConfigIssue): void {
    const key = `${issue.attribute}\u0000${issue.message}`;
    if (this.#reportedIssues.has(key)) return;
    this.#reportedIssues.add(key);
    this.#host.onFailure({ code: 'config-invalid', message: issue.message, attribute: issue.attribute }, false);
  }
}

function keyFailure(attribute: string): Failure {
  return { code: 'config-invalid', message: apiKeyMessage(attribute), attribute };
}

function sessionFailed(error: SessionError): Failure {
  return {
    code: 'session-failed',
    message: error.message,
    ...(error.status !== undefined && { status: error.status }),
    cause: error,
  };
}
