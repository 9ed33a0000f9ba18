/**
 * Raw TCP to a network printer (port 9100, "JetDirect"/raw printing): bytes in, status bytes out, no framing.
 *
 * A socket can look open while the printer is gone (power cut, cable pulled on its side: no FIN, no RST). Writes
 * then still succeed into the socket buffer, so a write alone proves nothing; the queue asks DLE EOT before every
 * job and a status read that times out closes the socket (docs/printing-transports.md). TCP keep-alive is on as a
 * second, slower net.
 */
import { createConnection, type Socket } from 'node:net';
import { ReplyReader } from './reply-reader';
import { asTransportError, PrinterTransportError, type PrinterTransport } from './transport';

export interface TcpPrinterOptions {
  host: string;
  /** Default 9100. */
  port?: number;
  /** Default 3000 ms: a printer on the shop LAN answers a SYN in milliseconds. */
  connectTimeoutMs?: number;
  /** How long a write may wait for the socket buffer to drain. Default 10 000 ms. */
  writeTimeoutMs?: number;
}

/** Errors of connect() that mean nothing is there to print to. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export class TcpPrinterTransport implements PrinterTransport {
  readonly label: string;
  readonly statusSupported = true;
  readonly #host: string;
  readonly #port: number;
  readonly #connectTimeoutMs: number;
  readonly #writeTimeoutMs: number;
  readonly #reader = new ReplyReader();
  #socket: Socket | undefined;
  #opening: Promise<void> | undefined;

  constructor(options: TcpPrinterOptions) {
    this.#host = options.host;
    this.#port = options.port ?? 9100;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.label = `tcp ${this.#host}:${String(this.#port)}`;
  }

  open(): Promise<void> {
    const socket = this.#socket;
    if (socket && !socket.destroyed && socket.writable) {
      return Promise.resolve();
    }
    this.#socket = undefined;
    this.#opening ??= this.#connect().finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  #connect(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = createConnection({ host: this.#host, port: this.#port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new PrinterTransportError(
            'timeout',
            `${this.label}: no connection in ${String(this.#connectTimeoutMs)} ms`,
          ),
        );
      }, this.#connectTimeoutMs);
      const onError = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        const code = codeOf(error);
        reject(
          new PrinterTransportError(
            code !== undefined && UNREACHABLE.has(code) ? 'unreachable' : 'disconnected',
            `${this.label}: ${code ?? error.message}`,
            error,
          ),
        );
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 5000);
        this.#attach(socket);
        resolve();
      });
    });
  }

  #attach(socket: Socket): void {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#reader.push(chunk);
    });
    // An 'error' is always followed by 'close'; the error itself only needs to be swallowed here.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // A socket we already let go of (close(), a reconnect) must not fail the new one's status read.
      if (this.#socket === socket) {
        this.#socket = undefined;
        this.#reader.fail(new PrinterTransportError('disconnected', `${this.label}: connection closed`));
      }
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (!socket || socket.destroyed || !socket.writable) {
      return Promise.reject(new PrinterTransportError('disconnected', `${this.label}: not connected`));
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new PrinterTransportError(
            'timeout',
            `${this.label}: write not taken in ${String(this.#writeTimeoutMs)} ms`,
          ),
        );
      }, this.#writeTimeoutMs);
      const onClose = () => {
        clearTimeout(timer);
        reject(new PrinterTransportError('disconnected', `${this.label}: connection closed during a write`));
      };
      socket.once('close', onClose);
      // The callback runs once the bytes are handed to the kernel's socket buffer (or with the write's error).
      socket.write(bytes, (error) => {
        clearTimeout(timer);
        socket.off('close', onClose);
        if (error) {
          socket.destroy();
          reject(new PrinterTransportError('disconnected', `${this.label}: ${error.message}`, error));
        } else {
          resolve();
        }
      });
    });
  }

  async readStatus(request: Uint8Array, length: number, timeoutMs: number): Promise<Uint8Array> {
    this.#reader.clear();
    const answer = this.#reader.expect(length, timeoutMs, this.label);
    const sent = this.write(request).catch((error: unknown) => {
      this.#reader.fail(asTransportError(error, 'disconnected', `${this.label}: status request not sent`));
      throw error;
    });
    try {
      // Whichever fails first (the request not taken, the link dropping, no answer) is the error.
      const [, bytes] = await Promise.all([sent, answer]);
      return bytes;
    } catch (error) {
      // A half-dead socket: drop it so the next open() connects afresh.
      await this.close();
      throw error;
    }
  }

  close(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#reader.fail(new PrinterTransportError('disconnected', `${this.label}: closed`));
    if (socket && !socket.destroyed) {
      // end() flushes what write() already handed over, then sends FIN; destroy() after a grace period.
      socket.end();
      setTimeout(() => socket.destroy(), 2000).unref();
    }
    return Promise.resolve();
  }
}
