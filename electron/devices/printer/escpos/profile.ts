/**
 * What the documents need to know about one receipt printer (docs/printing.md). Chosen per printer in the
 * settings: the paper, the Cyrillic code page it has, and how Georgian is printed (it has no Georgian font).
 */
import { z } from 'zod';

export type PaperWidth = 58 | 80;
export type CodePageName = 'cp866' | 'wpc1251';

export interface PrinterProfile {
  paperWidth: PaperWidth;
  codePage: CodePageName;
  /** 'raster': Georgian lines are drawn as a bitmap (GS v 0); 'transliterate': written in Latin letters. */
  georgian: 'raster' | 'transliterate';
  /**
   * Mongolian Ө Ү and Uzbek Қ Ғ Ҳ, which neither code page has: 'substitute' (default) prints the nearest letter
   * (О У К Г Х) as text; 'raster' draws the lines holding them as an image, letter-true but slower and larger.
   */
  cyrillicExtras?: 'substitute' | 'raster';
  /**
   * The `ESC t n` number of the code page when the printer's table differs from Epson's (PC866 = 17,
   * WPC1251 = 46). Many clones use other numbers; the self-test page of the printer lists them.
   */
  codePageNumber?: number;
}

/** Characters per line in font A (12×24 dots): 32 on 58 mm paper, 48 on 80 mm. */
export function columnsFor(paperWidth: PaperWidth): number {
  return paperWidth === 58 ? 32 : 48;
}

/** Characters per line in font B (9×17 dots). */
export function smallColumnsFor(paperWidth: PaperWidth): number {
  return paperWidth === 58 ? 42 : 64;
}

/** Printable width in dots at 203 dpi: 384 on 58 mm paper, 576 on 80 mm. */
export function dotsFor(paperWidth: PaperWidth): number {
  return columnsFor(paperWidth) * 12;
}

/** The profile as settings store it (a trust boundary: read from disk and from IPC). */
export const PrinterProfileSchema = z.strictObject({
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  codePage: z.enum(['cp866', 'wpc1251']),
  georgian: z.enum(['raster', 'transliterate']),
  cyrillicExtras: z.enum(['substitute', 'raster']).optional(),
  codePageNumber: z.number().int().min(0).max(255).optional(),
}) satisfies z.ZodType<PrinterProfile>;
