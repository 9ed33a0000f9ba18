/**
 * The part of a PosAPI receipt that ITC forbids storing in any form other than the printed receipt:
 * `qrData` and `lottery`. It lives in memory only — print it, show it, pass qrData to approveQr, drop it.
 *
 * The values sit in private fields, so the usual ways data escapes by accident do not reach them:
 * JSON.stringify / structuredClone-by-hand / the log redactor's Object.entries walk all see only
 * `{ printable: '[memory-only]' }`, and `util.inspect` prints no private fields.
 */
const MARK = '[memory-only]';

export class PrintableReceipt {
  readonly #qrData: string;
  readonly #lottery: string;

  constructor(qrData: string, lottery: string) {
    this.#qrData = qrData;
    this.#lottery = lottery;
  }

  /** Digits to render verbatim as the receipt's QR code. Never persist or log it. */
  get qrData(): string {
    return this.#qrData;
  }

  /** Lottery number ("SN 47461258"); '' for B2B receipts and non-VAT payers. Never persist or log it. */
  get lottery(): string {
    return this.#lottery;
  }

  toJSON(): string {
    return MARK;
  }

  toString(): string {
    return MARK;
  }
}
