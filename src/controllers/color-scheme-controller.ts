import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

/**
 * Tracks `prefers-color-scheme` while the host is connected and asks it to update when
 * the reader's system switches between light and dark, so `theme="auto"` follows live.
 */
export class ColorSchemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #query?: MediaQueryList;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True when the reader's system asks for a dark scheme. */
  get prefersDark(): boolean {
    return this.#query?.matches ?? false;
  }

  hostConnected(): void {
    this.#query = matchMedia('(prefers-color-scheme: dark)');
    this.#query.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#query?.removeEventListener('change', this.#onChange);
    this.#query = undefined;
  }
}
