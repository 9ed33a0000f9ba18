/**
 * ESC/POS commands as plain bytes (Epson TM series numbering, which the 58/80 mm clones follow). Pure: no I/O.
 * The documents combine them through render.ts; the printer transports only send the result.
 *
 *   init ESC @ · code page ESC t n · align ESC a n · bold ESC E n · font ESC M n · size GS ! n · feed LF / ESC d n
 *   cut GS V 66 n (feed n dots, then a partial cut) · QR GS ( k (qr.ts) · raster image GS v 0 (raster.ts)
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const LF = 0x0a;

export type Alignment = 'left' | 'center' | 'right';

export function init(): number[] {
  return [ESC, 0x40];
}

export function selectCodePage(n: number): number[] {
  if (!Number.isInteger(n) || n < 0 || n > 255) {
    throw new RangeError(`code page number ${n} is not a byte`);
  }
  return [ESC, 0x74, n];
}

export function align(alignment: Alignment): number[] {
  return [ESC, 0x61, alignment === 'left' ? 0 : alignment === 'center' ? 1 : 2];
}

export function bold(on: boolean): number[] {
  return [ESC, 0x45, on ? 1 : 0];
}

/** Font B (9×17 dots: 42 characters on 58 mm, 64 on 80 mm) for long numbers; font A otherwise. */
export function smallFont(on: boolean): number[] {
  return [ESC, 0x4d, on ? 1 : 0];
}

/** Character size: double width and height together, or normal. */
export function doubleSize(on: boolean): number[] {
  return [GS, 0x21, on ? 0x11 : 0x00];
}

export function lineFeed(): number[] {
  return [LF];
}

/** Prints the buffer and feeds `lines` lines. */
export function feedLines(lines: number): number[] {
  if (!Number.isInteger(lines) || lines < 0 || lines > 255) {
    throw new RangeError(`feed of ${lines} lines is out of range`);
  }
  return [ESC, 0x64, lines];
}

/** Feeds the paper to the cutter (plus `extraDots`) and cuts it partially: the one cut every clone has. */
export function cut(extraDots = 0): number[] {
  return [GS, 0x56, 0x42, extraDots];
}
