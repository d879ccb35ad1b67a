/**
 * Holds method calls made before ChatKit is ready and runs them, one after another and
 * in order, once it is. ChatKit's methods reject while it is busy, so queued calls
 * never run concurrently.
 */
export class ReadyGate<T> {
  #target?: T;
  #queue: Array<{ run: (target: T) => Promise<unknown>; resolve(v: unknown): void; reject(e: unknown): void }> = [];
  #draining = false;

  /** Runs `run` now if the target is open, else once it is. */
  call<R>(run: (target: T) => Promise<R>): Promise<R> {
    if (this.#target !== undefined && !this.#draining) return run(this.#target);
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  /** Opens the gate and drains the queue in order. */
  async open(target: T): Promise<void> {
    this.#target = target;
    if (this.#draining) return;
    this.#draining = true;
    while (this.#target === target && this.#queue.length) {
      const next = this.#queue.shift()!;
      await next.run(target).then(next.resolve, next.reject);
    }
    this.#draining = false;
  }

  /** Closes the gate and rejects everything still waiting with `reason`. */
  close(reason: unknown): void {
    this.#target = undefined;
    for (const pending of this.#queue.splice(0)) pending.reject(reason);
  }
}
