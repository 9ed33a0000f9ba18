/**
 * Lines the printer has no font for, drawn as a raster image (`GS v 0`) from the 12×24 bitmap cells of
 * glyphs-12x24.ts: Georgian always (no receipt printer has a Georgian font), Cyrillic letters the code page lacks
 * when the profile asks for it. One cell = one font-A character, so a raster line keeps the text columns.
 * docs/printing.md, "Georgian".
 */
import { GS } from './commands';
import { GLYPH_HEIGHT, GLYPH_WIDTH, GLYPHS } from './glyphs-12x24';

/** Mtavruli capitals (U+1C90…) print as their Mkhedruli letter (U+10D0…): receipts use one case. */
const MTAVRULI_OFFSET = 0x1c90 - 0x10d0;

function glyphKey(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x1c90 && code <= 0x1cbf) {
    return String.fromCodePoint(code - MTAVRULI_OFFSET);
  }
  return char;
}

export function isGeorgian(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x10a0 && code <= 0x10ff) || (code >= 0x1c90 && code <= 0x1cbf) || code === 0x20be;
}

/** Whether the bitmap font can draw the character. */
export function hasGlyph(char: string): boolean {
  return GLYPHS[glyphKey(char)] !== undefined;
}

function glyphRows(char: string): number[] {
  const hex = GLYPHS[glyphKey(char)] ?? GLYPHS['?'] ?? '';
  return Array.from({ length: GLYPH_HEIGHT }, (_, y) => parseInt(hex.slice(y * 4, y * 4 + 4), 16) || 0);
}

export interface RasterStyle {
  /** Double width and height (cells of 24×48 dots). */
  double?: boolean;
  /** Strokes one dot wider. */
  bold?: boolean;
}

/**
 * `GS v 0` for one line of `cells` characters (already laid out to the columns) on a line `widthDots` wide.
 */
export function rasterLine(cells: readonly string[], widthDots: number, style: RasterStyle = {}): number[] {
  const scale = style.double ? 2 : 1;
  const rowBytes = Math.ceil(widthDots / 8);
  const height = GLYPH_HEIGHT * scale;
  const image = new Uint8Array(rowBytes * height);
  const setDot = (x: number, y: number): void => {
    if (x < widthDots) {
      const index = y * rowBytes + (x >> 3);
      image[index] = (image[index] ?? 0) | (0x80 >> (x & 7));
    }
  };
  cells.forEach((char, i) => {
    const rows = glyphRows(char);
    rows.forEach((bits, y) => {
      const inked = style.bold ? bits | (bits >> 1) : bits;
      for (let x = 0; x < GLYPH_WIDTH + 1; x += 1) {
        if (inked & (0x8000 >> x)) {
          for (let dy = 0; dy < scale; dy += 1) {
            for (let dx = 0; dx < scale; dx += 1) {
              setDot((i * GLYPH_WIDTH + x) * scale + dx, y * scale + dy);
            }
          }
        }
      }
    });
  });
  return [GS, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, height & 0xff, height >> 8, ...image];
}
