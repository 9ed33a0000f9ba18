import { describe, expect, it } from 'vitest';
import { asciiLines, splitEscPos } from './escpos-commands';

describe('ESC/POS splitter for transport tests', () => {
  it('splits init, code page, text, QR, raster, cut, status and drawer kick', () => {
    const stream = Uint8Array.from([
      ...[0x1b, 0x40],
      ...[0x1b, 0x74, 46],
      ...[0x1b, 0x61, 1],
      ...Buffer.from('TIN 1234567\nTOTAL 5 000\n'),
      ...[0x1d, 0x28, 0x6b, 6, 0, 49, 80, 48, 0x41, 0x1b, 0x43],
      ...[0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
      ...[0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0x1b, 0x40],
      ...[0x10, 0x04, 4],
      ...[0x1d, 0x56, 0],
      ...[0x1b, 0x70, 1, 25, 250],
    ]);
    const commands = splitEscPos(stream);
    expect(commands.map((c) => c.kind)).toEqual([
      'init',
      'code-page',
      'other',
      'text',
      'qr-store',
      'qr-print',
      'raster',
      'status-query',
      'cut',
      'drawer-kick',
    ]);
    // The QR payload and the raster rows may hold ESC bytes: they stay inside their command.
    const store = commands[4];
    expect(store?.kind === 'qr-store' && [...store.data]).toEqual([0x41, 0x1b, 0x43]);
    expect(commands[1]).toMatchObject({ page: 46 });
    expect(commands[7]).toMatchObject({ n: 4 });
    expect(commands[9]).toMatchObject({ pin: 5, onMs: 50, offMs: 500 });
    expect(asciiLines(commands)).toEqual(['TIN 1234567', 'TOTAL 5 000']);
  });

  it('keeps the bytes: joined commands are the stream again', () => {
    const stream = Uint8Array.from([0x1b, 0x40, 0x41, 0x1d, 0x56, 65, 3, 0x42, 0x1b, 0x99]);
    const commands = splitEscPos(stream);
    expect(commands.flatMap((c) => [...c.bytes])).toEqual([...stream]);
    expect(commands.map((c) => c.kind)).toEqual(['init', 'text', 'cut', 'text', 'other']);
  });
});
