import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

/**
 * Tracks a media query while the host is connected and asks the host to update when
 * it starts or stops matching: `theme="auto"` follows the reader's colour scheme live,
 * and the launcher's panel goes full screen when the viewport narrows.
 */
export class MediaQueryController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #query: () => string;
  #list?: MediaQueryList;
  /** The query `#list` was made for; compared as text, so reading `matches` stays cheap. */
  #listening = '';
  readonly #onChange = () => this.#host.requestUpdate();

  /** `query` is read on connect and on every `matches`, so it may depend on the host's properties. */
  constructor(host: ReactiveControllerHost, query: () => string) {
    this.#host = host;
    this.#query = query;
    host.addController(this);
  }

  /** Whether the query matches now (false while disconnected). */
  get matches(): boolean {
    if (this.#list && this.#query() !== this.#listening) this.#listen();
    return this.#list?.matches ?? false;
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#list?.removeEventListener('change', this.#onChange);
    this.#list = undefined;
  }

  #listen(): void {
    this.hostDisconnected();
    this.#listening = this.#query();
    this.#list = matchMedia(this.#listening);
    this.#list.addEventListener('change', this.#onChange);
  }
}
