import { describe, expect, it } from 'vitest';
import { HidPosReassembler, parseHidPosReport } from './hid-pos';
import {
  CR_ONLY,
  EAN13_AIM,
  EAN13_COMPACT,
  EAN13_ZERO_PREFIX,
  honeywellReports,
  OTHER_REPORT,
  QR60,
  QR60_DIGITS,
  report,
} from './testing/hid-pos-reports';

describe('parseHidPosReport', () => {
  it('reads AIM, payload, vendor byte and continuation', () => {
    const parsed = parseHidPosReport(EAN13_AIM)!;
    expect(parsed.aim).toBe(']E0');
    expect(new TextDecoder().decode(parsed.payload)).toBe('4006381333931');
    expect(parsed.vendorSymbology).toBe(0x64);
    expect(parsed.more).toBe(false);
    expect(parseHidPosReport(QR60[0]!)!.more).toBe(true);
  });

  it('ignores other report IDs and too-short reports', () => {
    expect(parseHidPosReport(OTHER_REPORT)).toBeUndefined();
    expect(parseHidPosReport(new Uint8Array([2]))).toBeUndefined();
    expect(parseHidPosReport(OTHER_REPORT, { reportId: 4 })).toBeDefined();
  });

  it('never reads past byte 60, whatever the length byte says', () => {
    const lying = report(`02 ff 5d 51 31 ${'41 '.repeat(56)}`, [0x73, 0, 0]);
    expect(parseHidPosReport(lying)!.payload).toHaveLength(56);
  });
});

describe('HidPosReassembler', () => {
  it('reads a single report with the AIM prefix', () => {
    expect(new HidPosReassembler().push(EAN13_AIM)).toEqual({
      text: '4006381333931',
      symbology: 'ean13',
      aim: ']E0',
      vendorSymbology: 0x64,
      reports: 1,
    });
  });

  it('reads the same scan without AIM, falling back to the vendor byte', () => {
    for (const r of [EAN13_COMPACT, EAN13_ZERO_PREFIX]) {
      expect(new HidPosReassembler().push(r)).toEqual({
        text: '4006381333931',
        symbology: 'ean13',
        aim: undefined,
        vendorSymbology: 0x64,
        reports: 1,
      });
    }
  });

  it('reassembles a two-report QR and drops the trailing CR', () => {
    const hid = new HidPosReassembler();
    expect(hid.push(QR60[0]!)).toBeUndefined();
    expect(hid.pending).toBe(true);
    expect(hid.push(QR60[1]!)).toMatchObject({ text: QR60_DIGITS, symbology: 'qr', aim: ']Q1', reports: 2 });
    expect(hid.pending).toBe(false);
  });

  it('reassembles a 250-character QR over five reports, with and without AIM', () => {
    const qr = Array.from({ length: 250 }, (_, i) => String((i * 7) % 10)).join('');
    for (const aim of [']Q1', undefined]) {
      const reports = honeywellReports(`${qr}\r`, aim);
      expect(reports.length).toBe(5);
      const hid = new HidPosReassembler();
      const results = reports.map((r, i) => hid.push(r, i * 3));
      expect(results.slice(0, -1)).toEqual([undefined, undefined, undefined, undefined]);
      expect(results.at(-1)).toMatchObject({ text: qr, symbology: 'qr', reports: 5 });
    }
  });

  it('keeps a continuation payload that starts with "]" when the scan had no AIM', () => {
    const text = `${'A'.repeat(59)}]E0tail`;
    const hid = new HidPosReassembler();
    const out = honeywellReports(text, undefined, 0x6a).map((r) => hid.push(r));
    expect(out.at(-1)).toMatchObject({ text, symbology: 'code128' });
  });

  it('decodes UTF-8 split across reports (a Cyrillic regNo in a QR)', () => {
    const text = `${'x'.repeat(55)}УБ99112233`; // 'У' is 2 bytes: its first byte ends report 1
    const hid = new HidPosReassembler();
    const out = honeywellReports(text, ']Q1').map((r) => hid.push(r));
    expect(out.at(-1)).toMatchObject({ text, reports: 2 });
  });

  it('yields nothing for a CR-only report, alone or after a scan', () => {
    const hid = new HidPosReassembler();
    expect(hid.push(CR_ONLY)).toBeUndefined();
    expect(hid.push(EAN13_COMPACT)?.text).toBe('4006381333931');
    expect(hid.push(CR_ONLY)).toBeUndefined();
    expect(hid.pending).toBe(false);
  });

  it('drops a partial scan on reset() and when it goes stale', () => {
    const hid = new HidPosReassembler({ staleAfterMs: 500 });
    hid.push(QR60[0]!, 0);
    hid.reset();
    // The tail of the old scan alone is not the old scan.
    expect(hid.push(QR60[1]!, 10)?.text).toBe('7890');

    hid.push(QR60[0]!, 1000);
    expect(hid.push(EAN13_AIM, 2000)).toMatchObject({ text: '4006381333931', reports: 1 });
  });

  it('ignores reports with another report ID mid-scan', () => {
    const hid = new HidPosReassembler();
    hid.push(QR60[0]!);
    expect(hid.push(OTHER_REPORT)).toBeUndefined();
    expect(hid.push(QR60[1]!)?.text).toBe(QR60_DIGITS);
  });
});
