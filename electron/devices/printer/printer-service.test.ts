/**
 * The printer service on its own (driver doubles): which driver the settings name and when it is rebuilt, what
 * the cashier's banner hears, the unconfirmed receipt and its reprint, the drawer rules and the test page.
 */
import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../shared/channels/printer';
import { defaultSettings } from '../../../shared/settings';
import type { PrinterConnectionSetting, PrinterSettings } from '../../../shared/settings/printer';
import { KassaError } from '../../kernel/errors';
import { createCapturingLogger } from '../../log/logger';
import { PrinterService } from './printer-service';
import { FakePrinterDriver } from './testing/fake-printer-driver';

const LINES = [{ kind: 'text', left: 'hello' }] as const;

function rig(connection: PrinterConnectionSetting = { kind: 'tcp', host: '10.0.0.5', port: 9100 }) {
  let settings: PrinterSettings = { ...defaultSettings().printer, connection };
  const drivers: FakePrinterDriver[] = [];
  const statuses: PrinterStatus[] = [];
  const service = new PrinterService({
    settings: () => settings,
    driver: (c) => {
      const driver = new FakePrinterDriver(
        c.kind === 'tcp' ? `${c.host}:${c.port}` : c.kind,
        c.kind !== 'system',
      );
      drivers.push(driver);
      return driver;
    },
    logger: createCapturingLogger().logger,
    emit: (s) => statuses.push(s),
  });
  return {
    service,
    drivers,
    statuses,
    set: (patch: Partial<PrinterSettings>) => {
      settings = { ...settings, ...patch };
      service.settingsChanged();
    },
  };
}

describe('printer service', () => {
  it('builds the driver the settings name, and a new one (closing the old) when they change', () => {
    const { service, drivers, set, statuses } = rig();
    expect(service.status()).toMatchObject({ state: 'ready', label: '10.0.0.5:9100' });
    set({ connection: { kind: 'tcp', host: '10.0.0.6', port: 9100 } });
    expect(drivers.map((d) => [d.label, d.closed])).toEqual([
      ['10.0.0.5:9100', true],
      ['10.0.0.6:9100', false],
    ]);
    expect(statuses.at(-1)?.label).toBe('10.0.0.6:9100');
    set({ connection: { kind: 'none' } });
    expect(service.status()).toMatchObject({ state: 'off', label: null, waiting: [] });
    expect(drivers[1]?.closed).toBe(true);
  });

  it('tells the banner what waits and why, as the printer state changes', () => {
    const { service, drivers, statuses } = rig();
    service.print({ label: 'receipt #7', lines: LINES, saleId: 'S7' });
    drivers[0]?.setState('paper-out');
    expect(statuses.at(-1)).toMatchObject({ state: 'paper-out', waiting: [{ label: 'receipt #7' }] });
    drivers[0]?.setState('ready');
    drivers[0]?.finish('printed');
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', waiting: [], unconfirmed: null });
  });

  it('names an unconfirmed receipt with its sale until the next document prints', () => {
    const { service, drivers, statuses } = rig();
    const id = service.print({ label: 'receipt #8', lines: LINES, saleId: 'S8' });
    drivers[0]?.finish('unconfirmed');
    expect(statuses.at(-1)?.unconfirmed).toEqual({ id, label: 'receipt #8', saleId: 'S8' });
    service.print({ label: 'receipt #8', lines: LINES, saleId: 'S8' });
    drivers[0]?.finish('printed');
    expect(service.status().unconfirmed).toBeNull();
  });

  it('refuses to print or open the drawer without a printer, and the drawer of a system printer', async () => {
    const none = rig({ kind: 'none' }).service;
    expect(() => none.print({ label: 'x', lines: LINES })).toThrow(
      expect.objectContaining({
        code: 'device.unavailable',
        params: { device: 'printer', reason: 'not-configured' },
      }),
    );
    const system = rig({ kind: 'system', deviceName: 'Office' });
    let recorded = 0;
    await expect(
      system.service.openDrawer(() => Promise.resolve(void (recorded += 1))),
    ).rejects.toMatchObject({
      params: { reason: 'no-drawer' },
    });
    // Nothing is journaled for a drawer that cannot open.
    expect(recorded).toBe(0);
    system.service.kickForCash();
    expect(system.drivers[0]?.kicks).toEqual([]);
  });

  it('journals before the drawer opens, on the pin the settings name; cash kicks follow kickOnCash', async () => {
    const { service, drivers, set } = rig();
    set({ drawer: { kickOnCash: true, pin: 5 } });
    const order: string[] = [];
    await service.openDrawer(() => {
      order.push(`journaled, kicks so far ${drivers[0]?.kicks.length ?? -1}`);
      return Promise.resolve();
    });
    expect(order).toEqual(['journaled, kicks so far 0']);
    expect(drivers[0]?.kicks.map((k) => k.pin)).toEqual([5]);
    service.kickForCash();
    set({ drawer: { kickOnCash: false, pin: 5 } });
    service.kickForCash();
    expect(drivers[0]?.kicks).toHaveLength(2);
  });

  it('tests another connection on a driver of its own, closed after, leaving the till’s printer alone', async () => {
    const { service, drivers } = rig();
    const answer = service.test(
      { kind: 'tcp', host: '10.0.0.9', port: 9100 },
      { paperWidth: 58, codePage: 'wpc1251', georgian: 'transliterate' },
      (label) => [{ kind: 'text', left: label }],
    );
    const tested = drivers[1];
    expect(tested?.jobs[0]?.lines).toEqual([{ kind: 'text', left: '10.0.0.9:9100' }]);
    tested?.finish('printed');
    await expect(answer).resolves.toEqual({ state: 'ready', printed: true });
    expect(tested?.closed).toBe(true);
    expect(drivers[0]?.closed).toBe(false);
  });
});

describe('a printer this host cannot use', () => {
  it('shows as unreachable and refuses with the driver’s reason, without throwing on status', () => {
    const service = new PrinterService({
      settings: () => ({
        ...defaultSettings().printer,
        connection: { kind: 'system', deviceName: 'Office' },
      }),
      driver: () => {
        throw new KassaError('device.unavailable', 'System printers are reached only from the Kassa app.', {
          params: { device: 'printer', reason: 'not-configured' },
        });
      },
      logger: createCapturingLogger().logger,
      emit: () => undefined,
    });
    expect(service.status()).toMatchObject({ state: 'unreachable', label: null });
    expect(() => service.print({ label: 'x', lines: LINES })).toThrow('only from the Kassa app');
  });
});
