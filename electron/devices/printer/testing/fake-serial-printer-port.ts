/**
 * A serial port with a printer behind it, for the serial transport's tests: records writes, answers DLE EOT from a
 * FakePrinterState, and can be unplugged (emits close) or refuse to open.
 */
import { fakeStatusByte, HEALTHY_PRINTER, type FakePrinterState } from './fake-network-printer';
import type { OpenPrinterSerialPort, PrinterSerialPort } from '../transports/serial';

type Listener = (...args: unknown[]) => void;

export class FakeSerialPrinterPort implements PrinterSerialPort {
  state: FakePrinterState = { ...HEALTHY_PRINTER };
  /** Job and status bytes, in order. */
  readonly written: number[] = [];
  /** Hold drain callbacks (a printer holding flow control). */
  stalled = false;
  closed = false;
  readonly #listeners = new Map<string, Set<Listener>>();

  on(event: 'data' | 'close' | 'error', listener: Listener): this {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(event, set);
    return this;
  }

  write(data: Uint8Array, callback: (error: Error | null | undefined) => void): boolean {
    this.written.push(...data);
    callback(null);
    for (let i = 0; i + 2 < data.length; i++) {
      if (data[i] === 0x10 && data[i + 1] === 0x04) {
        const answer = Buffer.of(fakeStatusByte(data[i + 2] ?? 0, this.state));
        queueMicrotask(() => {
          this.#emit('data', answer);
        });
      }
    }
    return true;
  }

  drain(callback: (error: Error | null) => void): void {
    if (!this.stalled) {
      callback(null);
    }
  }

  close(callback: (error: Error | null) => void): void {
    this.closed = true;
    callback(null);
    this.#emit('close');
  }

  /** The adapter was pulled out. */
  unplug(): void {
    this.closed = true;
    this.#emit('close');
  }

  #emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      listener(...args);
    }
  }
}

/** An opener that hands out fresh fake ports, or fails like a missing device while `missing` is set. */
export function fakeSerialOpener(): {
  open: OpenPrinterSerialPort;
  ports: FakeSerialPrinterPort[];
  setMissing: (missing: boolean) => void;
} {
  const ports: FakeSerialPrinterPort[] = [];
  let missing = false;
  return {
    ports,
    setMissing: (value) => {
      missing = value;
    },
    open: (path) => {
      if (missing) {
        return Promise.reject(new Error(`Could not open ${path}: No such file or directory`));
      }
      const port = new FakeSerialPrinterPort();
      ports.push(port);
      return Promise.resolve(port);
    },
  };
}
