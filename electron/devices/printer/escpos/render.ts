/**
 * A document as print lines → the bytes of one print job for one printer profile (docs/printing.md). Pure.
 * Each text line is printed as text in the profile's code page, or — when it holds characters the printer has
 * no font for and the profile says so — as a raster line of the same columns (raster.ts).
 */
import { encodePoleText } from '../../pole/text';
import * as cmd from './commands';
import { CYRILLIC_SUBSTITUTES, encodeText, EPSON_CODE_PAGE_NUMBER, spellSign } from './code-pages';
import { layoutLine } from './layout';
import { columnsFor, dotsFor, smallColumnsFor, type PrinterProfile } from './profile';
import { qrCode } from './qr';
import { hasGlyph, isGeorgian, rasterLine } from './raster';

export type PrintLine =
  | {
      kind: 'text';
      left?: string;
      right?: string;
      center?: string;
      bold?: boolean;
      double?: boolean;
      /** Font B, for long numbers (the 33-digit eBarimt id on 58 mm); ignored on raster lines. */
      small?: boolean;
    }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number };

function append(out: number[], bytes: readonly number[]): void {
  for (const b of bytes) {
    out.push(b);
  }
}

/** Georgian in Latin letters (the pole display's national-system transliteration). */
function georgianLatin(char: string): string | undefined {
  return isGeorgian(char)
    ? String.fromCharCode(...encodePoleText(char, { cyrillic: 'transliterate' }))
    : undefined;
}

function needsRaster(text: string, profile: PrinterProfile): boolean {
  return Array.from(text).some(
    (c) =>
      (profile.georgian === 'raster' && isGeorgian(c)) ||
      (profile.cyrillicExtras === 'raster' && CYRILLIC_SUBSTITUTES[c] !== undefined),
  );
}

function rasterCells(text: string): string[] {
  return Array.from(text.normalize('NFC')).flatMap((c) =>
    hasGlyph(c) ? [c] : Array.from(spellSign(c) ?? '?'),
  );
}

function renderText(
  line: Extract<PrintLine, { kind: 'text' }>,
  profile: PrinterProfile,
  out: number[],
): void {
  const small = line.small === true && !line.double;
  const columns = small
    ? smallColumnsFor(profile.paperWidth)
    : columnsFor(profile.paperWidth) / (line.double ? 2 : 1);
  const centered = line.center !== undefined;
  const left = line.center ?? line.left ?? '';
  const right = centered ? '' : (line.right ?? '');
  if (needsRaster(left + right, profile)) {
    const parts = { left: rasterCells(left), right: rasterCells(right), centered };
    const rasterColumns = columnsFor(profile.paperWidth) / (line.double ? 2 : 1);
    for (const cells of layoutLine(parts, rasterColumns, ' ')) {
      append(out, rasterLine(cells, dotsFor(profile.paperWidth), line));
    }
    return;
  }
  const encode = (text: string): number[] => encodeText(text, profile.codePage, georgianLatin);
  const parts = { left: encode(left), right: encode(right), centered };
  append(out, [...cmd.bold(line.bold ?? false), ...cmd.doubleSize(line.double ?? false)]);
  if (small) {
    append(out, cmd.smallFont(true));
  }
  for (const bytes of layoutLine(parts, columns, 0x20)) {
    append(out, [...bytes, ...cmd.lineFeed()]);
  }
  append(out, [...cmd.bold(false), ...cmd.doubleSize(false)]);
  if (small) {
    append(out, cmd.smallFont(false));
  }
}

/** The whole job: init, code page, the lines, feed and cut. */
export function renderPrintJob(lines: readonly PrintLine[], profile: PrinterProfile): Uint8Array {
  const out: number[] = [];
  append(out, cmd.init());
  append(out, cmd.selectCodePage(profile.codePageNumber ?? EPSON_CODE_PAGE_NUMBER[profile.codePage]));
  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        renderText(line, profile, out);
        break;
      case 'rule':
        append(out, [...Array<number>(columnsFor(profile.paperWidth)).fill(0x2d), ...cmd.lineFeed()]);
        break;
      case 'qr':
        append(out, [...cmd.align('center'), ...qrCode(line.data, profile.paperWidth), ...cmd.lineFeed()]);
        append(out, cmd.align('left'));
        break;
      case 'feed':
        append(out, cmd.feedLines(line.lines));
        break;
    }
  }
  append(out, [...cmd.feedLines(3), ...cmd.cut()]);
  return Uint8Array.from(out);
}
