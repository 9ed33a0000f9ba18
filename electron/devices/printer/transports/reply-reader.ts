/**
 * Collects the bytes a printer sends back (stream transports: TCP, serial) and hands the first `length` of them to
 * the one waiting status read, or fails it on timeout or when the link drops. Bytes nobody waits for are dropped.
 */
import { PrinterTransportError } from './transport';

interface Waiter {
  length: number;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: PrinterTransportError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ReplyReader {
  #buffer: number[] = [];
  #waiter: Waiter | undefined;

  /** Forgets earlier bytes: the next expect() sees only what arrives after this. */
  clear(): void {
    this.#buffer = [];
  }

  push(chunk: Uint8Array): void {
    if (!this.#waiter) {
      return;
    }
    this.#buffer.push(...chunk);
    this.#settle();
  }

  expect(length: number, timeoutMs: number, what: string): Promise<Uint8Array> {
    if (this.#waiter) {
      return Promise.reject(new Error('ReplyReader: one status read at a time'));
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(
          new PrinterTransportError('timeout', `${what}: no status answer in ${String(timeoutMs)} ms`),
        );
      }, timeoutMs);
      this.#waiter = { length, resolve, reject, timer };
      this.#settle();
    });
  }

  /** Fails the waiting read, if any (link dropped, closed, timed out). */
  fail(error: PrinterTransportError): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    this.#buffer = [];
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  #settle(): void {
    const waiter = this.#waiter;
    if (waiter && this.#buffer.length >= waiter.length) {
      this.#waiter = undefined;
      clearTimeout(waiter.timer);
      const answer = Uint8Array.from(this.#buffer.slice(0, waiter.length));
      this.#buffer = [];
      waiter.resolve(answer);
    }
  }
}
