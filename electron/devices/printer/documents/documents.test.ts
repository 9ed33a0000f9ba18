/**
 * Golden bytes for every document × receipt language (58 mm; the sale receipt also on 80 mm and with the other
 * code page), plus what a printer would show, read back with the test decoder.
 * Regenerate after an intended change: KASSA_UPDATE_GOLDEN=1 npx vitest run electron/devices/printer/documents/documents.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrinterProfile } from '../escpos/profile';
import { decodeEscPos } from '../escpos/testing/decode';
import { RECEIPT_LOCALES, RECEIPT_WORDS, type ReceiptLocale } from './catalog';
import { renderRefundSlip } from './refund-slip';
import { renderSaleReceipt } from './sale-receipt';
import { renderShiftReport } from './shift-report';
import {
  LOTTERY,
  QR_DATA,
  RECEIPT_ID,
  refundSlipFor,
  saleReceiptFor,
  SAMPLES,
  shiftReportFor,
} from './testing/fixtures';

const GOLDEN_DIR = join(__dirname, 'golden');
const UPDATE = process.env.KASSA_UPDATE_GOLDEN === '1';

const P58: PrinterProfile = { paperWidth: 58, codePage: 'cp866', georgian: 'raster' };
const P80: PrinterProfile = { paperWidth: 80, codePage: 'cp866', georgian: 'raster' };

/** Index of the first byte that differs (or the shorter length), -1 when equal. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (a[i] !== b[i]) {
      return i;
    }
  }
  return a.length === b.length ? -1 : n;
}

function matchesGolden(name: string, bytes: Uint8Array): void {
  const path = join(GOLDEN_DIR, `${name}.bin`);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, bytes);
  }
  expect(existsSync(path), `${path} missing: run with KASSA_UPDATE_GOLDEN=1`).toBe(true);
  const golden = new Uint8Array(readFileSync(path));
  expect(firstDifference(bytes, golden), `${name}: first differing byte`).toBe(-1);
}

const documents = {
  sale: (l: ReceiptLocale, p: PrinterProfile) => renderSaleReceipt(saleReceiptFor(l), p),
  refund: (l: ReceiptLocale, p: PrinterProfile) => renderRefundSlip(refundSlipFor(l), p),
  xreport: (l: ReceiptLocale, p: PrinterProfile) => renderShiftReport(shiftReportFor(l), p),
};

describe('golden bytes', () => {
  for (const locale of RECEIPT_LOCALES) {
    for (const [doc, render] of Object.entries(documents)) {
      it(`${doc} ${locale} 58 mm`, () => {
        matchesGolden(`${doc}-${locale}-58`, render(locale, P58));
      });
    }
    it(`sale ${locale} 80 mm`, () => {
      matchesGolden(`sale-${locale}-80`, documents.sale(locale, P80));
    });
  }
  it('sale ru 58 mm in WPC1251', () => {
    matchesGolden('sale-ru-58-wpc1251', documents.sale('ru', { ...P58, codePage: 'wpc1251' }));
  });
  it('sale ka 58 mm transliterated', () => {
    matchesGolden('sale-ka-58-translit', documents.sale('ka', { ...P58, georgian: 'transliterate' }));
  });
  it('sale mn 58 mm with Ө Ү drawn as raster', () => {
    matchesGolden('sale-mn-58-raster', documents.sale('mn', { ...P58, cyrillicExtras: 'raster' }));
  });
  it('Z report mn 58 mm', () => {
    matchesGolden('zreport-mn-58', renderShiftReport(shiftReportFor('mn', 'z'), P58));
  });

  it('a changed byte is caught', () => {
    const bytes = documents.sale('mn', P58);
    const changed = bytes.slice();
    changed[100] = (changed[100] ?? 0) ^ 1;
    expect(firstDifference(bytes, changed)).toBe(100);
    expect(firstDifference(bytes, bytes.slice(0, -1))).toBe(bytes.length - 1);
  });
});

describe('what the printer shows', () => {
  it('the Russian receipt decodes back to its words in both code pages, with TIN, total, lottery and QR', () => {
    for (const codePage of ['cp866', 'wpc1251'] as const) {
      const job = decodeEscPos(documents.sale('ru', { ...P58, codePage }), codePage);
      expect(job.lines).toContain(' '.repeat(10) + 'ИНН: 5012345' + ' '.repeat(10));
      expect(job.lines.some((l) => /^Итого +24 000 MNT$/.test(l))).toBe(true);
      expect(job.lines.some((l) => /^Кассир +Ёлкина$/.test(l))).toBe(true);
      expect(job.lines.some((l) => l.startsWith('Лотерея:') && l.endsWith(LOTTERY))).toBe(true);
      expect(job.qr).toEqual([QR_DATA]);
      expect(job.rasterLines).toBe(0);
      expect(job.cuts).toBe(1);
    }
  });

  it('the Mongolian receipt: Ө Ү print as О У in the code page, or the lines go raster', () => {
    const text = decodeEscPos(documents.sale('mn', P58), 'cp866');
    expect(text.lines.some((l) => /^Нийт дун +24 000 MNT$/.test(l))).toBe(true);
    expect(text.lines.some((l) => l.includes('ТТД: 5012345'))).toBe(true);
    expect(text.lines.some((l) => l.startsWith('Сугалаа:') && l.endsWith(LOTTERY))).toBe(true);
    expect(text.lines.some((l) => l.includes(RECEIPT_ID))).toBe(true);
    expect(text.qr).toEqual([QR_DATA]);
    expect(text.qrModuleDots).toEqual([6]);
    const raster = decodeEscPos(documents.sale('mn', { ...P58, cyrillicExtras: 'raster' }), 'cp866');
    expect(raster.rasterLines).toBeGreaterThan(0);
    expect(raster.lines.some((l) => l.includes('Нийт дун'))).toBe(false);
    expect(raster.qr).toEqual([QR_DATA]);
  });

  it('English and the 80 mm paper: 48 columns and a larger QR module', () => {
    const job = decodeEscPos(documents.sale('en', P80), 'cp866');
    expect(job.lines.some((l) => l.length === 48 && /^Total +24 000 MNT$/.test(l))).toBe(true);
    expect(job.lines.some((l) => /^TIN: 5012345$/.test(l.trim()))).toBe(true);
    expect(job.qrModuleDots).toEqual([8]);
    expect(job.qr).toEqual([QR_DATA]);
  });

  it('Georgian prints as raster lines (no text left in Georgian), or transliterated', () => {
    const raster = decodeEscPos(documents.sale('ka', P58), 'cp866');
    expect(raster.rasterLines).toBeGreaterThan(10);
    expect(raster.rasterHeights.every((h) => h === 24 || h === 48)).toBe(true);
    expect(raster.lines.some((l) => l.includes('?'))).toBe(false);
    const latin = decodeEscPos(documents.sale('ka', { ...P58, georgian: 'transliterate' }), 'cp866');
    expect(latin.rasterLines).toBe(0);
    expect(latin.lines.some((l) => /^jami +240\.00 GEL$/.test(l))).toBe(true);
    expect(latin.lines.some((l) => l.includes('s/k: 404123456'))).toBe(true);
  });

  it('Uzbek: Latin text as it is, Cyrillic Қ Ғ Ҳ as К Г Х', () => {
    const job = decodeEscPos(documents.sale('uz', P58), 'cp866');
    expect(job.lines.some((l) => /^Jami +24 000 UZS$/.test(l))).toBe(true);
    expect(job.lines).toContain('Ок нон, гишт, 500 г'.padEnd(32));
    expect(job.lines.some((l) => /^Kassir +Хилола$/.test(l))).toBe(true);
  });

  it('the refund slip and the X report carry their amounts', () => {
    for (const locale of ['mn', 'en', 'ru', 'uz'] as const) {
      const words = RECEIPT_WORDS[locale];
      const refund = decodeEscPos(documents.refund(locale, P58), 'cp866');
      expect(refund.lines.some((l) => l.endsWith(`3 500 ${SAMPLES[locale].currency}`))).toBe(true);
      expect(refund.lines.some((l) => l.startsWith('S-000123') || l.endsWith('S-000123'))).toBe(true);
      const report = decodeEscPos(documents.xreport(locale, P58), 'cp866');
      expect(report.lines.some((l) => l.endsWith(`1 247 300 ${SAMPLES[locale].currency}`))).toBe(true);
      expect(report.lines.some((l) => l.trim() === words.xReport)).toBe(true);
      expect(report.qr).toEqual([]);
    }
  });
});
