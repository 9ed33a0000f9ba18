import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevicesStatusSchema, DevicesViewSchema, type DevicesStatus } from '../../shared/channels/devices';
import { ScanOutcomeSchema, type ScanOutcome } from '../../shared/channels/scan';
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
import { RecordingScanActions } from './testing/recording-scan-actions';

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
  outcomes: ScanOutcome[] = [];
  statuses: DevicesStatus[] = [];
  emit(name: 'scan:outcome', payload: ScanOutcome): void;
  emit(name: 'devices:status', payload: DevicesStatus): void;
  emit(name: 'scan:outcome' | 'devices:status', payload: ScanOutcome | DevicesStatus): void {
    // Every payload must match its contract schema.
    if (name === 'scan:outcome') {
      this.outcomes.push(ScanOutcomeSchema.parse(payload));
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
  options: Partial<Omit<DeviceServiceDeps, 'settings' | 'actions'>> & {
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
  const actions = new RecordingScanActions();
  const service = createDeviceService({
    actions,
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
  return { backend, hotplug, sink, lines, service, actions };
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
  it('plug a HID POS scanner, select it, scan → the product is added (scan:outcome line-added)', async () => {
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

    t.backend.push(POS_PATH, EAN13_AIM);
    await settle();
    expect(t.actions.calls).toEqual([
      {
        action: 'addProduct',
        request: {
          code: '4006381333931',
          quantity: 1,
          ifMissing: { code: 'product-not-found', barcode: '4006381333931' },
        },
      },
    ]);
    expect(t.sink.outcomes).toEqual([
      expect.objectContaining({ source: 'hid', kind: 'ean13', result: 'line-added', lineId: 'L1' }),
    ]);
    await t.service.close();
    expect(t.backend.isOpen(POS_PATH)).toBe(false);
    expect(t.hotplug.closed).toBe(true);
  });

  it('a wedge scan is carried out like a HID scan: a receipt QR opens approval, never logged', async () => {
    const t = setup();
    await t.service.ready;
    expect(t.service.scanContext).toEqual({ screen: 'sale', dialog: false, quantity: null });
    expect(await t.service.submitScan({ text: QR_DATA, source: 'wedge' })).toMatchObject({
      source: 'wedge',
      kind: 'ebarimt-qr',
      result: 'approval',
      step: 'opened',
      navigate: 'approval',
    });
    expect(t.actions.calls).toEqual([{ action: 'openApproval', qrData: QR_DATA }]);

    // On the approval screen 8 digits are the buyer's eBarimt code.
    t.service.setScanContext({ screen: 'approval', dialog: false, quantity: null });
    expect(await t.service.submitScan({ text: '10038071', source: 'wedge' })).toMatchObject({
      kind: 'customer-no',
      step: 'identify',
    });
    // A code typed into the barcode field, 3 times.
    t.service.setScanContext({ screen: 'sale', dialog: false, quantity: null });
    expect(
      await t.service.submitScan({ text: '4006381333931', source: 'keyboard', quantity: 3 }),
    ).toMatchObject({ source: 'keyboard', result: 'line-added', multiplier: 3 });

    const log = t.lines.join('\n');
    expect(log).toContain('scan carried out');
    expect(log).not.toContain(QR_DATA);
    expect(log).not.toContain(QR_DATA.slice(-40));
    await t.service.close();
  });

  it('a multi-report HID QR opens approval from the sale screen without logging it', async () => {
    const t = setup({ store: new MemorySelectionStore([{ ...HONEYWELL }]) });
    plugHoneywell(t.backend);
    await t.service.ready;
    t.backend.push(POS_PATH, QR60[0] ?? []);
    t.backend.push(POS_PATH, QR60[1] ?? []);
    await settle();
    expect(t.actions.calls).toEqual([{ action: 'openApproval', qrData: QR60_DIGITS }]);
    expect(t.sink.outcomes.at(-1)).toMatchObject({ source: 'hid', result: 'approval', step: 'opened' });
    expect(t.lines.join('\n')).not.toContain(QR60_DIGITS);
    await t.service.close();
  });

  it('applies the embedded weight rules from settings at scan time', async () => {
    const settings = defaultDeviceSettings();
    const t = setup({ settings });
    await t.service.ready;
    // 20 12345 01234 + check digit: item 12345, 1234 g once the shop has a weight rule for prefix 20.
    const body = '201234501234';
    const code = `${body}${checkDigit(body)}`;
    expect((await t.service.submitScan({ text: code, source: 'wedge' })).kind).toBe('ean13');
    settings.barcodes.embedded = [{ prefix: '20', kind: 'weight', itemCodeDigits: 5, valueDigits: 5 }];
    expect((await t.service.submitScan({ text: code, source: 'wedge' })).kind).toBe('weight');
    expect(t.actions.calls.at(-1)).toMatchObject({
      action: 'addLabel',
      request: { kind: 'weight', value: 1234, barcode: code },
    });
    await t.service.close();
  });

  it('software devices (the sandbox scanner) list, select and scan like hardware, even without libusb', async () => {
    const virtual = new FakeHidBackend();
    virtual.plug({ path: 'sandbox:scanner', vendorId: 0x1209, productId: 0x0001, usagePage: 0x8c });
    const t = setup({
      backend: createNodeHidBackend(() => Promise.reject(new Error('libusb-1.0.so.0: cannot open'))),
      softwareDevices: () => virtual,
    });
    await t.service.ready;
    const view = await t.service.select('1209:0001:8c');
    expect(view.hid.available).toBe(false);
    expect(view.devices).toMatchObject([{ id: '1209:0001:8c', selected: true, present: true }]);
    expect(virtual.isOpen('sandbox:scanner')).toBe(true);
    virtual.push('sandbox:scanner', EAN13_AIM);
    await settle();
    expect(t.sink.outcomes.at(-1)).toMatchObject({ source: 'hid', kind: 'ean13', result: 'line-added' });
    await t.service.close();
  });

  it('a software device goes away with the sandbox profile: closed at the next enumeration', async () => {
    const virtual = new FakeHidBackend();
    virtual.plug({ path: 'sandbox:scanner', vendorId: 0x1209, productId: 0x0001, usagePage: 0x8c });
    let present = true;
    const t = setup({ softwareDevices: () => (present ? virtual : undefined) });
    plugHoneywell(t.backend);
    await t.service.ready;
    await t.service.select('1209:0001:8c');
    expect((await t.service.list()).devices.map((d) => d.id)).toContain(POS_ID);
    expect(virtual.isOpen('sandbox:scanner')).toBe(true);
    present = false;
    const after = await t.service.rescan();
    expect(virtual.isOpen('sandbox:scanner')).toBe(false);
    expect(after.devices.find((d) => d.id === '1209:0001:8c')).toMatchObject({ present: false });
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

  it('libusb missing: a clear status, no crash, wedge scans still carried out', async () => {
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

    expect(await t.service.submitScan({ text: '4006381333931', source: 'wedge' })).toMatchObject({
      kind: 'ean13',
      result: 'line-added',
    });
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
});

function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}
