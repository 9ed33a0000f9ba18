/** The printer and store settings at the trust boundary: what is refused with which words, and the defaults. */
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  receiptLocale,
  sellerTin,
  SettingsSchema,
  storeTimeZone,
  type Settings,
} from './index';

const issuesOf = (input: unknown): string[] => {
  const result = SettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('printer settings', () => {
  it('defaults to no printer, 80 mm CP866, raster Georgian, auto print, the drawer on pin 2 for cash', () => {
    expect(defaultSettings().printer).toEqual({
      connection: { kind: 'none' },
      profile: { paperWidth: 80, codePage: 'cp866', georgian: 'raster' },
      locale: 'auto',
      autoPrint: true,
      drawer: { kickOnCash: true, pin: 2 },
    });
  });

  it('fills the network port and the serial speed, and refuses what no printer could be', () => {
    const tcp = SettingsSchema.parse({ printer: { connection: { kind: 'tcp', host: '192.168.1.50' } } });
    expect(tcp.printer.connection).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
    expect(issuesOf({ printer: { connection: { kind: 'tcp', host: 'printer;rm -rf' } } })).toEqual([
      'printer.connection.host: an IP address or host name (letters, digits, dots, dashes)',
    ]);
    expect(
      issuesOf({ printer: { connection: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 12345 } } }),
    ).toEqual(['printer.connection.baudRate: not a standard baud rate']);
    expect(issuesOf({ printer: { connection: { kind: 'usb', vendorId: -1, productId: 1 } } })).toHaveLength(
      1,
    );
    expect(
      issuesOf({ printer: { profile: { paperWidth: 76, codePage: 'cp866', georgian: 'raster' } } }),
    ).toHaveLength(1);
  });
});

describe('store details', () => {
  it('refuses a TIN that is not 7–14 digits and a zone that does not exist', () => {
    expect(issuesOf({ store: { tin: '12AB' } })).toEqual([
      'store.tin: the taxpayer number is 7 to 14 digits',
    ]);
    expect(issuesOf({ store: { timeZone: 'Mars/Olympus' } })).toEqual([
      'store.timeZone: not a time zone (e.g. Asia/Ulaanbaatar)',
    ]);
    expect(issuesOf({ store: { timeZone: 'Asia/Tbilisi', tin: '204567891' } })).toEqual([]);
  });

  it('auto means the country’s zone and receipt language; a Mongolian till prints eBarimt’s merchant TIN', () => {
    const of = (patch: Partial<Settings>): Settings => ({ ...defaultSettings(), ...patch });
    expect(storeTimeZone(of({ country: 'GE' }))).toBe('Asia/Tbilisi');
    expect(storeTimeZone(of({ store: { ...defaultSettings().store, timeZone: 'Europe/Moscow' } }))).toBe(
      'Europe/Moscow',
    );
    expect(receiptLocale(of({ country: 'UZ' }))).toBe('uz');
    const mn = defaultSettings();
    const store = { ...mn.store, tin: '7654321' };
    const merchant = { ...mn.providers, ebarimt: { ...mn.providers.ebarimt, merchantTin: '1234567' } };
    expect(sellerTin({ ...mn, store })).toBe('7654321');
    expect(sellerTin({ ...mn, store, providers: merchant })).toBe('1234567');
    expect(sellerTin({ ...mn, country: 'GE', store, providers: merchant })).toBe('7654321');
  });
});
