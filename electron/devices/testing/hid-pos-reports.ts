/**
 * Byte fixtures for HID POS input reports (64 bytes as node-hid delivers them, byte 0 = report ID). The hand-written
 * ones follow the Honeywell layout seen in a published capture (`[2, 56, 93, 88, 48, …payload…, 63, 0, 1]`:
 * length 56 with a repeated AIM prefix, vendor byte at 61, continuation at 63).
 */

/** Hex bytes (spaces ignored) → a report, zero-filled to 64 bytes, with bytes 61–63 set from `tail`. */
export function report(hex: string, tail: readonly [number, number, number] = [0, 0, 0]): Uint8Array {
  const bytes = new Uint8Array(64);
  const head = hex.replace(/\s+/g, '');
  for (let i = 0; i < head.length / 2; i++) {
    bytes[i] = Number.parseInt(head.slice(i * 2, i * 2 + 2), 16);
  }
  bytes.set(tail, 61);
  return bytes;
}

const ascii = (text: string) =>
  [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** EAN-13 4006381333931 with AIM ]E0 and Honeywell vendor byte 'd' (0x64). Written out byte by byte. */
export const EAN13_AIM = report('02 0d 5d 45 30 34 30 30 36 33 38 31 33 33 33 39 33 31', [0x64, 0, 0]);

/** The same scan from a device that does not send AIM: payload from byte 2. */
export const EAN13_COMPACT = report('02 0d 34 30 30 36 33 38 31 33 33 33 39 33 31', [0x64, 0, 0]);

/** The same scan from a Honeywell with AIM switched off: three NULs where AIM would be. */
export const EAN13_ZERO_PREFIX = report(
  '02 0d 00 00 00 34 30 30 36 33 38 31 33 33 33 39 33 31',
  [0x64, 0, 0],
);

/** A report holding only a carriage return (CM4680SR sends one after each payload). */
export const CR_ONLY = report('02 01 0d');

/** A report with another report ID (e.g. a status report). */
export const OTHER_REPORT = report('04 02 01 02');

/** A 60-digit QR split 56 + 4 over two reports, AIM ]Q1 repeated, vendor byte 's' (0x73), CR at the end. */
export const QR60_DIGITS = '123456789012345678901234567890123456789012345678901234567890';
export const QR60 = [
  report(`02 38 5d 51 31 ${ascii(QR60_DIGITS.slice(0, 56))}`, [0x73, 0, 1]),
  report(`02 05 5d 51 31 ${ascii(QR60_DIGITS.slice(56))} 0d`, [0x73, 0, 0]),
];

/**
 * Splits text into Honeywell-layout reports (56 payload bytes each, AIM repeated when given). Used for long
 * payloads such as a 250-character QR; the hand-written fixtures above pin the layout itself.
 */
export function honeywellReports(text: string, aim: string | undefined, vendorByte = 0x73): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const size = aim === undefined ? 59 : 56;
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    const chunk = bytes.subarray(offset, offset + size);
    const r = new Uint8Array(64);
    r[0] = 0x02;
    r[1] = chunk.length;
    const start = aim === undefined ? 2 : 5;
    if (aim !== undefined) {
      r.set(new TextEncoder().encode(aim), 2);
    }
    r.set(chunk, start);
    r[61] = vendorByte;
    r[63] = offset + size < bytes.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}
