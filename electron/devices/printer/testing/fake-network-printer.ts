/**
 * A network receipt printer on 127.0.0.1 for transport, queue and e2e tests: it records every byte it receives,
 * answers DLE EOT queries from a status the test sets, and can be told to misbehave:
 * - `refuse`: stops listening (connects fail with ECONNREFUSED) until `recover()` listens again on the same port;
 * - `drop`: accepts, then resets a connection once it has received `dropAfterBytes` more bytes (mid-job);
 * - `silent`: accepts and records but never answers a status query (a half-dead printer: status times out).
 * `waitFor(predicate)` resolves when the predicate holds after any event, so tests never sleep.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface FakePrinterState {
  online: boolean;
  paperOut: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  /** Drawer pin 3 high. */
  drawerPin3High: boolean;
  error: boolean;
}

export type FakePrinterFault = 'none' | 'refuse' | 'drop' | 'silent';

/** A printer with paper, cover closed, online: every fake printer starts so. */
export const HEALTHY_PRINTER: Readonly<FakePrinterState> = {
  online: true,
  paperOut: false,
  coverOpen: false,
  paperNearEnd: false,
  drawerPin3High: false,
  error: false,
};

/** The answer byte of DLE EOT n for a state (bit table in ../status.ts). */
export function fakeStatusByte(n: number, state: FakePrinterState): number {
  let byte = 0b0001_0010;
  const set = (bit: number, on: boolean) => {
    if (on) {
      byte |= 1 << bit;
    }
  };
  const offline = !state.online || state.paperOut || state.coverOpen || state.error;
  if (n === 1) {
    set(2, state.drawerPin3High);
    set(3, offline);
  } else if (n === 2) {
    set(2, state.coverOpen);
    set(5, state.paperOut);
    set(6, state.error);
  } else if (n === 3) {
    set(6, state.error);
  } else if (n === 4) {
    set(2, state.paperNearEnd);
    set(3, state.paperNearEnd);
    set(5, state.paperOut);
    set(6, state.paperOut);
  }
  return byte;
}

export class FakeNetworkPrinter {
  state: FakePrinterState = { ...HEALTHY_PRINTER };
  fault: FakePrinterFault = 'none';
  /** For `drop`: the connection is reset once it has received this many bytes (counted per connection). */
  dropAfterBytes = 0;
  /** Connections accepted so far. */
  connections = 0;
  /** DLE EOT queries answered so far. */
  statusQueries = 0;
  readonly #chunks: Uint8Array[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #watchers = new Set<() => void>();
  #server: Server | undefined;
  #port = 0;

  /** Starts listening on 127.0.0.1 (a free port unless one is given). */
  static async start(port = 0): Promise<FakeNetworkPrinter> {
    const printer = new FakeNetworkPrinter();
    await printer.#listen(port);
    return printer;
  }

  get port(): number {
    return this.#port;
  }

  /** Every byte received so far, over all connections, in arrival order. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.#chunks.flatMap((chunk) => [...chunk]));
  }

  /** Received bytes without the DLE EOT queries (what would reach the paper). */
  printedBytes(): Uint8Array {
    const all = this.bytes();
    const out: number[] = [];
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 0x10 && all[i + 1] === 0x04 && i + 2 < all.length) {
        i += 2;
      } else {
        out.push(all[i] ?? 0);
      }
    }
    return Uint8Array.from(out);
  }

  setState(patch: Partial<FakePrinterState>): void {
    this.state = { ...this.state, ...patch };
    this.#notify();
  }

  /** `refuse` closes the listener; other faults apply to the next bytes received. */
  async setFault(fault: FakePrinterFault, dropAfterBytes = 0): Promise<void> {
    this.fault = fault;
    this.dropAfterBytes = dropAfterBytes;
    if (fault === 'refuse') {
      await this.#stopListening();
    }
  }

  /** Back to normal: listening again on the same port, answering status. */
  async recover(): Promise<void> {
    this.fault = 'none';
    if (!this.#server) {
      await this.#listen(this.#port);
    }
    this.#notify();
  }

  /**
   * Resolves once `predicate(this)` holds (checked now and after every event), rejects after `timeoutMs` with the
   * bytes received so far in the message: a bound, not a sleep.
   */
  waitFor(predicate: (printer: FakeNetworkPrinter) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this)) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (predicate(this)) {
          done();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake printer: condition not met in ${String(timeoutMs)} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#watchers.delete(check);
      };
      this.#watchers.add(check);
    });
  }

  async close(): Promise<void> {
    await this.#stopListening();
  }

  #notify(): void {
    for (const watcher of [...this.#watchers]) {
      watcher();
    }
  }

  #listen(port: number): Promise<void> {
    const server = createServer((socket) => {
      this.#accept(socket);
    });
    return new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        this.#port = typeof address === 'object' && address !== null ? address.port : port;
        this.#server = server;
        resolve();
      });
    });
  }

  async #stopListening(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) {
      socket.destroy();
    }
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  }

  #accept(socket: Socket): void {
    this.connections++;
    this.#sockets.add(socket);
    let received = 0;
    // A DLE EOT split across two TCP segments: keep the tail of the previous chunk.
    let carry: number[] = [];
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#sockets.delete(socket);
      this.#notify();
    });
    socket.on('data', (data: Buffer) => {
      let chunk = Uint8Array.from(data);
      if (this.fault === 'drop' && received + chunk.length >= this.dropAfterBytes) {
        chunk = chunk.subarray(0, Math.max(0, this.dropAfterBytes - received));
        this.#chunks.push(chunk);
        socket.resetAndDestroy();
        this.#notify();
        return;
      }
      received += chunk.length;
      this.#chunks.push(chunk);
      const scan = [...carry, ...chunk];
      let i = 0;
      for (; i + 2 < scan.length; i++) {
        if (scan[i] === 0x10 && scan[i + 1] === 0x04) {
          this.#answer(socket, scan[i + 2] ?? 0);
          i += 2;
        }
      }
      carry = scan.slice(i);
      this.#notify();
    });
  }

  #answer(socket: Socket, n: number): void {
    if (this.fault === 'silent' || n < 1 || n > 4) {
      return;
    }
    this.statusQueries++;
    socket.write(Uint8Array.of(fakeStatusByte(n, this.state)));
  }
}
