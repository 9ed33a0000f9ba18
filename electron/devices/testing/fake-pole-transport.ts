/** Test double for a pole display's port: records the bytes written; can be told to fail. */
import type { PoleTransport } from '../pole/transports';

export class FakePoleTransport implements PoleTransport {
  readonly writes: Uint8Array[] = [];
  closed = false;
  failWith: Error | undefined;

  write(bytes: Uint8Array): Promise<void> {
    if (this.failWith) {
      return Promise.reject(this.failWith);
    }
    this.writes.push(Uint8Array.from(bytes));
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Everything written so far, as one byte array. */
  all(): Uint8Array {
    return Uint8Array.from(this.writes.flatMap((w) => [...w]));
  }
}
