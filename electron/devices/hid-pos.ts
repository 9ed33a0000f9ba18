/**
 * HID POS scanner input reports (usage page 0x8C, Bar Code Scanner), as node-hid delivers them (byte 0 = report
 * ID), as laid out in a Honeywell multi-report capture:
 *
 *   0      report ID 0x02 (scanned data)
 *   1      N = payload length in this report (max 56)
 *   2–4    AIM symbology identifier ']' + code + modifier, when enabled (Honeywell repeats it in every report;
 *          Honeywell with AIM off leaves three NULs; other devices start the payload at byte 2)
 *   5…60   payload, NUL-padded
 *   61     vendor symbology byte (Honeywell: 'd' EAN-13, 'D' EAN-8, 'c' UPC-A, 'j' Code128, 's' QR, …)
 *   62     reserved
 *   63     continuation: 1 = more reports follow, 0 = last
 *
 * Reports are reassembled as bytes and decoded as UTF-8 once complete (a Cyrillic letter may straddle two
 * reports). A trailing CR/LF is dropped; a report holding only a CR (CM4680SR) yields nothing. A partial scan is
 * dropped on `reset()` (unplug, error) and when the next report comes after `staleAfterMs`.
 */
import { symbologyFromAim, type Symbology } from '../../shared/codes';

export interface HidPosOptions {
  /** Report ID of scanned data. Default 0x02. */
  reportId?: number;
  /** Byte index of the continuation flag (the vendor symbology byte is two before it). Default 63. */
  continuationIndex?: number;
  /** A partial scan older than this is dropped when the next report arrives. Default 2000 ms. */
  staleAfterMs?: number;
}

export interface HidPosReport {
  aim: string | undefined;
  payload: Uint8Array;
  vendorSymbology: number | undefined;
  more: boolean;
}

export interface HidPosScan {
  text: string;
  symbology: Symbology | undefined;
  /** The AIM identifier as sent, e.g. ']E0'. */
  aim: string | undefined;
  /** The vendor symbology byte, e.g. 0x64. */
  vendorSymbology: number | undefined;
  /** How many reports carried it. */
  reports: number;
}

/** Honeywell code IDs (byte 61) → symbology. */
const HONEYWELL_SYMBOLOGY: Readonly<Record<string, Symbology>> = {
  d: 'ean13',
  D: 'ean8',
  c: 'upca',
  E: 'upce',
  j: 'code128',
  b: 'code39',
  e: 'itf',
  s: 'qr',
  w: 'datamatrix',
  r: 'pdf417',
  y: 'gs1-databar',
};

export function symbologyFromVendorByte(byte: number | undefined): Symbology | undefined {
  return byte === undefined ? undefined : HONEYWELL_SYMBOLOGY[String.fromCharCode(byte)];
}

const AIM_FLAG = 0x5d; // ']'
type Layout = 'aim' | 'zero-prefix' | 'compact';

function layoutOf(report: Uint8Array): Layout {
  if (report[2] === AIM_FLAG) {
    return 'aim';
  }
  return report[2] === 0 && report[3] === 0 && report[4] === 0 ? 'zero-prefix' : 'compact';
}

/**
 * Parses one report, or returns undefined when it is not a scanned-data report. `layout` is the layout of the
 * scan's first report: a payload byte ']' in a continuation is only read as AIM when the first report had AIM.
 */
export function parseHidPosReport(
  report: Uint8Array,
  options: HidPosOptions = {},
  layout: Layout = layoutOf(report),
): HidPosReport | undefined {
  const reportId = options.reportId ?? 0x02;
  const continuationIndex = options.continuationIndex ?? 63;
  if (report.length < 3 || report[0] !== reportId) {
    return undefined;
  }
  const length = report[1] ?? 0;
  const own = layoutOf(report);
  const start = own === 'zero-prefix' || (own === 'aim' && layout === 'aim') ? 5 : 2;
  const aim =
    start === 5 && own === 'aim'
      ? String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0)
      : undefined;
  const payloadEnd = Math.min(start + length, continuationIndex - 2, report.length);
  let end = Math.max(start, payloadEnd);
  while (end > start && report[end - 1] === 0) {
    end--;
  }
  const vendorByte = report.length > continuationIndex - 2 ? report[continuationIndex - 2] : undefined;
  return {
    aim,
    payload: report.slice(start, end),
    vendorSymbology: vendorByte === 0 ? undefined : vendorByte,
    more: (report[continuationIndex] ?? 0) !== 0,
  };
}

/** Collects reports into scans. One instance per open device. */
export class HidPosReassembler {
  readonly #options: HidPosOptions;
  #chunks: Uint8Array[] = [];
  #first: HidPosReport | undefined;
  #layout: Layout = 'compact';
  #lastAt = 0;
  readonly #decoder = new TextDecoder('utf-8');

  constructor(options: HidPosOptions = {}) {
    this.#options = options;
  }

  /** True while a multi-report scan is incomplete. */
  get pending(): boolean {
    return this.#first !== undefined;
  }

  /** Drops a partial scan (device unplugged or errored). */
  reset(): void {
    this.#chunks = [];
    this.#first = undefined;
  }

  /** Feeds one report; returns a scan when this report completes one. */
  push(report: Uint8Array, now = 0): HidPosScan | undefined {
    if (this.#first && now - this.#lastAt > (this.#options.staleAfterMs ?? 2000)) {
      this.reset();
    }
    const layout = this.#first ? this.#layout : layoutOf(report);
    const parsed = parseHidPosReport(report, this.#options, layout);
    if (!parsed) {
      return undefined;
    }
    if (!this.#first) {
      this.#first = parsed;
      this.#layout = layout;
    }
    this.#lastAt = now;
    this.#chunks.push(parsed.payload);
    if (parsed.more) {
      return undefined;
    }
    const first = this.#first;
    const chunks = this.#chunks;
    this.reset();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    const text = this.#decoder.decode(bytes).replace(/[\r\n]+$/, '');
    if (text === '') {
      return undefined;
    }
    const vendorSymbology = first.vendorSymbology ?? parsed.vendorSymbology;
    return {
      text,
      symbology:
        first.aim !== undefined ? symbologyFromAim(first.aim) : symbologyFromVendorByte(vendorSymbology),
      aim: first.aim,
      vendorSymbology,
      reports: chunks.length,
    };
  }
}
