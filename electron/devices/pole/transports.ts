/**
 * How pole display bytes reach the device. Most "USB" pole displays are USB-serial (FTDI, Prolific, CDC-ACM) →
 * `SerialPoleTransport`; a few are vendor HID devices that tunnel the same command bytes in output reports →
 * `HidPoleTransport`, whose report ID and framing come from the device's report descriptor (read on real
 * hardware: no public node-hid code for a HID pole display is known).
 */
import { KassaError } from '../../kernel/errors';
import type { HidBackend, HidDevice } from '../hid';

export interface PoleTransport {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

// --- HID output reports -----------------------------------------------------------------------------------------

export interface HidPoleFraming {
  /** Output report ID; 0x00 for devices without report IDs (node-hid still wants the leading byte). */
  reportId: number;
  /** Bytes after the report ID in one output report (from the report descriptor). Default 32. */
  reportSize?: number;
  /** Put the chunk length in the first byte after the report ID (common in vendor tunnels). Default false. */
  lengthPrefix?: boolean;
}

/** Splits bytes into output reports: [reportId, (length), chunk…, zero padding] of 1 + reportSize bytes. */
export function frameHidReports(bytes: Uint8Array, framing: HidPoleFraming): Uint8Array[] {
  const size = framing.reportSize ?? 32;
  const header = framing.lengthPrefix ? 1 : 0;
  const room = size - header;
  if (room < 1) {
    throw new RangeError('HID pole report too small for its framing');
  }
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += room) {
    const chunk = bytes.subarray(offset, offset + room);
    const report = new Uint8Array(1 + size);
    report[0] = framing.reportId;
    if (framing.lengthPrefix) {
      report[1] = chunk.length;
    }
    report.set(chunk, 1 + header);
    reports.push(report);
  }
  return reports;
}

/** A pole display on a HID path. Opens on first write and again after a failure (re-plugged display). */
export class HidPoleTransport implements PoleTransport {
  readonly #backend: HidBackend;
  readonly #path: string;
  readonly #framing: HidPoleFraming;
  #device: Promise<HidDevice> | undefined;

  constructor(backend: HidBackend, path: string, framing: HidPoleFraming) {
    this.#backend = backend;
    this.#path = path;
    this.#framing = framing;
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.#device ??= this.#backend.open(this.#path);
    try {
      const device = await this.#device;
      for (const report of frameHidReports(bytes, this.#framing)) {
        await device.write(report);
      }
    } catch (error) {
      const stale = this.#device;
      this.#device = undefined;
      await stale.then((d) => d.close()).catch(() => undefined);
      throw error instanceof KassaError
        ? error
        : new KassaError('device.unavailable', `Pole display on ${this.#path} did not accept data`, {
            cause: error,
          });
    }
  }

  async close(): Promise<void> {
    const device = this.#device;
    this.#device = undefined;
    await device?.then((d) => d.close()).catch(() => undefined);
  }
}

// --- Serial, via `serialport` (lazy) ------------------------------------------------------------------------------

/** The part of a serial port the transport uses; `serialport`'s SerialPort provides it. */
export interface SerialPortLike {
  write(data: Uint8Array, callback: (error: Error | null | undefined) => void): unknown;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
}

export type OpenSerialPort = (path: string, baudRate: number) => Promise<SerialPortLike>;

interface SerialPortCtor {
  new (
    options: { path: string; baudRate: number; autoOpen?: boolean },
    callback?: (error: Error | null) => void,
  ): SerialPortLike;
}

function serialPortCtor(mod: unknown): SerialPortCtor | undefined {
  for (const candidate of [
    mod,
    typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined,
  ]) {
    if (
      typeof candidate === 'object' &&
      candidate !== null &&
      'SerialPort' in candidate &&
      typeof candidate.SerialPort === 'function'
    ) {
      return candidate.SerialPort as SerialPortCtor;
    }
  }
  return undefined;
}

/** Opens a port with the real `serialport` package, imported on first use. */
export function createSerialPortOpener(
  load: () => Promise<unknown> = () => import('serialport'),
): OpenSerialPort {
  return async (path, baudRate) => {
    let ctor: SerialPortCtor | undefined;
    try {
      ctor = serialPortCtor(await load());
    } catch (error) {
      throw new KassaError(
        'device.unavailable',
        'Serial ports are unavailable: the serialport module could not load',
        {
          cause: error,
        },
      );
    }
    if (!ctor) {
      throw new KassaError(
        'device.unavailable',
        'Serial ports are unavailable: serialport has no SerialPort',
      );
    }
    const Port = ctor;
    return new Promise<SerialPortLike>((resolve, reject) => {
      const port = new Port({ path, baudRate }, (error) => {
        if (error) {
          const denied = /permission|EACCES/i.test(error.message);
          reject(
            new KassaError(
              'device.unavailable',
              denied
                ? `Permission denied on ${path}: add the user to the dialout group (see docs/devices.md)`
                : `Could not open ${path}: ${error.message}`,
              { cause: error },
            ),
          );
        } else {
          resolve(port);
        }
      });
    });
  };
}

/**
 * A pole display on a serial port (default 9600 baud). Like pyposdisplay, it opens the port for each message and
 * closes it after, so a display that was unplugged and re-plugged works again on the next message.
 */
export class SerialPoleTransport implements PoleTransport {
  readonly #path: string;
  readonly #baudRate: number;
  readonly #open: OpenSerialPort;

  constructor(path: string, options: { baudRate?: number; open?: OpenSerialPort } = {}) {
    this.#path = path;
    this.#baudRate = options.baudRate ?? 9600;
    this.#open = options.open ?? createSerialPortOpener();
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = await this.#open(this.#path, this.#baudRate);
    try {
      await new Promise<void>((resolve, reject) => {
        port.write(bytes, (error) => {
          if (error) {
            reject(error);
          }
        });
        port.drain((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
      });
    } catch (error) {
      throw new KassaError('device.unavailable', `Pole display on ${this.#path} did not accept data`, {
        cause: error,
      });
    } finally {
      await new Promise<void>((resolve) => {
        port.close(() => {
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
