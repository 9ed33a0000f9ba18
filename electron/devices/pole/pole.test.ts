import { describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import { FakeHidBackend } from '../testing/fake-hid-backend';
import { FakePoleTransport } from '../testing/fake-pole-transport';
import {
  cd5220Commands,
  createCd5220Commands,
  encodePoleFrame,
  encodePoleInit,
  epsonCommands,
} from './commands';
import { PoleDisplay, renderPoleLines, type PoleViewModel } from './render';
import { cellsToAscii, encodePoleText, layoutPoleLine, type PoleTextOptions } from './text';
import {
  createSerialPortOpener,
  frameHidReports,
  HidPoleTransport,
  SerialPoleTransport,
  type SerialPortLike,
} from './transports';

interface MockBindingLike {
  createPort(path: string, options: { echo: boolean; record: boolean }): void;
}
const hasCreatePort = (b: unknown): b is MockBindingLike =>
  typeof b === 'object' && b !== null && 'createPort' in b && typeof b.createPort === 'function';

const hex = (text: string) =>
  Uint8Array.from(
    text
      .trim()
      .split(/\s+/)
      .map((b) => Number.parseInt(b, 16)),
  );
const CP866: PoleTextOptions = { cyrillic: 'cp866' };
const LATIN: PoleTextOptions = { cyrillic: 'transliterate' };
const line = (l: Parameters<typeof layoutPoleLine>[0], o: PoleTextOptions = LATIN) =>
  cellsToAscii(layoutPoleLine(l, o));

describe('pole text', () => {
  it('encodes Cyrillic in cp866, drawing Ө/Ү with the nearest letter', () => {
    expect(encodePoleText('Нийт', CP866)).toEqual([0x8d, 0xa8, 0xa9, 0xe2]);
    expect(encodePoleText('Төлөх', CP866)).toEqual([0x92, 0xae, 0xab, 0xae, 0xe5]);
    expect(encodePoleText('ҮЁё№', CP866)).toEqual([0x93, 0xf0, 0xf1, 0xfc]);
  });

  it('transliterates Mongolian and Russian Cyrillic', () => {
    expect(cellsToAscii(encodePoleText('Төлөгдлөө', LATIN))).toBe('Tologdloo');
    expect(cellsToAscii(encodePoleText('ХААН банк', LATIN))).toBe('KHAAN bank');
    expect(cellsToAscii(encodePoleText('Хариулт', LATIN))).toBe('Khariult');
    expect(cellsToAscii(encodePoleText('Сдача: 50 ₽', LATIN))).toBe('Sdacha: 50 ?');
  });

  it('transliterates Georgian Mkhedruli and Mtavruli, in both Cyrillic modes', () => {
    expect(cellsToAscii(encodePoleText('გმადლობთ', LATIN))).toBe('gmadlobt');
    expect(cellsToAscii(encodePoleText('წყალი', CP866))).toBe('tsqali');
    expect(cellsToAscii(encodePoleText('წყალი', { cyrillic: 'cp866', georgianApostrophes: true }))).toBe(
      "ts'q'ali",
    );
    expect(cellsToAscii(encodePoleText('ᲯᲐᲛᲘ', LATIN))).toBe('JAMI');
    expect(cellsToAscii(encodePoleText('25,50 ₾', LATIN))).toBe('25,50 GEL');
  });

  it('handles Uzbek, spaces from number formatting, accents and the unknown', () => {
    expect(cellsToAscii(encodePoleText('Oʻzbekiston', LATIN))).toBe("O'zbekiston");
    expect(cellsToAscii(encodePoleText('ўқ', LATIN))).toBe("o'q");
    expect(cellsToAscii(encodePoleText('12\u202f500\u00a0₮', LATIN))).toBe('12 500 MNT');
    expect(cellsToAscii(encodePoleText('Café', LATIN))).toBe('Cafe');
    expect(cellsToAscii(encodePoleText('中', LATIN))).toBe('?');
  });

  it('pads and cuts every line to exactly 20 columns, the right part first', () => {
    expect(line({ left: 'Total', right: '9.99' })).toBe('Total           9.99');
    expect(line({ left: 'A very long product name', right: '1 250.00' })).toBe('A very long 1 250.00');
    expect(line({ right: '123456789012345678901234' })).toBe('12345678901234567890');
    expect(line({ center: 'Thank you!' })).toBe('     Thank you!     ');
    expect(line({ center: 'x'.repeat(25) })).toBe('x'.repeat(20));
    expect(line({})).toBe(' '.repeat(20));
    // Length is counted after transliteration: Х → Kh takes two cells.
    expect(line({ left: 'Хххххххххх', right: '1' })).toBe('Khkhkhkhkhkhkhkhkh 1');
    for (const l of [{ left: 'Нийт', right: '12 500 ₮' }, { center: 'გმადლობთ!' }]) {
      expect(layoutPoleLine(l, CP866)).toHaveLength(20);
      expect(layoutPoleLine(l, LATIN)).toHaveLength(20);
    }
  });
});

describe('pole command sets: golden bytes', () => {
  it('Epson ESC/POS, cp866 Cyrillic', () => {
    const frame = encodePoleFrame(
      epsonCommands,
      [{ left: 'Нийт', right: '12500' }, { center: 'Баярлалаа!' }],
      CP866,
    );
    expect(frame).toEqual(
      hex(`
        1b 74 11  0c
        1f 24 01 01  8d a8 a9 e2 20 20 20 20 20 20 20 20 20 20 20 31 32 35 30 30
        1f 24 01 02  20 20 20 20 20 81 a0 ef e0 ab a0 ab a0 a0 21 20 20 20 20 20
      `),
    );
  });

  it('CD5220, Georgian transliterated, no code page', () => {
    const frame = encodePoleFrame(
      cd5220Commands,
      [{ left: 'ჯამი', right: '25.50 ₾' }, { center: 'გმადლობთ!' }],
      LATIN,
    );
    expect(frame).toEqual(
      hex(`
        0c
        1b 51 41  6a 61 6d 69 20 20 20 20 20 20 20 32 35 2e 35 30 20 47 45 4c  0d
        1b 51 42  20 20 20 20 20 67 6d 61 64 6c 6f 62 74 21 20 20 20 20 20 20  0d
      `),
    );
  });

  it('CD5220 with cp866 selects the code page only when the model accepts the command', () => {
    const lines = [{ left: 'Нийт' }, {}] as const;
    expect([...encodePoleFrame(cd5220Commands, lines, CP866).slice(0, 5)]).toEqual([
      0x0c, 0x1b, 0x51, 0x41, 0x8d,
    ]);
    const withPage = encodePoleFrame(createCd5220Commands({ codePageCommand: true }), lines, CP866);
    expect([...withPage.slice(0, 4)]).toEqual([0x1b, 0x74, 0x11, 0x0c]);
  });

  it('Epson with Mongolian transliterated', () => {
    const frame = encodePoleFrame(
      epsonCommands,
      [{ left: 'Төлөх', right: '5 000 ₮' }, { center: 'QPay' }],
      LATIN,
    );
    expect(frame).toEqual(
      hex(`
        0c
        1f 24 01 01  54 6f 6c 6f 6b 68 20 20 20 20 20 35 20 30 30 30 20 4d 4e 54
        1f 24 01 02  20 20 20 20 20 20 20 20 51 50 61 79 20 20 20 20 20 20 20 20
      `),
    );
  });

  it('init, cursor, brightness and code page commands', () => {
    expect(encodePoleInit(epsonCommands, 2)).toEqual(hex('1b 40 1f 43 00 1f 01 1f 58 02'));
    expect(encodePoleInit(cd5220Commands, 2)).toEqual(hex('1b 40')); // no brightness command in CD5220
    expect(epsonCommands.home()).toEqual([0x0b]);
    expect(cd5220Commands.home()).toEqual([0x1b, 0x5b, 0x48]);
    expect(epsonCommands.moveTo(20, 2)).toEqual([0x1f, 0x24, 20, 2]);
    expect(cd5220Commands.moveTo(1, 1)).toEqual([0x1b, 0x6c, 1, 1]);
    expect(() => epsonCommands.moveTo(21, 1)).toThrow(RangeError);
    expect(epsonCommands.codePage(0x11)).toEqual([0x1b, 0x74, 0x11]);
    expect(cd5220Commands.codePage(0x11)).toBeUndefined();
  });
});

describe('renderPoleLines', () => {
  const text = (vm: PoleViewModel) => renderPoleLines(vm).map((l) => line(l));

  it('maps each display state to two 20-column lines', () => {
    expect(text({ state: 'welcome', locale: 'mn', storeName: 'Номин' })).toEqual([
      '    Tavtai moril    ',
      '       Nomin        ',
    ]);
    expect(
      text({ state: 'total', locale: 'en', totalText: '12.50', itemName: 'Milk 1L', itemPriceText: '3.20' }),
    ).toEqual(['Milk 1L         3.20', 'Total          12.50']);
    expect(text({ state: 'total', locale: 'en', totalText: '12.50' })).toEqual([
      'Total          12.50',
      ' '.repeat(20),
    ]);
    expect(text({ state: 'pay', locale: 'mn', totalText: '12\u202f500 ₮', providerName: 'QPay' })).toEqual([
      'Tolokh    12 500 MNT',
      '        QPay        ',
    ]);
    // The label gives way to the amount.
    expect(text({ state: 'paid', locale: 'ka', totalText: '25,50 ₾', changeText: '4,50 ₾' })).toEqual([
      'gadakhdili 25,50 GEL',
      'khurda      4,50 GEL',
    ]);
    expect(text({ state: 'paid', locale: 'uz', totalText: '50 000', providerName: 'Payme' })).toEqual([
      "To'landi      50 000",
      '       Payme        ',
    ]);
    expect(text({ state: 'thank-you', locale: 'ru' })).toEqual(['      Spasibo!      ', ' '.repeat(20)]);
  });
});

describe('PoleDisplay', () => {
  it('initialises once, skips identical frames and re-initialises after a failure', async () => {
    const transport = new FakePoleTransport();
    const display = new PoleDisplay({ commands: epsonCommands, transport, cyrillic: 'cp866', brightness: 4 });
    const vm: PoleViewModel = { state: 'pay', locale: 'mn', totalText: '5 000 ₮', providerName: 'QPay' };
    await display.show(vm);
    await display.show(vm);
    expect(transport.writes).toHaveLength(2);
    expect(transport.writes[0]).toEqual(hex('1b 40 1f 43 00 1f 01 1f 58 04'));
    transport.failWith = new Error('unplugged');
    await expect(display.show({ ...vm, state: 'paid' })).rejects.toThrow('unplugged');
    transport.failWith = undefined;
    await display.show({ ...vm, state: 'paid' });
    expect(transport.writes).toHaveLength(4);
    expect(transport.writes[2]).toEqual(transport.writes[0]);
    await display.close();
    expect(transport.closed).toBe(true);
  });
});

describe('pole transports', () => {
  it('frames bytes into HID output reports', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(frameHidReports(bytes, { reportId: 0x02, reportSize: 8, lengthPrefix: true })).toEqual([
      hex('02 07 01 02 03 04 05 06 07'),
      hex('02 03 08 09 0a 00 00 00 00'),
    ]);
    expect(frameHidReports(bytes, { reportId: 0, reportSize: 16 })).toEqual([
      hex('00 01 02 03 04 05 06 07 08 09 0a 00 00 00 00 00 00'),
    ]);
    expect(() => frameHidReports(bytes, { reportId: 0, reportSize: 1, lengthPrefix: true })).toThrow(
      RangeError,
    );
  });

  it('writes HID output reports and reopens after an unplug', async () => {
    const backend = new FakeHidBackend();
    backend.plug({ path: '/dev/hidraw5', vendorId: 0x1504, productId: 0x0011 });
    const transport = new HidPoleTransport(backend, '/dev/hidraw5', {
      reportId: 0x02,
      reportSize: 32,
      lengthPrefix: true,
    });
    await transport.write(hex('0c 41 42'));
    expect(backend.writes('/dev/hidraw5').map((r) => [...r.slice(0, 5)])).toEqual([
      [0x02, 3, 0x0c, 0x41, 0x42],
    ]);
    backend.unplug('/dev/hidraw5');
    await expect(transport.write(hex('0c'))).rejects.toMatchObject({ code: 'device.unavailable' });
    backend.plug({ path: '/dev/hidraw5', vendorId: 0x1504, productId: 0x0011 });
    await transport.write(hex('0c'));
    expect(backend.writes('/dev/hidraw5')).toHaveLength(2);
    await transport.close();
  });

  it('writes to a serial port through the real serialport API (mock binding), opening per message', async () => {
    const recorded: Buffer[] = [];
    class RecordingPort extends SerialPortMock {
      override close(callback?: (error: Error | null) => void): void {
        const port: unknown = this.port;
        if (
          typeof port === 'object' &&
          port !== null &&
          'recording' in port &&
          Buffer.isBuffer(port.recording)
        ) {
          recorded.push(Buffer.from(port.recording));
        }
        super.close(callback);
      }
    }
    const binding: unknown = SerialPortMock.binding;
    if (!hasCreatePort(binding)) {
      throw new Error('serialport mock binding changed');
    }
    binding.createPort('/dev/ttyUSB7', { echo: false, record: true });
    const open = createSerialPortOpener(() => Promise.resolve({ SerialPort: RecordingPort }));
    const transport = new SerialPoleTransport('/dev/ttyUSB7', { open });
    await transport.write(hex('0c 41'));
    await transport.write(hex('0b'));
    expect(recorded.map((b) => [...b])).toEqual([[0x0c, 0x41], [0x0b]]);
    await expect(new SerialPoleTransport('/dev/ttyNONE', { open }).write(hex('0c'))).rejects.toMatchObject({
      code: 'device.unavailable',
      message: expect.stringContaining('/dev/ttyNONE') as string,
    });
    await expect(
      new SerialPoleTransport('/dev/ttyUSB7', {
        open: createSerialPortOpener(() => Promise.reject(new Error('no bindings'))),
      }).write(hex('0c')),
    ).rejects.toMatchObject({
      message: expect.stringContaining('serialport module could not load') as string,
    });
  });

  it('reports a port that fails mid-write', async () => {
    const failing: SerialPortLike = {
      write: (_data, cb) => {
        cb(new Error('EIO'));
        return false;
      },
      drain: () => undefined,
      close: (cb) => {
        cb(null);
      },
    };
    const transport = new SerialPoleTransport('/dev/ttyUSB0', { open: () => Promise.resolve(failing) });
    await expect(transport.write(hex('0c'))).rejects.toMatchObject({ code: 'device.unavailable' });
  });
});
