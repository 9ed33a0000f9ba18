/**
 * What the documents need to know about one receipt printer (docs/printing.md). Chosen per printer in the
 * settings: the paper, the Cyrillic code page it has, and how Georgian is printed (it has no Georgian font).
 */
import { PrinterProfileSchema, type PrinterProfileSetting } from '../../../../shared/settings/printer';

export type PaperWidth = 58 | 80;
export type CodePageName = 'cp866' | 'wpc1251';

/** The printer's profile as the settings hold it (fields documented in shared/settings/printer.ts). */
export type PrinterProfile = PrinterProfileSetting;

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

/** The profile as settings store it (a trust boundary: read from disk and from IPC); shared/settings/printer.ts. */
export { PrinterProfileSchema };
