import type { ReactiveController, ReactiveElement } from '@lit/reactive-element';

/**
 * When a chat starts loading (OpenAI's script, the first session request):
 * - `eager`: as soon as the element is on the page;
 * - `lazy`: when the element comes within a screen of the viewport;
 * - `intent`: when the reader shows interest, by pointing at, touching or focusing the
 *   element (the launcher button), so a launcher nobody uses costs nothing.
 */
export type LoadingPolicy = 'eager' | 'lazy' | 'intent';

export class LoadingPolicyController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #onTrigger: () => void;
  #observer?: IntersectionObserver;
  #armed = false;
  readonly #trigger = () => {
    if (!this.#armed) return;
    this.disarm();
    this.#onTrigger();
  };

  constructor(host: ReactiveElement, onTrigger: () => void) {
    this.#host = host;
    this.#onTrigger = onTrigger;
    host.addController(this);
  }

  /** Waits for the policy's moment, then calls `onTrigger` once. */
  arm(policy: LoadingPolicy): void {
    this.disarm();
    this.#armed = true;
    if (policy === 'eager' || (policy === 'lazy' && typeof IntersectionObserver !== 'function')) {
      return this.#trigger();
    }
    if (policy === 'lazy') {
      // A screen's height of margin: the chat is ready by the time it scrolls into view.
      this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#trigger(), {
        rootMargin: '100% 0px',
      });
      this.#observer.observe(this.#host);
      return;
    }
    for (const type of INTENT_EVENTS) this.#host.addEventListener(type, this.#trigger, { passive: true });
  }

  disarm(): void {
    this.#armed = false;
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const type of INTENT_EVENTS) this.#host.removeEventListener(type, this.#trigger);
  }

  hostDisconnected(): void {
    this.disarm();
  }
}

// `pointerover` and `focusin` bubble out of the shadow root; `pointerenter` would not.
const INTENT_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const;
