/**
 * How ESC/POS bytes reach a receipt printer (docs/printing-transports.md). One interface over raw TCP (port 9100),
 * a serial port and the USB printer class; the print queue (../print-queue.ts) only sees this.
 *
 * Every failure is a `PrinterTransportError`: a KassaError with the existing code `device.unavailable` (so the
 * renderer's catalogs need no new text) and a `reason` the queue acts on:
 * - `unreachable`: nothing answered the open (connection refused, no route, port or device missing);
 * - `timeout`: the printer did not answer in time (connect, write hand-off or status read);
 * - `disconnected`: the link dropped while open (socket reset, cable pulled).
 */
import { KassaError } from '../../../kernel/errors';

export type PrinterTransportFailure = 'unreachable' | 'timeout' | 'disconnected';

export class PrinterTransportError extends KassaError {
  readonly reason: PrinterTransportFailure;

  constructor(reason: PrinterTransportFailure, message: string, cause?: unknown) {
    super('device.unavailable', message, { params: { reason }, cause });
    this.name = 'PrinterTransportError';
    this.reason = reason;
  }
}

export function isPrinterTransportError(error: unknown): error is PrinterTransportError {
  return error instanceof PrinterTransportError;
}

export interface PrinterTransport {
  /** A short name for logs and the settings screen (`tcp 192.168.1.50:9100`); never carries printed data. */
  readonly label: string;
  /**
   * False when this printer cannot answer DLE EOT (a USB printer-class interface without a bulk IN endpoint:
   * "unidirectional", protocol 1); known after open(). The queue then sends without asking.
   */
  readonly statusSupported: boolean;
  /** Opens the link; a transport that is already open resolves at once. */
  open(): Promise<void>;
  /**
   * Hands the bytes to the OS (socket buffer, serial driver, USB bulk transfer) and resolves then. It does not
   * mean the paper came out: ask `readStatus` for that.
   */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Sends `request` (a DLE EOT query, ../status.ts) and resolves with the first `length` bytes the printer sends
   * back, or rejects with `timeout` after `timeoutMs`. Bytes that arrive before the request are discarded.
   */
  readStatus(request: Uint8Array, length: number, timeoutMs: number): Promise<Uint8Array>;
  /** Closes the link; never rejects. A later open() starts again. */
  close(): Promise<void>;
}

/** Wraps any other error into a transport error of `reason`; transport errors pass through. */
export function asTransportError(
  error: unknown,
  reason: PrinterTransportFailure,
  message: string,
): PrinterTransportError {
  return isPrinterTransportError(error) ? error : new PrinterTransportError(reason, message, error);
}
