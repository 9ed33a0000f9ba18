import { describe, expect, it } from 'vitest';
import { FakeScheduler } from '../kernel/testing/fake-scheduler';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { createNodeHidBackend, hidDeviceKey, LIBUSB_HINT, PERMISSION_HINT } from './hid';
import { createUsbHotplugSource } from './hotplug';
import { DeviceManager, type ScannerState } from './manager';
import type { Scan } from './scan';
import { FakeHidBackend } from './testing/fake-hid-backend';
import { FakeHotplugSource } from './testing/fake-hotplug-source';
import { EAN13_AIM, honeywellReports, QR60, QR60_DIGITS } from './testing/hid-pos-reports';
import { MemorySelectionStore } from './testing/memory-selection-store';

const HONEYWELL = { vendorId: 0x0c2e, productId: 0x10d3 };
const POS_PATH = '/dev/hidraw3';
const KBD_PATH = '/dev/hidraw2';

function setup(selections = [{ ...HONEYWELL }]) {
  const backend = new FakeHidBackend();
  const hotplug = new FakeHotplugSource();
  const clock = new ManualClock();
  // advance() awaits each due task, and the manager's scheduled task returns its rescan: when advance returns,
  // that rescan (and the status it set) is done.
  const scheduler = new FakeScheduler(clock);
  const store = new MemorySelectionStore(selections);
  const { logger, lines } = createCapturingLogger();
  const manager = new DeviceManager({
    backend,
    store,
    clock,
    logger,
    hotplug,
    scheduler,
    attachDelayMs: 400,
  });
  const scans: Scan[] = [];
  const statuses: ScannerState[][] = [];
  manager.onScan((s) => scans.push(s));
  manager.onStatus((s) => statuses.push(s));
  const plugHoneywell = () => {
    // A composite scanner: keyboard interface + HID POS interface.
    backend.plug({ path: KBD_PATH, ...HONEYWELL, usagePage: 0x01, usage: 0x06, interface: 0 });
    backend.plug({
      path: POS_PATH,
      ...HONEYWELL,
      usagePage: 0x8c,
      usage: 0x02,
      interface: 1,
      product: 'Voyager 1602g',
    });
  };
  return { backend, hotplug, scheduler, clock, store, manager, scans, statuses, lines, plugHoneywell };
}

const ID = hidDeviceKey(HONEYWELL.vendorId, HONEYWELL.productId);

describe('DeviceManager with the fake HID backend', () => {
  it('plug, scan, unplug mid-scan, replug, scan again', async () => {
    const t = setup();
    t.plugHoneywell();
    await t.manager.start();
    expect(t.manager.states()).toEqual([
      { id: ID, selection: HONEYWELL, status: { state: 'connected', paths: [POS_PATH] } },
    ]);
    expect(t.backend.isOpen(POS_PATH)).toBe(true);
    expect(t.backend.isOpen(KBD_PATH)).toBe(false); // the keyboard interface is left alone

    // Scan.
    t.backend.push(POS_PATH, EAN13_AIM);
    expect(t.scans).toEqual([
      { text: '4006381333931', symbology: 'ean13', source: 'hid', deviceId: ID, at: t.clock.now() },
    ]);

    // Unplug after the first report of a two-report QR.
    t.backend.push(POS_PATH, QR60[0]!);
    t.backend.unplug(POS_PATH);
    t.backend.unplug(KBD_PATH);
    t.hotplug.emit('detach', HONEYWELL);
    await t.scheduler.advance(0);
    expect(t.manager.states()[0]!.status.state).toBe('disconnected');
    expect(t.scans).toHaveLength(1); // no garbage scan from the partial report

    // Replug: the attach event triggers one enumeration after the delay, not polling.
    const listsBefore = t.backend.listCalls;
    t.plugHoneywell();
    t.hotplug.emit('attach', HONEYWELL);
    await t.scheduler.advance(399);
    expect(t.backend.isOpen(POS_PATH)).toBe(false);
    await t.scheduler.advance(1);
    expect(t.backend.isOpen(POS_PATH)).toBe(true);
    expect(t.manager.states()[0]!.status).toEqual({ state: 'connected', paths: [POS_PATH] });

    // A fresh two-report scan after the replug completes normally.
    t.backend.push(POS_PATH, QR60[0]!);
    t.backend.push(POS_PATH, QR60[1]!);
    expect(t.scans.map((s) => s.text)).toEqual(['4006381333931', QR60_DIGITS]);
    await t.scheduler.advance(60_000);
    expect(t.backend.listCalls - listsBefore).toBeLessThanOrEqual(2);
    await t.manager.close();
  });

  it('treats a read error as an unplug and reconnects with back-off', async () => {
    const t = setup();
    t.plugHoneywell();
    await t.manager.start();
    t.backend.push(POS_PATH, honeywellReports('x'.repeat(100), ']Q1')[0]!);
    // The device errors but stays enumerated (e.g. a USB reset): the handle is dropped and reopened later.
    t.backend.failOpen(POS_PATH, new Error('cannot open device with path /dev/hidraw3'));
    t.backend.unplug(POS_PATH);
    t.backend.plug({ path: POS_PATH, ...HONEYWELL, usagePage: 0x8c });
    expect(t.manager.states()[0]!.status).toEqual({
      state: 'disconnected',
      message: 'could not read from HID device',
    });

    await t.scheduler.advance(500);
    expect(t.manager.states()[0]!.status).toEqual({
      state: 'error',
      message: 'cannot open device with path /dev/hidraw3',
    });
    t.backend.failOpen(POS_PATH, undefined);
    await t.scheduler.advance(999);
    expect(t.backend.isOpen(POS_PATH)).toBe(false);
    await t.scheduler.advance(1);
    expect(t.manager.states()[0]!.status.state).toBe('connected');
    t.backend.push(POS_PATH, EAN13_AIM);
    expect(t.scans.map((s) => s.text)).toEqual(['4006381333931']);
    await t.manager.close();
  });

  it('lists devices, persists a selection and opens it', async () => {
    const t = setup([]);
    t.plugHoneywell();
    t.backend.plug({ path: '/dev/hidraw9', vendorId: 0x1504, productId: 0x008c, usagePage: 0xff00 });
    await t.manager.start();
    expect(t.backend.isOpen(POS_PATH)).toBe(false);
    const listed = await t.manager.list();
    expect(listed.map((d) => [d.id, d.likelyScanner, d.selected])).toEqual([
      ['0c2e:10d3:01', false, false],
      ['0c2e:10d3:8c', true, false],
      ['1504:008c:ff00', false, false],
    ]);

    await t.manager.select({ ...HONEYWELL, usagePage: 0x8c, label: 'Voyager' });
    expect(t.store.selections).toEqual([{ ...HONEYWELL, usagePage: 0x8c, label: 'Voyager' }]);
    expect(t.backend.isOpen(POS_PATH)).toBe(true);
    expect((await t.manager.list()).filter((d) => d.selected).map((d) => d.path)).toEqual([POS_PATH]);
    t.backend.push(POS_PATH, EAN13_AIM);
    expect(t.scans[0]!.deviceId).toBe('0c2e:10d3:8c');

    await t.manager.deselect('0c2e:10d3:8c');
    expect(t.backend.isOpen(POS_PATH)).toBe(false);
    expect(t.store.selections).toEqual([]);
    await t.manager.close();
  });

  it('ignores hot-plug of unrelated devices', async () => {
    const t = setup();
    await t.manager.start();
    expect(t.manager.states()[0]!.status).toEqual({ state: 'disconnected' });
    t.hotplug.emit('attach', { vendorId: 0x046d, productId: 0xc52b }); // a mouse
    expect(t.scheduler.pending).toBe(0);
    expect(t.scans).toEqual([]);
    await t.manager.close();
    expect(t.hotplug.closed).toBe(true);
  });

  it('never logs scan text', async () => {
    const t = setup();
    t.plugHoneywell();
    await t.manager.start();
    const qr = '9'.repeat(120);
    for (const r of honeywellReports(qr, ']Q1')) {
      t.backend.push(POS_PATH, r);
    }
    expect(t.scans.map((s) => s.text)).toEqual([qr]);
    expect(t.lines.join('\n')).not.toContain('999999999');
    expect(t.lines.join('\n')).toContain('"length":120');
    await t.manager.close();
  });
});

describe('real backends load lazily and fail softly', () => {
  it('turns a missing libusb into a device status message', async () => {
    const backend = createNodeHidBackend(() =>
      Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file')),
    );
    await expect(backend.list()).rejects.toMatchObject({
      code: 'device.unavailable',
      message: expect.stringContaining(LIBUSB_HINT) as string,
    });

    const { logger } = createCapturingLogger();
    const clock = new ManualClock();
    const manager = new DeviceManager({
      backend,
      store: new MemorySelectionStore([{ ...HONEYWELL }]),
      clock,
      logger,
      scheduler: new FakeScheduler(clock),
    });
    await manager.start();
    const status = manager.states()[0]!.status;
    expect(status.state).toBe('error');
    expect(status.state === 'error' && status.message).toContain('libusb-1.0-0');
    await manager.close();
  });

  it('maps permission errors to the udev hint and adapts a node-hid-shaped module', async () => {
    const reports: ((d: Uint8Array) => void)[] = [];
    const fakeModule = {
      default: {
        devicesAsync: () =>
          Promise.resolve([
            { vendorId: 1, productId: 2, path: '/dev/hidraw0', interface: 0, usagePage: 0x8c },
            { vendorId: 3, productId: 4, interface: 0 },
          ]),
        HIDAsync: Object.assign(function HIDAsync() {}, {
          open: (path: string) =>
            path === '/dev/hidraw0'
              ? Promise.resolve({
                  on: (event: string, l: (d: Uint8Array) => void) => {
                    if (event === 'data') {
                      reports.push(l);
                    }
                  },
                  write: (values: number[]) => Promise.resolve(values.length),
                  close: () => Promise.resolve(),
                })
              : Promise.reject(new Error('cannot open device with path ' + path)),
        }),
      },
    };
    const backend = createNodeHidBackend(() => Promise.resolve(fakeModule));
    expect((await backend.list()).map((d) => d.path)).toEqual(['/dev/hidraw0']);
    await expect(backend.open('/dev/hidraw1')).rejects.toMatchObject({ message: PERMISSION_HINT });
    const device = await backend.open('/dev/hidraw0');
    const got: Uint8Array[] = [];
    device.on('data', (r) => got.push(r));
    reports[0]!(new Uint8Array([2, 0]));
    expect(got).toHaveLength(1);
    expect(await device.write(new Uint8Array([0, 1, 2]))).toBe(3);
  });

  it('maps usb v3 connect/disconnect events to attach/detach', async () => {
    const target = new EventTarget();
    const usb = {
      addEventListener: (type: string, l: (e: unknown) => void) => {
        target.addEventListener(type, l);
      },
      removeEventListener: (type: string, l: (e: unknown) => void) => {
        target.removeEventListener(type, l);
      },
    };
    const source = await createUsbHotplugSource(() => Promise.resolve({ usb }));
    const seen: string[] = [];
    source.on('attach', (e) => seen.push(`attach ${e.vendorId}:${e.productId}`));
    source.on('detach', (e) => seen.push(`detach ${e.vendorId}:${e.productId}`));
    const fire = (type: string) => {
      const event = Object.assign(new Event(type), { device: { vendorId: 0x0c2e, productId: 0x10d3 } });
      target.dispatchEvent(event);
    };
    fire('connect');
    fire('disconnect');
    await source.close();
    fire('connect');
    expect(seen).toEqual(['attach 3118:4307', 'detach 3118:4307']);
    await expect(createUsbHotplugSource(() => Promise.resolve({}))).rejects.toThrow(/neither/);
    // Where USB cannot be enumerated (a container), the failure is catchable instead of an unhandled rejection.
    const noBus = {
      ...usb,
      getDevices: () => Promise.reject(new Error('getDevices error: /sys/bus/usb/devices/ not found')),
    };
    await expect(createUsbHotplugSource(() => Promise.resolve({ usb: noBus }))).rejects.toThrow(/sys\/bus/);
  });
});
