/**
 * A small ESC/POS decoder for tests: the text lines (in the code page last selected with `ESC t`), the QR
 * payloads stored with `GS ( k`, the raster lines (`GS v 0`) counted, cuts counted. It knows exactly the
 * commands render.ts emits and throws on any other, so a stray byte in a document fails the test.
 */
import { decodeText, EPSON_CODE_PAGE_NUMBER } from '../code-pages';
import type { CodePageName } from '../profile';

export interface DecodedJob {
  lines: string[];
  qr: string[];
  /** QR module size in dots, per `GS ( k` function 167. */
  qrModuleDots: number[];
  rasterLines: number;
  rasterHeights: number[];
  cuts: number;
  codePageNumbers: number[];
}

export function decodeEscPos(input: Uint8Array, page: CodePageName): DecodedJob {
  const bytes = Array.from(input);
  const job: DecodedJob = {
    lines: [],
    qr: [],
    qrModuleDots: [],
    rasterLines: 0,
    rasterHeights: [],
    cuts: 0,
    codePageNumbers: [],
  };
  let text: number[] = [];
  let i = 0;
  const at = (k: number): number => {
    const b = bytes[k];
    if (b === undefined) {
      throw new Error(`ESC/POS stream ends inside a command at ${k}`);
    }
    return b;
  };
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      job.lines.push(decodeText(text, page));
      text = [];
      i += 1;
    } else if (b === 0x1b) {
      const c = at(i + 1);
      if (c === 0x40) {
        i += 2;
      } else if (c === 0x74) {
        job.codePageNumbers.push(at(i + 2));
        if (at(i + 2) !== EPSON_CODE_PAGE_NUMBER[page]) {
          throw new Error(`code page ${at(i + 2)} is not ${page}`);
        }
        i += 3;
      } else if (c === 0x61 || c === 0x45 || c === 0x64 || c === 0x4d) {
        i += 3;
      } else {
        throw new Error(`unknown ESC ${c.toString(16)} at ${i}`);
      }
    } else if (b === 0x1d) {
      const c = at(i + 1);
      if (c === 0x21) {
        i += 3;
      } else if (c === 0x56) {
        job.cuts += 1;
        i += 4;
      } else if (c === 0x28 && at(i + 2) === 0x6b) {
        const length = at(i + 3) + at(i + 4) * 256;
        const fn = at(i + 6);
        const params = bytes.slice(i + 7, i + 5 + length);
        if (fn === 0x50) {
          job.qr.push(new TextDecoder().decode(Uint8Array.from(params.slice(1))));
        } else if (fn === 0x43) {
          job.qrModuleDots.push(params[0] ?? 0);
        }
        i += 5 + length;
      } else if (c === 0x76 && at(i + 2) === 0x30) {
        const width = at(i + 4) + at(i + 5) * 256;
        const height = at(i + 6) + at(i + 7) * 256;
        job.rasterLines += 1;
        job.rasterHeights.push(height);
        i += 8 + width * height;
      } else {
        throw new Error(`unknown GS ${c.toString(16)} at ${i}`);
      }
    } else if (b < 0x20) {
      throw new Error(`control byte ${b.toString(16)} in text at ${i}`);
    } else {
      text.push(b);
      i += 1;
    }
  }
  if (text.length > 0) {
    job.lines.push(decodeText(text, page));
  }
  return job;
}
