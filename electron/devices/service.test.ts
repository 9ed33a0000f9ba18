import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ClassifiedCodeSchema,
  DevicesStatusSchema,
  DevicesViewSchema,
  ScanRoutedSchema,
  type DevicesStatus,
  type ScanRouted,
} from '../../shared/channels/devices';
import { defaultDeviceSettings, type DeviceSettings } from '../../shared/settings/devices';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { FakeScheduler } from '../kernel/testing/fake-scheduler';
import { createNodeHidBackend, LIBUSB_HINT } from './hid';
import type { ScannerSelectionStore } from './selection';
import { createFileSelectionStore, SCANNER_SELECTION_FILE } from './selection-store';
import { createDeviceService, type DeviceEventSink, type DeviceServiceDeps } from './service';
import { FakeHidBackend } from './testing/fake-hid-backend';
import { FakeHotplugSource } from './testing/fake-hotplug-source';
import { EAN13_AIM, QR60, QR60_DIGITS } from './testing/hid-pos-reports';
import { MemorySelectionStore } from './testing/memory-selection-store';

const HONEYWELL = { vendorId: 0x0c2e, productId: 0x10d3 };
const POS_PATH = '/dev/hidraw3';
const KBD_PATH = '/dev/hidraw2';
const POS_ID = '0c2e:10d3:8c';
/** A receipt QR is ~200 digits; never let it reach a log. */
const QR_DATA = '2'.repeat(40) + '1234567890'.repeat(12);

const settle = async () => {
  for (let i = 0; i < 30; i++) {
    await Promise.resolve();
  }
};

class RecordingSink implements DeviceEventSink {
  routed: ScanRouted[] = [];
  statuses: DevicesStatus[] = [];
  emit(name: 'scan:routed', payload: ScanRouted): void;
  emit(name: 'devices:status', payload: DevicesStatus): void;
  emit(name: 'scan:routed' | 'devices:status', payload: ScanRouted | DevicesStatus): void {
    // Every payload must match its contract schema.
    if (name === 'scan:routed') {
      this.routed.push(ScanRoutedSchema.parse(payload));
    } else {
      this.statuses.push(DevicesStatusSchema.parse(payload));
    }
  }
}

function plugHoneywell(backend: FakeHidBackend) {
  backend.plug({
    path: KBD_PATH,
    ...HONEYWELL,
    usagePage: 0x01,
    usage: 0x06,
    interface: 0,
    product: 'Voyager',
  });
  backend.plug({
    path: POS_PATH,
    ...HONEYWELL,
    usagePage: 0x8c,
    usage: 0x02,
    interface: 1,
    product: 'Voyager 1602g',
    manufacturer: 'Honeywell',
  });
}

function setup(
  options: Partial<Omit<DeviceServiceDeps, 'settings'>> & {
    store?: ScannerSelectionStore;
    settings?: DeviceSettings;
  } = {},
) {
  const { store, settings: given, ...overrides } = options;
  const backend = new FakeHidBackend();
  const hotplug = new FakeHotplugSource();
  const sink = new RecordingSink();
  const { logger, lines } = createCapturingLogger();
  const settings = given ?? defaultDeviceSettings();
  const clock = new ManualClock();
  const service = createDeviceService({
    backend,
    hotplug,
    selectionStore: store ?? new MemorySelectionStore(),
    clock,
    logger,
    events: sink,
    // Never advanced: timers do not fire here; no test needs back-off to run.
    scheduler: new FakeScheduler(clock),
    ...overrides,
    settings: () => settings,
  });
  return { backend, hotplug, sink, lines, service };
}

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
  dirs = [];
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-devices-'));
  dirs.push(dir);
  return dir;
}

describe('device service', () => {
  it('plug a HID POS scanner, select it, scan → scan:routed with the classified EAN-13', async () => {
    const t = setup();
    plugHoneywell(t.backend);
    await t.service.ready;

    const before = DevicesViewSchema.parse(await t.service.list());
    expect(before.hid).toEqual({ available: true, message: null });
    expect(before.hotplug).toBe(true);
    expect(before.devices.find((d) => d.id === POS_ID)).toMatchObject({
      kind: 'scanner',
      selected: false,
      present: true,
      status: null,
      name: 'Voyager 1602g',
    });
    expect(before.devices.find((d) => d.path === KBD_PATH)?.kind).toBe('other');

    const after = await t.service.select(POS_ID);
    expect(after.devices.find((d) => d.id === POS_ID)).toMatchObject({
      selected: true,
      status: { state: 'connected', message: null },
    });
    expect(t.backend.isOpen(POS_PATH)).toBe(true);
    expect(t.sink.statuses.at(-1)?.scanners).toMatchObject([
      { id: POS_ID, name: 'Voyager 1602g', status: { state: 'connected' } },
    ]);

    t.service.setScreen('sale');
    t.backend.push(POS_PATH, EAN13_AIM);
    expect(t.sink.routed).toEqual([
      expect.objectContaining({
        screen: 'sale',
        via: 'active',
        code: { kind: 'ean13', code: '4006381333931' },
        source: 'hid',
        symbology: 'ean13',
        deviceId: POS_ID,
      }),
    ]);
    await t.service.close();
    expect(t.backend.isOpen(POS_PATH)).toBe(false);
    expect(t.hotplug.closed).toBe(true);
  });

  it('routes a qrData-shaped scan on sale or idle to approval, and to the approval screen itself', async () => {
    const t = setup();
    await t.service.ready;

    t.service.setScreen('sale');
    expect(t.service.submitWedgeScan(QR_DATA)).toEqual({
      screen: 'approval',
      via: 'open-approval',
      kind: 'ebarimt-qr',
    });
    expect(t.sink.routed.at(-1)).toMatchObject({
      screen: 'approval',
      via: 'open-approval',
      code: { kind: 'ebarimt-qr', qrData: QR_DATA },
      source: 'wedge',
      deviceId: 'keyboard',
      symbology: null,
    });

    t.service.setScreen('idle');
    expect(t.service.submitWedgeScan(QR_DATA).via).toBe('open-approval');

    // On the approval screen the receipt goes to it directly; 8 digits read as a customer code there.
    t.service.setScreen('approval');
    expect(t.service.submitWedgeScan(QR_DATA)).toEqual({
      screen: 'approval',
      via: 'active',
      kind: 'ebarimt-qr',
    });
    expect(t.service.submitWedgeScan('10038071')).toEqual({
      screen: 'approval',
      via: 'active',
      kind: 'customer-no',
    });

    // Payment keeps it (no navigation away mid-payment).
    t.service.setScreen('payment');
    expect(t.service.submitWedgeScan(QR_DATA)).toEqual({
      screen: 'payment',
      via: 'active',
      kind: 'ebarimt-qr',
    });

    // An EAN on the idle screen goes to idle.
    t.service.setScreen('idle');
    expect(t.service.submitWedgeScan('4006381333931')).toEqual({
      screen: 'idle',
      via: 'idle',
      kind: 'ean13',
    });

    const log = t.lines.join('\n');
    expect(log).toContain('scan routed');
    expect(log).not.toContain(QR_DATA);
    expect(log).not.toContain(QR_DATA.slice(-40));
    await t.service.close();
  });

  it('routes a multi-report HID QR to approval from the sale screen without logging it', async () => {
    const t = setup({ store: new MemorySelectionStore([{ ...HONEYWELL }]) });
    plugHoneywell(t.backend);
    await t.service.ready;
    t.service.setScreen('sale');
    t.backend.push(POS_PATH, QR60[0] ?? []);
    t.backend.push(POS_PATH, QR60[1] ?? []);
    expect(t.sink.routed.at(-1)).toMatchObject({
      screen: 'approval',
      via: 'open-approval',
      code: { kind: 'ebarimt-qr', qrData: QR60_DIGITS },
      source: 'hid',
    });
    expect(t.lines.join('\n')).not.toContain(QR60_DIGITS);
    await t.service.close();
  });

  it('applies the embedded weight rules from settings at scan time', async () => {
    const settings = defaultDeviceSettings();
    const t = setup({ settings });
    await t.service.ready;
    t.service.setScreen('sale');
    // 20 12345 01234 + check digit: item 12345, 1234 g once the shop has a weight rule for prefix 20.
    const body = '201234501234';
    const code = `${body}${checkDigit(body)}`;
    expect(t.service.submitWedgeScan(code).kind).toBe('ean13');
    settings.barcodes.embedded = [{ prefix: '20', kind: 'weight', itemCodeDigits: 5, valueDigits: 5 }];
    t.service.submitWedgeScan(code);
    expect(t.sink.routed.at(-1)?.code).toMatchObject({ kind: 'weight', itemCode: '12345', value: 1234 });
    await t.service.close();
  });

  it('persists the selection across service restarts (file store in the data dir)', async () => {
    const dir = tempDir();
    const { logger } = createCapturingLogger();
    const first = setup({ store: createFileSelectionStore(dir, logger) });
    plugHoneywell(first.backend);
    await first.service.ready;
    await first.service.select(POS_ID);
    await first.service.close();

    const file: unknown = JSON.parse(readFileSync(join(dir, SCANNER_SELECTION_FILE), 'utf8'));
    expect(file).toEqual({
      version: 1,
      scanners: [{ ...HONEYWELL, usagePage: 0x8c, label: 'Voyager 1602g' }],
    });

    const second = setup({ store: createFileSelectionStore(dir, logger) });
    plugHoneywell(second.backend);
    await second.service.ready;
    expect(second.backend.isOpen(POS_PATH)).toBe(true);
    expect(second.service.status().scanners).toMatchObject([{ id: POS_ID, status: { state: 'connected' } }]);

    await second.service.deselect(POS_ID);
    expect(second.backend.isOpen(POS_PATH)).toBe(false);
    await second.service.close();
    expect(JSON.parse(readFileSync(join(dir, SCANNER_SELECTION_FILE), 'utf8'))).toEqual({
      version: 1,
      scanners: [],
    });
  });

  it('deselecting the listed interface also removes a plain vid:pid selection', async () => {
    const t = setup({ store: new MemorySelectionStore([{ ...HONEYWELL }]) });
    plugHoneywell(t.backend);
    await t.service.ready;
    const view = await t.service.list();
    expect(view.devices.filter((d) => d.selected).map((d) => d.id)).toEqual([POS_ID]);
    const after = await t.service.deselect(POS_ID);
    expect(after.devices.some((d) => d.selected)).toBe(false);
    expect(t.service.status().scanners).toEqual([]);
    await t.service.close();
  });

  it('reads a corrupt selection file as "no scanners" and logs it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, SCANNER_SELECTION_FILE), '{"version":1,"scanners":[{"vendorId":"x"}]}');
    const { logger, lines } = createCapturingLogger();
    const t = setup({ store: createFileSelectionStore(dir, logger) });
    await t.service.ready;
    expect(t.service.status().scanners).toEqual([]);
    expect(lines.join('\n')).toContain('scanner selection invalid');
    await t.service.close();
  });

  it('libusb missing: a clear status, no crash, wedge scans still route', async () => {
    const backend = createNodeHidBackend(() =>
      Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object')),
    );
    const t = setup({ backend, store: new MemorySelectionStore([{ ...HONEYWELL }]) });
    await t.service.ready;

    const view = await t.service.list();
    expect(view.hid.available).toBe(false);
    expect(view.hid.message).toContain(LIBUSB_HINT);
    expect(view.devices).toMatchObject([
      {
        id: '0c2e:10d3',
        selected: true,
        present: false,
        status: {
          state: 'error',
          message: expect.stringContaining('sudo apt install libusb-1.0-0') as unknown,
        },
      },
    ]);
    expect(t.sink.statuses.at(-1)?.hid.available).toBe(false);

    t.service.setScreen('sale');
    expect(t.service.submitWedgeScan('4006381333931').kind).toBe('ean13');
    await t.service.close();
  });

  it('hot-plug unavailable: rescan only, reported as hotplug: false', async () => {
    const t = setup({ hotplug: () => Promise.reject(new Error('usb native module missing')) });
    await t.service.ready;
    expect((await t.service.list()).hotplug).toBe(false);
    plugHoneywell(t.backend);
    await t.service.select(POS_ID);
    expect(t.backend.isOpen(POS_PATH)).toBe(true);
    expect(t.lines.join('\n')).toContain('USB hot-plug unavailable');
    await t.service.close();
  });

  it('a hot-plug source that arrives later is attached and reported', async () => {
    let resolve: (source: FakeHotplugSource) => void = () => undefined;
    const late = new FakeHotplugSource();
    const t = setup({
      hotplug: () =>
        new Promise<FakeHotplugSource>((r) => {
          resolve = r;
        }),
    });
    await settle();
    expect(t.service.status().hotplug).toBe(false);
    resolve(late);
    await t.service.ready;
    expect(t.service.status().hotplug).toBe(true);
    expect(t.sink.statuses.at(-1)?.hotplug).toBe(true);
    await t.service.close();
    expect(late.closed).toBe(true);
  });

  it('every classified code kind fits the contract schema', () => {
    const samples = [
      { kind: 'upca', code: '036000291452', gtin13: '0036000291452' },
      { kind: 'invalid-checksum', code: '4006381333932', symbology: 'ean13', expected: 1, actual: 2 },
      { kind: 'phone', country: 'MN', national: '99112233', e164: '+97699112233' },
      { kind: 'regno', regNo: 'УБ99112233' },
      { kind: 'unknown', text: 'ABC' },
    ];
    for (const sample of samples) {
      expect(ClassifiedCodeSchema.parse(sample)).toEqual(sample);
    }
  });
});

function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}
