import type { ReactiveController, ReactiveElement } from '@lit/reactive-element';

/**
 * Keeps focus inside the host while `active()` says so: focus that lands anywhere else
 * in the document (Tab out of ChatKit's frame, a click on the page behind) is sent to
 * `fallback()`. The launcher's full-screen panel uses it, since it covers the page: a
 * reader must not tab into what they cannot see.
 */
export class FocusTrapController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #active: () => boolean;
  readonly #fallback: () => HTMLElement | undefined;
  readonly #onFocusIn = (event: FocusEvent) => {
    if (!this.#active()) return;
    // Focus inside the shadow root is retargeted to the host at the document.
    if (event.target === this.#host) return;
    this.#fallback()?.focus();
  };

  constructor(host: ReactiveElement, active: () => boolean, fallback: () => HTMLElement | undefined) {
    this.#host = host;
    this.#active = active;
    this.#fallback = fallback;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.ownerDocument.addEventListener('focusin', this.#onFocusIn);
  }

  hostDisconnected(): void {
    this.#host.ownerDocument.removeEventListener('focusin', this.#onFocusIn);
  }
}
