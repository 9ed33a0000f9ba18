/**
 * The eBarimt QR printed by the printer itself (`GS ( k`, function 165–181: model 2, error correction M, store,
 * print), so the receipt carries the printer's own crisp modules rather than a scaled image. Sizing
 * (docs/printing.md, "QR"): the module is 6 dots on 58 mm and 8 dots on 80 mm paper (0.75 / 1 mm at 203 dpi) —
 * the 200-digit eBarimt qrData is a version-5 symbol (37 modules): 222 of 384 dots, 296 of 576 — and smaller
 * when a longer payload would not fit in 80 % of the line.
 */
import { GS } from './commands';
import type { PaperWidth } from './profile';
import { dotsFor } from './profile';

const PREFERRED_MODULE_DOTS: Readonly<Record<PaperWidth, number>> = { 58: 6, 80: 8 };

/** Capacity of versions 1–10 at error correction M (ISO/IEC 18004 table 7): numeric and byte mode. */
const NUMERIC_CAPACITY_M = [34, 63, 101, 149, 202, 255, 293, 365, 432, 513];
const BYTE_CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

/** Modules per side of the smallest symbol holding the payload (past version 10: assume the largest, 177). */
export function qrModules(payload: Uint8Array): number {
  const numeric = payload.every((b) => b >= 0x30 && b <= 0x39);
  const table = numeric ? NUMERIC_CAPACITY_M : BYTE_CAPACITY_M;
  const version = table.findIndex((capacity) => payload.length <= capacity) + 1;
  return version === 0 ? 177 : 17 + 4 * version;
}

/** Dots per module for this payload on this paper. */
export function qrModuleDots(payload: Uint8Array, paperWidth: PaperWidth): number {
  const fit = Math.floor((dotsFor(paperWidth) * 0.8) / qrModules(payload));
  return Math.max(1, Math.min(PREFERRED_MODULE_DOTS[paperWidth], fit));
}

function fn(cn: number, fnCode: number, params: readonly number[]): number[] {
  const length = params.length + 2;
  return [GS, 0x28, 0x6b, length & 0xff, length >> 8, cn, fnCode, ...params];
}

/** Model 2, module size, error correction M, store the data, print it. */
export function qrCode(data: string, paperWidth: PaperWidth): number[] {
  const payload = new TextEncoder().encode(data);
  if (payload.length === 0 || payload.length > 7089) {
    throw new RangeError(`QR data of ${payload.length} bytes cannot be printed`);
  }
  const QR = 0x31;
  return [
    ...fn(QR, 0x41, [0x32, 0x00]), // model 2
    ...fn(QR, 0x43, [qrModuleDots(payload, paperWidth)]), // module size in dots
    ...fn(QR, 0x45, [0x31]), // error correction M (15 %)
    ...fn(QR, 0x50, [0x30, ...payload]), // store in the symbol area
    ...fn(QR, 0x51, [0x30]), // print the stored symbol
  ];
}
