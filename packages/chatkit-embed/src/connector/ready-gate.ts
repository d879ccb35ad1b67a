/**
 * Holds method calls made before ChatKit is ready and runs them, one after another and
 * in order, once it is. ChatKit's methods reject while it is busy, so queued calls
 * never run concurrently.
 */
interface Pending<T> {
  run: (target: T) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class ReadyGate<T> {
  #target?: T;
  #queue: Array<Pending<T>> = [];
  #draining = false;

  /** Runs `run` now if the gate is open and idle, else once it is. Never throws synchronously. */
  call<R>(run: (target: T) => Promise<R>): Promise<R> {
    const target = this.#target;
    if (target !== undefined && !this.#draining) return invoke(run, target);
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Opens the gate on `target` and drains the queue in order. */
  open(target: T): Promise<void> {
    this.#target = target;
    return this.#drain();
  }

  /** Closes the gate; waiting calls stay queued for the next `open`. */
  reset(): void {
    this.#target = undefined;
  }

  /** Closes the gate and rejects everything still waiting with `reason`. */
  close(reason: unknown): void {
    this.#target = undefined;
    for (const pending of this.#queue.splice(0)) pending.reject(reason);
  }

  async #drain(): Promise<void> {
    if (this.#draining) return; // the running drain picks up the new target
    this.#draining = true;
    try {
      // The target is read afresh for each call: a reset stops the drain, a reopen
      // during a call continues it on the new target.
      while (this.#target !== undefined && this.#queue.length) {
        const next = this.#queue.shift()!;
        await invoke(next.run, this.#target).then(next.resolve, next.reject);
      }
    } finally {
      this.#draining = false;
    }
  }
}

/** Runs `run`, turning a synchronous throw into a rejection. */
function invoke<T, R>(run: (target: T) => Promise<R>, target: T): Promise<R> {
  return Promise.resolve().then(() => run(target));
}
