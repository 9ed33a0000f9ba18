/**
 * Real-time printer status: `DLE EOT n` (0x10 0x04 n) and the one status byte each query answers, per the Epson
 * ESC/POS reference ("DLE EOT: Transmit real-time status"). The printer answers even while its buffer is full or
 * it is offline, which is why the queue asks before it sends a job (docs/printing-transports.md).
 *
 * Every answer byte has the same fixed bits: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0 (mask 0x93 → 0x12). A byte
 * without them is not a status answer (a stray byte, an ASB message, another command set) and is refused.
 *
 *  n = 1 printer status          | n = 2 offline cause               | n = 3 error cause            | n = 4 paper sensor
 *  bit 2: drawer pin 3 level (1=H)| bit 2: cover open                 | bit 2: mechanical error (*)  | bits 2+3: near end (both 1)
 *  bit 3: offline                | bit 3: paper fed by FEED button   | bit 3: autocutter error      | bits 5+6: paper end (both 1)
 *  bit 5: waiting for recovery(*)| bit 5: printing stopped, paper end| bit 5: unrecoverable error   |
 *  bit 6: FEED button pressed (*)| bit 6: an error occurred          | bit 6: auto-recoverable error|
 *  (*) model-dependent ("undefined" on some Epson models): read but not acted on.
 *
 * Whether drawer pin 3 high means "open" depends on the drawer's switch wiring (Epson leaves it to the drawer):
 * `drawerOpenWhen` says which level means open, 'high' by default.
 */

export const DLE = 0x10;
export const EOT = 0x04;

export type StatusQuery = 1 | 2 | 3 | 4;

/** The queries, in the order `readPrinterStatus` asks them. */
export const STATUS_QUERIES: readonly StatusQuery[] = [1, 2, 3, 4];

export function statusRequest(n: StatusQuery): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

const FIXED_MASK = 0b1001_0011;
const FIXED_VALUE = 0b0001_0010;

export function isStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED_VALUE;
}

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0;

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  /** Roll paper end sensor: no paper (or printing stopped at paper end). */
  paperOut: boolean;
  paperNearEnd: boolean;
  drawerOpen: boolean;
  /** Autocutter, unrecoverable or auto-recoverable error (or "an error occurred" of n = 2). */
  error: boolean;
}

export interface StatusAnswers {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paperSensor: number;
}

export interface StatusOptions {
  /** The drawer pin 3 level that means the drawer is open (see the header). Default 'high'. */
  drawerOpenWhen?: 'high' | 'low';
}

export class StatusByteError extends Error {
  constructor(query: StatusQuery, byte: number) {
    super(`DLE EOT ${String(query)} answer 0x${byte.toString(16).padStart(2, '0')} lacks the fixed bits`);
    this.name = 'StatusByteError';
  }
}

function checked(query: StatusQuery, byte: number): number {
  if (!isStatusByte(byte)) {
    throw new StatusByteError(query, byte);
  }
  return byte;
}

/** Reads the four answer bytes into one status. Throws StatusByteError when a byte lacks the fixed bits. */
export function parsePrinterStatus(answers: StatusAnswers, options: StatusOptions = {}): PrinterStatus {
  const printer = checked(1, answers.printer);
  const offline = checked(2, answers.offlineCause);
  const errors = checked(3, answers.errorCause);
  const paper = checked(4, answers.paperSensor);
  const pin3High = bit(printer, 2);
  return {
    online: !bit(printer, 3),
    coverOpen: bit(offline, 2),
    // Either end sensor bit (bits 5 and 6 are set together); n = 2 bit 5 says the same from the offline side.
    paperOut: bit(paper, 5) || bit(paper, 6) || bit(offline, 5),
    paperNearEnd: bit(paper, 2) || bit(paper, 3),
    drawerOpen: (options.drawerOpenWhen ?? 'high') === 'high' ? pin3High : !pin3High,
    error: bit(offline, 6) || bit(errors, 3) || bit(errors, 5) || bit(errors, 6),
  };
}

/** What a status means for printing: the queue's printer states other than printing/unreachable. */
export type StatusVerdict = 'ready' | 'paper-out' | 'cover-open' | 'offline';

/** Cover first (opening it is how paper is changed), then paper, then any other offline cause. */
export function statusVerdict(status: PrinterStatus): StatusVerdict {
  if (status.coverOpen) {
    return 'cover-open';
  }
  if (status.paperOut) {
    return 'paper-out';
  }
  if (!status.online || status.error) {
    return 'offline';
  }
  return 'ready';
}
