/**
 * Runs tasks one at a time per key, in call order. A failed task does not stop the ones queued behind it, and
 * its error still reaches its own caller. Keys whose queue is empty are forgotten, so a long-running till does
 * not keep one entry per payment it ever saw.
 */
export class KeyedSerialQueue<K = string> {
  readonly #tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) {
        this.#tails.delete(key);
      }
    });
    return result;
  }

  /** Resolves when everything queued so far under `key` has finished (successfully or not). */
  idle(key: K): Promise<void> {
    return (this.#tails.get(key) ?? Promise.resolve()).then(() => undefined);
  }

  /** How many keys have work queued or running. */
  get size(): number {
    return this.#tails.size;
  }
}

/** One queue for everything: a KeyedSerialQueue with a single key. */
export class SerialQueue {
  readonly #queue = new KeyedSerialQueue<0>();

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.#queue.run(0, task);
  }
}
