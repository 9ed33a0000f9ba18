import { describe, expect, it } from 'vitest';
import { HidPosReassembler, type HidPosScan } from '../devices/hid-pos';
import { createSandboxScanner, hidPosReports, likelySymbology } from './hid-scanner';

/** What the device manager's reassembler makes of the reports the sandbox scanner sends. */
function read(reports: Uint8Array[]): HidPosScan[] {
  const parser = new HidPosReassembler();
  return reports.flatMap((r) => parser.push(r) ?? []);
}

describe('sandbox HID scanner', () => {
  it('sends what a Honeywell in HID POS mode sends: the real reassembler reads it back', () => {
    const ean = hidPosReports('8650001000015', 'ean13');
    expect(ean).toHaveLength(1);
    expect([...(ean[0] ?? []).slice(0, 5)]).toEqual([0x02, 13, 0x5d, 0x45, 0x30]); // ID, length, ]E0
    expect(read(ean)).toMatchObject([{ text: '8650001000015', symbology: 'ean13', reports: 1 }]);

    const qr = '2'.repeat(40) + '1234567890'.repeat(16);
    const reports = hidPosReports(qr, 'qr');
    expect(reports).toHaveLength(4); // 200 bytes, 56 per report
    expect(reports.map((r) => r[63])).toEqual([1, 1, 1, 0]);
    expect(reports.every((r) => r.length === 64)).toBe(true);
    expect(read(reports)).toMatchObject([{ text: qr, symbology: 'qr', reports: 4 }]);
  });

  it('carries UTF-8 split across reports (a regNo in a QR) and a UPC-A as 13 digits, like a scanner', () => {
    const text = 'УБ99112233 '.repeat(6).trim();
    expect(read(hidPosReports(text, 'qr'))).toMatchObject([{ text, symbology: 'qr' }]);
    expect(read(hidPosReports('036000291452', 'upca'))).toMatchObject([
      { text: '0036000291452', symbology: 'ean13' },
    ]);
  });

  it('names the likely symbol when not told: EAN/UPC only with a valid check digit', () => {
    expect(likelySymbology('8650001000015')).toBe('ean13');
    expect(likelySymbology('96385074')).toBe('ean8');
    expect(likelySymbology('036000291452')).toBe('upca');
    expect(likelySymbology('10038071')).toBe('code128'); // an eBarimt code, not an EAN-8
    expect(likelySymbology('4'.repeat(60))).toBe('qr');
    expect(likelySymbology('УБ99112233')).toBe('qr');
    expect(likelySymbology('MN-MILK-1L')).toBe('code128');
  });

  it('delivers to open handles only, and says when nothing reads it', () => {
    const scanner = createSandboxScanner();
    expect(scanner.scan('8650001000015')).toEqual({ delivered: false, reports: 1 });
    const handle = scanner.open();
    const got: Uint8Array[] = [];
    handle.onReport((r) => got.push(r));
    expect(scanner.scan('8650001000015')).toEqual({ delivered: true, reports: 1 });
    expect(read(got)).toMatchObject([{ text: '8650001000015' }]);
    handle.close();
    expect(scanner.scan('8650001000015').delivered).toBe(false);
    expect(got).toHaveLength(1);
  });
});
