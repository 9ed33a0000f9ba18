import { describe, expect, it } from 'vitest';
import {
  isStatusByte,
  parsePrinterStatus,
  StatusByteError,
  statusRequest,
  statusVerdict,
  type StatusAnswers,
} from './status';

// Every answer byte: bit 1 and bit 4 set, bits 0 and 7 clear.
const BASE = 0x12;
const all = (patch: Partial<StatusAnswers> = {}): StatusAnswers => ({
  printer: BASE,
  offlineCause: BASE,
  errorCause: BASE,
  paperSensor: BASE,
  ...patch,
});

describe('DLE EOT status', () => {
  it('asks DLE EOT n', () => {
    expect([...statusRequest(1)]).toEqual([0x10, 0x04, 1]);
    expect([...statusRequest(4)]).toEqual([0x10, 0x04, 4]);
  });

  it('reads the all-clear answer as ready', () => {
    const status = parsePrinterStatus(all());
    expect(status).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      drawerOpen: false,
      error: false,
    });
    expect(statusVerdict(status)).toBe('ready');
  });

  it('n=1 bit 3: offline', () => {
    const status = parsePrinterStatus(all({ printer: BASE | 0x08 }));
    expect(status.online).toBe(false);
    expect(statusVerdict(status)).toBe('offline');
  });

  it('n=1 bit 2: drawer pin 3, open when high by default, when low if configured', () => {
    expect(parsePrinterStatus(all({ printer: BASE | 0x04 })).drawerOpen).toBe(true);
    expect(parsePrinterStatus(all({ printer: BASE | 0x04 }), { drawerOpenWhen: 'low' }).drawerOpen).toBe(
      false,
    );
    expect(parsePrinterStatus(all(), { drawerOpenWhen: 'low' }).drawerOpen).toBe(true);
  });

  it('n=2 bit 2: cover open wins over paper out', () => {
    const status = parsePrinterStatus(all({ printer: BASE | 0x08, offlineCause: BASE | 0x04 | 0x20 }));
    expect(status.coverOpen).toBe(true);
    expect(statusVerdict(status)).toBe('cover-open');
  });

  it('n=2 bit 3 (FEED button) alone is neither an error nor a cover', () => {
    const status = parsePrinterStatus(all({ offlineCause: BASE | 0x08 }));
    expect(status.coverOpen).toBe(false);
    expect(status.error).toBe(false);
  });

  it('n=2 bit 5: printing stopped at paper end', () => {
    expect(parsePrinterStatus(all({ offlineCause: BASE | 0x20 })).paperOut).toBe(true);
  });

  it('n=2 bit 6: an error occurred', () => {
    const status = parsePrinterStatus(all({ offlineCause: BASE | 0x40 }));
    expect(status.error).toBe(true);
    expect(statusVerdict(status)).toBe('offline');
  });

  it.each([
    [0x08, 'autocutter'],
    [0x20, 'unrecoverable'],
    [0x40, 'auto-recoverable'],
  ])('n=3 bit 0x%s: %s error', (mask) => {
    expect(parsePrinterStatus(all({ errorCause: BASE | mask })).error).toBe(true);
  });

  it('n=4 bits 2/3: paper near end, still ready', () => {
    const status = parsePrinterStatus(all({ paperSensor: BASE | 0x0c }));
    expect(status.paperNearEnd).toBe(true);
    expect(status.paperOut).toBe(false);
    expect(statusVerdict(status)).toBe('ready');
  });

  it('n=4 bits 5/6: paper out', () => {
    const status = parsePrinterStatus(all({ paperSensor: BASE | 0x60 }));
    expect(status.paperOut).toBe(true);
    expect(statusVerdict(status)).toBe('paper-out');
  });

  it('refuses a byte without the fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    for (const stray of [0x00, 0x13, 0x02, 0x10, 0x92, 0xff]) {
      expect(isStatusByte(stray)).toBe(false);
    }
    expect(() => parsePrinterStatus(all({ paperSensor: 0x00 }))).toThrow(StatusByteError);
  });
});
