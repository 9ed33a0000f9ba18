import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, UPPER_HALF } from './code-pages';
import { layoutLine } from './layout';
import { PrinterProfileSchema } from './profile';
import { qrCode, qrModuleDots, qrModules } from './qr';
import { rasterLine } from './raster';
import { renderPrintJob } from './render';
import { decodeEscPos } from './testing/decode';

describe('code pages', () => {
  it('match the WHATWG decoders byte for byte', () => {
    const pages = { cp866: 'ibm866', wpc1251: 'windows-1251' } as const;
    for (const [page, label] of Object.entries(pages) as [keyof typeof pages, string][]) {
      const decoder = new TextDecoder(label);
      UPPER_HALF[page].forEach((char, i) => {
        if (char !== '\0') {
          expect(decoder.decode(Uint8Array.of(0x80 + i)), `${page} 0x${(0x80 + i).toString(16)}`).toBe(char);
        }
      });
      expect(UPPER_HALF[page]).toHaveLength(128);
    }
  });

  it('round-trips Russian, and writes the letters the pages lack as the nearest ones', () => {
    for (const page of ['cp866', 'wpc1251'] as const) {
      expect(decodeText(encodeText('Съешь ещё этих булок, № 5', page), page)).toBe(
        'Съешь ещё этих булок, № 5',
      );
      expect(decodeText(encodeText('Өндөр Үнэ Қ Ғ Ҳ Ўзбек', page), page)).toBe('Ондор Унэ К Г Х Ўзбек');
      // WPC1251 has the dash and the guillemets; cp866 spells them.
      const signs = page === 'cp866' ? '12 500 MNT · 5 GEL - "ok"' : '12 500 MNT · 5 GEL — «ok»';
      expect(decodeText(encodeText('12 500 ₮ · 5 ₾ — «ok»', page), page)).toBe(signs);
    }
  });

  it('never lets free text carry a command: control characters print as ?', () => {
    expect(encodeText('a\u001b@\u001dV\nb', 'cp866')).toEqual([0x61, 0x3f, 0x40, 0x3f, 0x56, 0x3f, 0x62]);
  });
});

describe('layout', () => {
  const cells = (s: string): string[] => Array.from(s);
  const join = (lines: string[][]): string[] => lines.map((l) => l.join(''));

  it('right-aligns the amount and keeps it whole when the text is long', () => {
    expect(
      join(layoutLine({ left: cells('Milk'), right: cells('7 000'), centered: false }, 12, ' ')),
    ).toEqual(['Milk   7 000']);
    expect(
      join(layoutLine({ left: cells('White bread large'), right: cells('2 300'), centered: false }, 12, ' ')),
    ).toEqual(['White bread ', 'large  2 300']);
    expect(
      join(layoutLine({ left: cells('Resolved (1)'), right: cells('25'), centered: false }, 12, ' ')),
    ).toEqual(['Resolved (1)', '          25']);
  });

  it('centres text', () => {
    expect(join(layoutLine({ left: cells('TIN'), right: [], centered: true }, 8, ' '))).toEqual(['  TIN   ']);
  });
});

describe('QR', () => {
  const digits = (n: number): Uint8Array => new TextEncoder().encode('7'.repeat(n));

  it('sizes the 200-digit eBarimt code as version 5, 6 dots a module on 58 mm and 8 on 80 mm', () => {
    expect(qrModules(digits(200))).toBe(37);
    expect(qrModuleDots(digits(200), 58)).toBe(6);
    expect(qrModuleDots(digits(200), 80)).toBe(8);
  });

  it('shrinks the module when a long payload would not fit', () => {
    const long = new TextEncoder().encode('x'.repeat(1000));
    expect(qrModules(long)).toBe(177);
    expect(qrModuleDots(long, 58)).toBe(1);
  });

  it('emits model 2, size, error correction M, store and print', () => {
    const bytes = qrCode('123', 58);
    expect(bytes.slice(0, 9)).toEqual([0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0]);
    expect(bytes.slice(9, 17)).toEqual([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6]);
    expect(bytes.slice(17, 25)).toEqual([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31]);
    expect(bytes.slice(25, 36)).toEqual([0x1d, 0x28, 0x6b, 6, 0, 0x31, 0x50, 0x30, 0x31, 0x32, 0x33]);
    expect(bytes.slice(36)).toEqual([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]);
  });
});

describe('raster lines', () => {
  it('are one GS v 0 image the width of the paper, 24 dots high (48 when double)', () => {
    const line = rasterLine(Array.from('ჯამი'), 384);
    expect(line.slice(0, 8)).toEqual([0x1d, 0x76, 0x30, 0, 48, 0, 24, 0]);
    expect(line).toHaveLength(8 + 48 * 24);
    expect(line.slice(8).some((b) => b !== 0)).toBe(true);
    expect(rasterLine(Array.from('ჯამი'), 576, { double: true }).slice(4, 8)).toEqual([72, 0, 48, 0]);
  });

  it('draws the text, not blanks: different letters, different dots', () => {
    expect(rasterLine(['ა'], 384)).not.toEqual(rasterLine(['ბ'], 384));
    expect(
      rasterLine([' '], 384)
        .slice(8)
        .every((b) => b === 0),
    ).toBe(true);
  });
});

describe('a print job', () => {
  it('starts with init and the code page, ends with a feed and one cut', () => {
    const bytes = renderPrintJob([{ kind: 'text', left: 'Итого', right: '5' }], {
      paperWidth: 58,
      codePage: 'wpc1251',
      georgian: 'raster',
    });
    expect(Array.from(bytes.slice(0, 5))).toEqual([0x1b, 0x40, 0x1b, 0x74, 46]);
    const job = decodeEscPos(bytes, 'wpc1251');
    expect(job.lines).toEqual([`Итого${' '.repeat(26)}5`]);
    expect(job.cuts).toBe(1);
  });

  it('uses the profile code page number when the printer numbers it differently', () => {
    const bytes = renderPrintJob([], {
      paperWidth: 80,
      codePage: 'cp866',
      georgian: 'raster',
      codePageNumber: 7,
    });
    expect(Array.from(bytes.slice(2, 5))).toEqual([0x1b, 0x74, 7]);
  });
});

describe('printer profile', () => {
  it('accepts what settings may hold and refuses the rest', () => {
    const profile = { paperWidth: 80, codePage: 'wpc1251', georgian: 'raster', codePageNumber: 46 };
    expect(PrinterProfileSchema.parse(profile)).toEqual(profile);
    expect(PrinterProfileSchema.safeParse({ ...profile, paperWidth: 76 }).success).toBe(false);
    expect(PrinterProfileSchema.safeParse({ ...profile, codePage: 'cp437' }).success).toBe(false);
    expect(PrinterProfileSchema.safeParse({ ...profile, codePageNumber: 256 }).success).toBe(false);
    expect(PrinterProfileSchema.safeParse({ ...profile, extra: 1 }).success).toBe(false);
  });
});
