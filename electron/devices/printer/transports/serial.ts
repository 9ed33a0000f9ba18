/**
 * A receipt printer on a serial port (RS-232, or a USB-serial adapter: FTDI, Prolific, CH340, CDC-ACM), through the
 * `serialport` package with the pole display's opener (../../pole/transports.ts: lazy import, the dialout hint on
 * EACCES). Unlike the pole display, the port stays open between jobs: DLE EOT answers arrive on the same port and
 * must find a listener. A port that closes (adapter unplugged) is opened again on the next open().
 */
import { createSerialPortOpener, type SerialPortLike } from '../../pole/transports';
import { ReplyReader } from './reply-reader';
import { asTransportError, PrinterTransportError, type PrinterTransport } from './transport';

/** The part of a `serialport` SerialPort the printer uses: the pole's writer plus its events. */
export interface PrinterSerialPort extends SerialPortLike {
  on(event: 'data' | 'close' | 'error', listener: (...args: unknown[]) => void): unknown;
}

export type OpenPrinterSerialPort = (path: string, baudRate: number) => Promise<PrinterSerialPort>;

function isPrinterSerialPort(port: SerialPortLike): port is PrinterSerialPort {
  return 'on' in port && typeof port.on === 'function';
}

/** The real opener: `serialport`, loaded on first use. */
export function createPrinterSerialPortOpener(load?: () => Promise<unknown>): OpenPrinterSerialPort {
  const open = createSerialPortOpener(load);
  return async (path, baudRate) => {
    const port = await open(path, baudRate);
    if (!isPrinterSerialPort(port)) {
      port.close(() => undefined);
      throw new PrinterTransportError('unreachable', `${path}: the serial port gives no data events`);
    }
    return port;
  };
}

export interface SerialPrinterOptions {
  path: string;
  /** Default 9600: Epson and most clones ship at 9600 or 38400 (DIP switches); match the printer's self-test page. */
  baudRate?: number;
  /** How long a write may wait for the driver to take the bytes (flow control holds a busy printer). Default 10 s. */
  writeTimeoutMs?: number;
  open?: OpenPrinterSerialPort;
}

export class SerialPrinterTransport implements PrinterTransport {
  readonly label: string;
  readonly statusSupported = true;
  readonly #path: string;
  readonly #baudRate: number;
  readonly #writeTimeoutMs: number;
  readonly #openPort: OpenPrinterSerialPort;
  readonly #reader = new ReplyReader();
  #port: PrinterSerialPort | undefined;
  /** Fails the write under way when the port closes under it (its drain callback may never come). */
  #abortWrite: ((error: PrinterTransportError) => void) | undefined;
  #opening: Promise<void> | undefined;

  constructor(options: SerialPrinterOptions) {
    this.#path = options.path;
    this.#baudRate = options.baudRate ?? 9600;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.#openPort = options.open ?? createPrinterSerialPortOpener();
    this.label = `serial ${this.#path}@${String(this.#baudRate)}`;
  }

  open(): Promise<void> {
    if (this.#port) {
      return Promise.resolve();
    }
    this.#opening ??= this.#connect().finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  async #connect(): Promise<void> {
    let port: PrinterSerialPort;
    try {
      port = await this.#openPort(this.#path, this.#baudRate);
    } catch (error) {
      throw asTransportError(error, 'unreachable', `${this.label}: could not open`);
    }
    this.#port = port;
    port.on('data', (chunk) => {
      if (chunk instanceof Uint8Array) {
        this.#reader.push(chunk);
      }
    });
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.#port === port) {
        this.#port = undefined;
        const error = new PrinterTransportError('disconnected', `${this.label}: port closed`);
        this.#reader.fail(error);
        this.#abortWrite?.(error);
      }
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.#port;
    if (!port) {
      return Promise.reject(new PrinterTransportError('disconnected', `${this.label}: not open`));
    }
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: PrinterTransportError) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        this.#abortWrite = undefined;
        if (error) {
          void this.close();
          reject(error);
        } else {
          resolve();
        }
      };
      const timer = setTimeout(() => {
        settle(
          new PrinterTransportError(
            'timeout',
            `${this.label}: write not taken in ${String(this.#writeTimeoutMs)} ms`,
          ),
        );
      }, this.#writeTimeoutMs);
      this.#abortWrite = settle;
      port.write(bytes, (error) => {
        if (error) {
          settle(new PrinterTransportError('disconnected', `${this.label}: ${error.message}`, error));
        }
      });
      // drain: the bytes have left Node for the OS driver.
      port.drain((error) => {
        settle(
          error
            ? new PrinterTransportError('disconnected', `${this.label}: ${error.message}`, error)
            : undefined,
        );
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
    // Whichever fails first (the request not taken, the port closing, no answer) is the error.
    const [, bytes] = await Promise.all([sent, answer]);
    return bytes;
  }

  close(): Promise<void> {
    const port = this.#port;
    this.#port = undefined;
    this.#reader.fail(new PrinterTransportError('disconnected', `${this.label}: closed`));
    if (!port) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      port.close(() => {
        resolve();
      });
    });
  }
}
