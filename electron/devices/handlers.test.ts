/**
 * The devices and scan channels through the real gate (electron/ipc/handle.ts) of a whole till whose HID is a
 * FakeHidBackend: role check, input schema, handler, output schema.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { devicesChannels, devicesEvents, type DeviceChannelName } from '../../shared/channels/devices';
import { scanChannels, scanEvents, type ScanChannelName, type ScanOutcome } from '../../shared/channels/scan';
import { createKassa, type Kassa } from '../core/kassa';
import { KASSA_VERSION } from '../hosts/node-kassa';
import { systemClock } from '../kernel/clock';
import { createCapturingLogger } from '../log/logger';
import { openNodeSettingsStore } from '../storage/settings';
import { openNodeVault } from '../storage/vault';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { signInManager, type ManagerConnection } from '../testing/manager';
import { FakeHidBackend } from './testing/fake-hid-backend';

const opened: { kassa: Kassa; cleanup: () => void }[] = [];
afterEach(async () => {
  for (const { kassa, cleanup } of opened.splice(0)) {
    await kassa.close();
    cleanup();
  }
});

/**
 * A till built the way electron/testing/till.ts builds one (the Node host's core, sandbox profile, fresh data
 * dir, no hot-plug), except that HID is a FakeHidBackend and every output is checked against the contract.
 */
function openTillWithFakeHid(): { kassa: Kassa; hid: FakeHidBackend } {
  const t = tempDataDir();
  const { logger, redactor } = createCapturingLogger();
  const hid = new FakeHidBackend();
  const kassa = createKassa({
    clock: systemClock,
    dataDir: t.dir,
    settings: openNodeSettingsStore(t.dir, logger),
    vault: openNodeVault({
      dataDir: t.dir,
      clock: systemClock,
      redactor,
      env: { KASSA_VAULT_KEY: '4'.repeat(64) },
    }),
    logger,
    redactor,
    host: 'test',
    version: KASSA_VERSION,
    validateOutput: true,
    hidBackend: hid,
    hotplug: false,
  });
  opened.push({ kassa, cleanup: t.cleanup });
  return { kassa, hid };
}

function setup() {
  const t = openTillWithFakeHid();
  t.hid.plug({
    path: '/dev/hidraw3',
    vendorId: 0x0c2e,
    productId: 0x10d3,
    usagePage: 0x8c,
    product: 'Voyager',
  });
  const outcomes: ScanOutcome[] = [];
  t.kassa.on('scan:outcome', (payload) => {
    outcomes.push(scanEvents['scan:outcome'].schema.parse(payload));
  });
  const invoke = (channel: DeviceChannelName | ScanChannelName, input: unknown) =>
    t.kassa.invoke('cashier', channel, input);
  const submit = (input: unknown) => invoke('scan:submit', input);
  /** Choosing scanners is a manager's (docs/architecture.md §3.1). */
  let manager: Promise<ManagerConnection> | undefined;
  const asManager = async (channel: DeviceChannelName, input: unknown) =>
    (await (manager ??= signInManager(t.kassa))).invoke(channel, input);
  return { hid: t.hid, kassa: t.kassa, outcomes, invoke, submit, asManager };
}

describe('device handlers', () => {
  it('every devices channel reaches its handler for the cashier page, and only for it', async () => {
    const t = setup();
    // One valid input per channel; the Record type makes a channel without a sample a compile error.
    const validInput: Record<DeviceChannelName | ScanChannelName, unknown> = {
      'devices:list': {},
      'devices:select': { id: '0c2e:10d3:8c' },
      'devices:deselect': { id: '0c2e:10d3:8c' },
      'devices:rescan': {},
      'scan:submit': { text: '4006381333931', source: 'wedge' },
      'scan:set-screen': { screen: 'sale', dialog: false, quantity: null },
    };
    expect(Object.keys(validInput).sort()).toEqual(
      [...Object.keys(devicesChannels), ...Object.keys(scanChannels)].sort(),
    );
    for (const [name, def] of [...Object.entries(devicesChannels), ...Object.entries(scanChannels)]) {
      // Choosing which plugged-in scanner to read is the person at the till's, cashier or manager.
      expect(def.roles, name).toEqual(['cashier', 'manager']);
    }
    // The display page never receives a scan outcome (and cannot submit one: above).
    for (const def of [...Object.values(devicesEvents), ...Object.values(scanEvents)]) {
      expect(def.pages).toEqual(['cashier']);
    }
    for (const [channel, input] of Object.entries(validInput)) {
      expect(await t.kassa.invoke('display', channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(t.outcomes).toEqual([]);
    expect(t.hid.isOpen('/dev/hidraw3')).toBe(false);
    // A missing handler would come back as `internal`; the type checker (HandlerMap) rules out extra ones.
    const manager = await signInManager(t.kassa);
    for (const [channel, input] of Object.entries(validInput)) {
      expect(await manager.invoke(channel, input), channel).toMatchObject({ ok: true });
    }
  });

  it('scan:submit validates the scan before anything is carried out', async () => {
    const t = setup();
    const bad: unknown[] = [
      {},
      { text: '' },
      { text: '4006381333931' }, // source is required
      { text: '4006381333931', source: 'hid' },
      { text: '4006381333931\n', source: 'wedge' },
      { text: '40063\u0000', source: 'wedge' },
      { text: 'УБ99112233', source: 'wedge' }, // a wedge decode is ASCII only
      { text: '1'.repeat(4097), source: 'wedge' },
      { text: '4006381333931', source: 'wedge', extra: 1 },
      { text: '4006381333931', source: 'wedge', quantity: 0 },
      { text: '4006381333931', source: 'keyboard', quantity: 1.5 },
      { text: 'MN\tMILK', source: 'keyboard' },
      { text: '   ', source: 'keyboard' },
      'text',
    ];
    for (const input of bad) {
      const result = await t.submit(input);
      expect(result, JSON.stringify(input).slice(0, 60)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    expect(t.outcomes).toEqual([]);

    // A typed regNo is printable text (the keyboard source); on the sale screen it is not a product.
    expect(await t.submit({ text: 'УБ99112233', source: 'keyboard' })).toMatchObject({
      ok: true,
      value: { result: 'refused', error: { code: 'buyer-code-outside-approval' } },
    });
    const ok = await t.submit({ text: '1'.repeat(4096), source: 'wedge' });
    expect(ok).toMatchObject({ ok: true, value: { kind: 'ebarimt-qr', result: 'approval', step: 'opened' } });
    expect(JSON.stringify(ok)).not.toContain('1'.repeat(40));
  });

  it('scan:set-screen is checked and answered with the context main now scans for', async () => {
    const t = setup();
    const context = { screen: 'payment', dialog: false, quantity: 2 };
    expect(await t.invoke('scan:set-screen', context)).toEqual({ ok: true, value: context });
    for (const input of [
      { screen: 'checkout', dialog: false, quantity: null },
      { screen: 'idle', dialog: false, quantity: null },
      { screen: 'sale' },
      { screen: 'sale', dialog: false, quantity: 0 },
    ]) {
      expect(await t.invoke('scan:set-screen', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
  });

  it('devices:select / list / deselect / rescan, keys validated and normalised', async () => {
    const t = setup();
    for (const id of ['0c2e', '0c2e:10d3:8c:1', 'zzzz:10d3', '0c2e-10d3', '']) {
      expect(await t.asManager('devices:select', { id }), id).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    }
    const selected = await t.asManager('devices:select', { id: '0C2E:10D3:8C' });
    expect(selected).toMatchObject({
      ok: true,
      value: { devices: [{ id: '0c2e:10d3:8c', selected: true, status: { state: 'connected' } }] },
    });
    expect(t.hid.isOpen('/dev/hidraw3')).toBe(true);
    expect(await t.invoke('devices:list', {})).toMatchObject({ ok: true });
    expect(await t.invoke('devices:rescan', {})).toMatchObject({ ok: true });
    expect(await t.invoke('devices:list', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const deselected = await t.asManager('devices:deselect', { id: '0c2e:10d3:8c' });
    expect(deselected).toMatchObject({ ok: true, value: { devices: [{ selected: false, status: null }] } });
    expect(t.hid.isOpen('/dev/hidraw3')).toBe(false);
  });
});
