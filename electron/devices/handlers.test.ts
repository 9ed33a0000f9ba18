import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { devicesChannels, devicesEvents, type DeviceChannelName } from '../../shared/channels/devices';
import { defaultDeviceSettings } from '../../shared/settings/devices';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { FakeHidBackend } from './hid';
import { FakeHotplugSource } from './hotplug';
import { createDeviceHandlers } from './handlers';
import { MemorySelectionStore } from './manager';
import { createDeviceService, type DeviceEventSink } from './service';

/**
 * The same steps handle() takes for a channel (zod parse of unknown input → handler → output matches the
 * schema), on the devices channels alone — they are not in shared/contract.ts until the lead spreads them.
 */
async function invoke(
  handlers: ReturnType<typeof createDeviceHandlers>,
  name: DeviceChannelName,
  input: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; code: 'validation'; issues: z.core.$ZodIssue[] }> {
  const def = devicesChannels[name];
  const parsed = def.input.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: 'validation', issues: parsed.error.issues };
  }
  const handler = handlers[name] as (input: unknown, ctx: { role: 'cashier' }) => Promise<unknown>;
  const value = await handler(parsed.data, { role: 'cashier' });
  return { ok: true, value: def.output.parse(value) };
}

function setup() {
  const backend = new FakeHidBackend();
  backend.plug({
    path: '/dev/hidraw3',
    vendorId: 0x0c2e,
    productId: 0x10d3,
    usagePage: 0x8c,
    product: 'Voyager',
  });
  const routed: unknown[] = [];
  const events: DeviceEventSink = {
    emit(name: string, payload: unknown) {
      if (name === 'scan:routed') {
        routed.push(devicesEvents['scan:routed'].schema.parse(payload));
      }
    },
  };
  const service = createDeviceService({
    backend,
    hotplug: new FakeHotplugSource(),
    selectionStore: new MemorySelectionStore(),
    clock: new ManualClock(),
    logger: createCapturingLogger().logger,
    events,
    settings: () => defaultDeviceSettings(),
  });
  const handlers = createDeviceHandlers(service);
  const submit = (input: unknown) => invoke(handlers, 'scan:submit', input);
  return { backend, service, routed, handlers, submit };
}

describe('device handlers', () => {
  it('has exactly one handler per devices channel, all cashier-only', () => {
    const { handlers, service } = setup();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(devicesChannels).sort());
    for (const def of Object.values(devicesChannels)) {
      expect(def.roles).toEqual(['cashier']);
    }
    for (const def of Object.values(devicesEvents)) {
      expect(def.roles).toEqual(['cashier']);
    }
    return service.close();
  });

  it('scan:submit validates the text before anything is routed', async () => {
    const t = setup();
    const bad: unknown[] = [
      {},
      { text: '' },
      { text: '4006381333931' }, // source is required
      { text: '4006381333931', source: 'hid' },
      { text: '4006381333931\n', source: 'wedge' },
      { text: '40063\u0000', source: 'wedge' },
      { text: 'УБ99112233', source: 'wedge' },
      { text: '1'.repeat(4097), source: 'wedge' },
      { text: '4006381333931', source: 'wedge', extra: 1 },
      'text',
    ];
    for (const input of bad) {
      const result = await t.submit(input);
      expect(result.ok, JSON.stringify(input).slice(0, 60)).toBe(false);
    }
    expect(t.routed).toEqual([]);

    const ok = await t.submit({ text: '1'.repeat(4096), source: 'wedge' });
    expect(ok).toEqual({ ok: true, value: { screen: 'approval', via: 'open-approval', kind: 'ebarimt-qr' } });
    await t.service.close();
  });

  it('scan:set-screen then scan:submit: routed to that screen; output never echoes the text', async () => {
    const t = setup();
    expect(await invoke(t.handlers, 'scan:set-screen', { screen: 'sale' })).toEqual({
      ok: true,
      value: { screen: 'sale' },
    });
    expect((await invoke(t.handlers, 'scan:set-screen', { screen: 'checkout' })).ok).toBe(false);
    const result = await t.submit({ text: '4006381333931', source: 'wedge' });
    expect(result).toEqual({ ok: true, value: { screen: 'sale', via: 'active', kind: 'ean13' } });
    expect(JSON.stringify(result)).not.toContain('4006381333931');
    expect(t.routed).toMatchObject([{ screen: 'sale', code: { kind: 'ean13', code: '4006381333931' } }]);
    await t.service.close();
  });

  it('devices:select / list / deselect / rescan, keys validated and normalised', async () => {
    const t = setup();
    for (const id of ['0c2e', '0c2e:10d3:8c:1', 'zzzz:10d3', '0c2e-10d3', '']) {
      expect((await invoke(t.handlers, 'devices:select', { id })).ok, id).toBe(false);
    }
    const selected = await invoke(t.handlers, 'devices:select', { id: '0C2E:10D3:8C' });
    expect(selected).toMatchObject({
      ok: true,
      value: { devices: [{ id: '0c2e:10d3:8c', selected: true, status: { state: 'connected' } }] },
    });
    expect(t.backend.isOpen('/dev/hidraw3')).toBe(true);
    expect(await invoke(t.handlers, 'devices:list', {})).toMatchObject({ ok: true });
    expect(await invoke(t.handlers, 'devices:rescan', {})).toMatchObject({ ok: true });
    expect((await invoke(t.handlers, 'devices:list', { all: true })).ok).toBe(false);
    const deselected = await invoke(t.handlers, 'devices:deselect', { id: '0c2e:10d3:8c' });
    expect(deselected).toMatchObject({ ok: true, value: { devices: [{ selected: false, status: null }] } });
    expect(t.backend.isOpen('/dev/hidraw3')).toBe(false);
    await t.service.close();
  });
});
