/**
 * Pole display command sets (the display's DIP switches pick the emulation). Each builds plain bytes; the
 * transports frame them. The frame pattern is the proven one: code page → clear → line 1 → line 2, each line
 * exactly 20 cells.
 *
 *   Epson ESC/POS display mode: init 1B 40 · clear 0C · home 0B · cursor 1F 24 x y (1-based) · cursor off 1F 43 00
 *                               · brightness 1F 58 n (1–4) · code page 1B 74 n (cp866 = 0x11)
 *   CD5220 mode:                clear 0C · home 1B 5B 48 · upper line 1B 51 41 <20> 0D · lower line 1B 51 42 <20> 0D
 *                               · cursor 1B 6C x y · brightness and code page: none in the documented set; a code page
 *                               command (1B 74 n) can be enabled for models that accept it.
 */
import { layoutPoleLine, POLE_COLUMNS, type PoleLine, type PoleTextOptions } from './text';

export type PoleCommandSetName = 'epson' | 'cd5220';

export interface PoleCommandSet {
  readonly name: PoleCommandSetName;
  /** Sent once after the port opens. */
  init(): number[];
  clear(): number[];
  home(): number[];
  /** Column 1–20, row 1–2. */
  moveTo(column: number, row: 1 | 2): number[];
  /** Writes exactly 20 cells to one row. */
  writeRow(row: 1 | 2, cells: readonly number[]): number[];
  /** 1 (dim) – 4 (bright); undefined when the command set has no brightness command. */
  brightness(level: 1 | 2 | 3 | 4): number[] | undefined;
  /** Selects a character code page; undefined when the command set has none. */
  codePage(page: number): number[] | undefined;
}

/** cp866 ("PC866 Cyrillic #2") in the Epson code page table. */
export const EPSON_CP866 = 0x11;

const ESC = 0x1b;
const US = 0x1f;

function checkPosition(column: number, row: number): void {
  if (!Number.isInteger(column) || column < 1 || column > POLE_COLUMNS || (row !== 1 && row !== 2)) {
    throw new RangeError(`cursor position ${column},${row} is outside 20×2`);
  }
}

export const epsonCommands: PoleCommandSet = {
  name: 'epson',
  init: () => [ESC, 0x40, US, 0x43, 0x00, US, 0x01],
  clear: () => [0x0c],
  home: () => [0x0b],
  moveTo(column, row) {
    checkPosition(column, row);
    return [US, 0x24, column, row];
  },
  writeRow(row, cells) {
    return [...this.moveTo(1, row), ...cells];
  },
  brightness: (level) => [US, 0x58, level],
  codePage: (page) => [ESC, 0x74, page],
};

export function createCd5220Commands(options: { codePageCommand?: boolean } = {}): PoleCommandSet {
  return {
    name: 'cd5220',
    init: () => [ESC, 0x40],
    clear: () => [0x0c],
    home: () => [ESC, 0x5b, 0x48],
    moveTo(column, row) {
      checkPosition(column, row);
      return [ESC, 0x6c, column, row];
    },
    writeRow: (row, cells) => [ESC, 0x51, row === 1 ? 0x41 : 0x42, ...cells, 0x0d],
    brightness: () => undefined,
    codePage: (page) => (options.codePageCommand ? [ESC, 0x74, page] : undefined),
  };
}

export const cd5220Commands = createCd5220Commands();

export interface PoleFrameOptions extends PoleTextOptions {
  /** Code page selected before the text when `cyrillic` is 'cp866'. Default EPSON_CP866. */
  codePage?: number;
}

/** The bytes that show two lines: [code page] · clear · row 1 · row 2. */
export function encodePoleFrame(
  set: PoleCommandSet,
  lines: readonly [PoleLine, PoleLine],
  options: PoleFrameOptions,
): Uint8Array {
  const bytes: number[] = [];
  if (options.cyrillic === 'cp866') {
    bytes.push(...(set.codePage(options.codePage ?? EPSON_CP866) ?? []));
  }
  bytes.push(...set.clear());
  bytes.push(...set.writeRow(1, layoutPoleLine(lines[0], options)));
  bytes.push(...set.writeRow(2, layoutPoleLine(lines[1], options)));
  return Uint8Array.from(bytes);
}

/** The bytes sent once after opening: init, optional brightness. */
export function encodePoleInit(set: PoleCommandSet, brightness?: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.from([
    ...set.init(),
    ...(brightness === undefined ? [] : (set.brightness(brightness) ?? [])),
  ]);
}
