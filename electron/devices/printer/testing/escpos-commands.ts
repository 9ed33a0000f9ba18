/**
 * Splits a recorded ESC/POS byte stream into commands, for transport and queue tests (and the lead's e2e): enough
 * to find the init, code page, drawer kick, QR store/print with its payload, cut, status queries and the text runs
 * between them. It is deliberately small; the document tests use the document helper's own decoder.
 */

export type EscPosCommand =
  | { kind: 'init'; bytes: Uint8Array }
  | { kind: 'code-page'; bytes: Uint8Array; page: number }
  | { kind: 'drawer-kick'; bytes: Uint8Array; pin: 2 | 5; onMs: number; offMs: number }
  | { kind: 'qr-store'; bytes: Uint8Array; data: Uint8Array }
  | { kind: 'qr-print'; bytes: Uint8Array }
  | { kind: 'qr-setting'; bytes: Uint8Array; fn: number }
  | { kind: 'cut'; bytes: Uint8Array }
  | { kind: 'status-query'; bytes: Uint8Array; n: number }
  | { kind: 'raster'; bytes: Uint8Array }
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'other'; bytes: Uint8Array };

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;

/** ESC and GS commands with one parameter byte (3 bytes in all) that the documents use. */
const ESC_ONE_PARAM = new Set([0x21, 0x2d, 0x32, 0x33, 0x45, 0x47, 0x4d, 0x52, 0x61, 0x64, 0x4a]);
const GS_ONE_PARAM = new Set([0x21, 0x42, 0x48, 0x66, 0x68, 0x77]);

export function splitEscPos(stream: Uint8Array): EscPosCommand[] {
  const commands: EscPosCommand[] = [];
  let text: number[] = [];
  const at = (i: number): number => stream[i] ?? 0;
  const flushText = () => {
    if (text.length > 0) {
      commands.push({ kind: 'text', bytes: Uint8Array.from(text) });
      text = [];
    }
  };
  let i = 0;
  while (i < stream.length) {
    const b = at(i);
    const next = at(i + 1);
    const take = (length: number) => stream.slice(i, Math.min(stream.length, i + length));
    let command: EscPosCommand | undefined;
    if (b === ESC && next === 0x40) {
      command = { kind: 'init', bytes: take(2) };
    } else if (b === ESC && next === 0x74) {
      command = { kind: 'code-page', bytes: take(3), page: at(i + 2) };
    } else if (b === ESC && next === 0x70) {
      const m = at(i + 2);
      command = {
        kind: 'drawer-kick',
        bytes: take(5),
        pin: m === 0 || m === 48 ? 2 : 5,
        onMs: at(i + 3) * 2,
        offMs: at(i + 4) * 2,
      };
    } else if (b === ESC && ESC_ONE_PARAM.has(next)) {
      command = { kind: 'other', bytes: take(3) };
    } else if (b === GS && next === 0x28) {
      // GS ( x pL pH <pL + 256·pH bytes>; for GS ( k those bytes are cn fn …
      const length = at(i + 3) + 256 * at(i + 4);
      const bytes = take(5 + length);
      const cn = at(i + 5);
      const fn = at(i + 6);
      if (at(i + 2) === 0x6b && cn === 49 && fn === 80) {
        command = { kind: 'qr-store', bytes, data: bytes.slice(8) };
      } else if (at(i + 2) === 0x6b && cn === 49 && fn === 81) {
        command = { kind: 'qr-print', bytes };
      } else if (at(i + 2) === 0x6b && cn === 49) {
        command = { kind: 'qr-setting', bytes, fn };
      } else {
        command = { kind: 'other', bytes };
      }
    } else if (b === GS && next === 0x56) {
      const m = at(i + 2);
      command = { kind: 'cut', bytes: take(m >= 65 ? 4 : 3) };
    } else if (b === GS && next === 0x76 && at(i + 2) === 0x30) {
      // GS v 0 m xL xH yL yH <(xL + 256·xH) · (yL + 256·yH) bytes>
      const width = at(i + 4) + 256 * at(i + 5);
      const height = at(i + 6) + 256 * at(i + 7);
      command = { kind: 'raster', bytes: take(8 + width * height) };
    } else if (b === GS && GS_ONE_PARAM.has(next)) {
      command = { kind: 'other', bytes: take(3) };
    } else if (b === DLE && next === 0x04) {
      command = { kind: 'status-query', bytes: take(3), n: at(i + 2) };
    } else if (b === ESC || b === GS || b === DLE) {
      // Unknown to this small splitter: the command byte and its function byte.
      command = { kind: 'other', bytes: take(2) };
    }
    if (command) {
      flushText();
      commands.push(command);
      i += command.bytes.length;
    } else {
      text.push(b);
      i++;
    }
  }
  flushText();
  return commands;
}

/** The text runs of a stream as Latin-1/ASCII lines (for finding ASCII markers in tests). */
export function asciiLines(commands: readonly EscPosCommand[]): string[] {
  return commands
    .filter((c) => c.kind === 'text')
    .map((c) => String.fromCharCode(...c.bytes))
    .join('')
    .split('\n')
    .filter((line) => line.length > 0);
}
