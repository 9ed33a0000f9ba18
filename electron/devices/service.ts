/**
 * The devices service the core wires in: one DeviceManager (HID scanners, selection, hot-plug, status) and the one
 * scan router. HID POS scans from the manager and the page's wedge scans and typed codes (submitScan) all go
 * through the router, which carries them out through the ScanActions the core hands in and publishes each outcome
 * as `scan:outcome`; selected scanners' status changes go out as `devices:status` (docs/architecture.md §10).
 *
 * Nothing here may take the till down: node-hid is loaded on first use (missing libusb → `hid.available: false`
 * with the apt hint, and an error status on every selected scanner), the `usb` hot-plug source is created in the
 * background (unavailable → `hotplug: false`, plug changes are found by devices:rescan and the reconnect
 * back-off), and wedge scans are carried out even while HID is broken.
 */
import type { PhoneCountry } from '../../shared/codes';
import type { DevicesStatus, DevicesView } from '../../shared/channels/devices';
import type { ScanContext, ScanOutcome, ScanSource } from '../../shared/channels/scan';
import type { DeviceSettings } from '../../shared/settings/devices';
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import type { Scheduler } from '../kernel/scheduler';
import type { Logger } from '../log/logger';
import { connectHotplug, DeferredHotplug, type HotplugOption } from './deferred-hotplug';
import { listedDeviceEntries, scannerEntry, type DeviceNames } from './device-views';
import { createNodeHidBackend, type HidBackend } from './hid';
import { HidAvailability } from './hid-availability';
import { JoinedHidBackend } from './joined-backend';
import { DeviceManager, type ListedDevice } from './manager';
import type { ScanActions } from './scan-actions';
import { ScanRouter } from './scan-router';
import { deselectedBy, parseDeviceKey, selectionId, type ScannerSelectionStore } from './selection';

/** The two events this service emits; the core's EventBus is one. */
export interface DeviceEventSink {
  emit(name: 'scan:outcome', payload: ScanOutcome): void;
  emit(name: 'devices:status', payload: DevicesStatus): void;
}

/** A wedge scan or a typed code from the cashier page (already checked by the channel schema). */
export interface PageScan {
  text: string;
  source: Extract<ScanSource, 'wedge' | 'keyboard'>;
  quantity?: number | undefined;
}

export interface DeviceServiceDeps {
  /** Default: node-hid, loaded lazily on first enumeration. */
  backend?: HidBackend;
  /**
   * Devices that exist only in software, asked at every enumeration: the sandbox profile's virtual scanner
   * (undefined while the till is not in the sandbox profile).
   */
  softwareDevices?: () => HidBackend | undefined;
  /** How scans are carried out: the sale and approval services, wired by the core. */
  actions: ScanActions;
  /**
   * Plug/unplug events. Default: the `usb` package, created in the background. A factory is awaited the same way;
   * `false` turns hot-plug off (rescan and back-off only).
   */
  hotplug?: HotplugOption;
  selectionStore: ScannerSelectionStore;
  clock: Clock;
  logger: Logger;
  events: DeviceEventSink;
  /** Read at every scan / list, so a settings change applies at once. */
  settings: () => DeviceSettings;
  /** The shop's country, for national phone numbers. Default 'MN'. */
  country?: () => PhoneCountry;
  scheduler?: Scheduler;
  attachDelayMs?: number;
  backoffMs?: readonly number[];
}

export interface DeviceService {
  /** Resolves once the selection is loaded and the first enumeration ran (never rejects). */
  readonly ready: Promise<void>;
  list(): Promise<DevicesView>;
  select(id: string, label?: string): Promise<DevicesView>;
  deselect(id: string): Promise<DevicesView>;
  rescan(): Promise<DevicesView>;
  /** Selected scanners' status, without enumerating. */
  status(): DevicesStatus;
  /** A wedge scan or typed code from the cashier page, carried out like a HID scan; resolves with its outcome. */
  submitScan(scan: PageScan): Promise<ScanOutcome>;
  /** What the cashier page shows; scans are read and carried out for it. */
  setScanContext(context: ScanContext): ScanContext;
  readonly scanContext: ScanContext;
  close(): Promise<void>;
}

export function createDeviceService(deps: DeviceServiceDeps): DeviceService {
  const log = deps.logger.child({ component: 'devices' });
  const hid = new HidAvailability(deps.backend ?? createNodeHidBackend());
  const hotplug = new DeferredHotplug();
  const manager = new DeviceManager({
    backend: deps.softwareDevices ? new JoinedHidBackend(hid, deps.softwareDevices) : hid,
    store: deps.selectionStore,
    clock: deps.clock,
    logger: deps.logger,
    hotplug,
    ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    ...(deps.attachDelayMs === undefined ? {} : { attachDelayMs: deps.attachDelayMs }),
    ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
  });

  const router = new ScanRouter({
    actions: deps.actions,
    classifyOptions: () => ({
      embedded: deps.settings().barcodes.embedded,
      country: deps.country?.() ?? 'MN',
    }),
    emit: (outcome) => {
      deps.events.emit('scan:outcome', outcome);
    },
    log,
  });
  const offScan = manager.onScan((scan) => {
    // The outcome is published by the router; a failure there is already logged and answered as `failed`.
    void router.route(scan);
  });

  // --- Status ----------------------------------------------------------------------------------------------

  let names: DeviceNames = new Map();

  const status = (): DevicesStatus => ({
    hid: hid.view(),
    hotplug: hotplug.attached,
    scanners: manager.states().map((state) => scannerEntry(state, names)),
  });
  const emitStatus = () => {
    deps.events.emit('devices:status', status());
  };
  const offStatus = manager.onStatus(() => {
    emitStatus();
  });

  // --- Start -----------------------------------------------------------------------------------------------

  let closed = false;
  const ready = (async () => {
    try {
      await manager.start();
    } catch (error) {
      log.error({ err: errorText(error) }, 'device manager failed to start');
    }
    await connectHotplug(hotplug, deps.hotplug, log, () => {
      if (!closed) {
        emitStatus();
      }
    });
  })();

  // --- Views -----------------------------------------------------------------------------------------------

  const list = async (): Promise<DevicesView> => {
    await ready;
    let present: ListedDevice[] = [];
    try {
      present = await manager.list();
    } catch {
      // The HID availability says why; selected scanners still show with their status.
    }
    const listed = listedDeviceEntries(present, manager.states(), deps.settings().pole);
    names = listed.names;
    return { hid: hid.view(), hotplug: hotplug.attached, devices: listed.devices };
  };

  return {
    ready,
    list,
    async select(id, label) {
      await ready;
      const key = parseDeviceKey(id);
      if (label === undefined && !names.has(selectionId(key))) {
        await list(); // learn the product name to save with the selection
      }
      const name = label ?? names.get(selectionId(key))?.product;
      await manager.select({ ...key, ...(name === undefined ? {} : { label: name.slice(0, 80) }) });
      return list();
    },
    async deselect(id) {
      await ready;
      const key = parseDeviceKey(id);
      const ids = manager
        .states()
        .filter((s) => deselectedBy(s.selection, key))
        .map((s) => s.id);
      for (const selected of ids) {
        await manager.deselect(selected);
      }
      return list();
    },
    async rescan() {
      await ready;
      await manager.rescan();
      return list();
    },
    status,
    submitScan({ text, source, quantity }) {
      return router.route({
        text,
        symbology: undefined,
        source,
        deviceId: 'keyboard',
        at: deps.clock.now(),
        quantity,
      });
    },
    setScanContext: (context) => router.setContext(context),
    get scanContext() {
      return router.context;
    },
    async close() {
      closed = true;
      offScan();
      offStatus();
      await ready;
      await manager.close();
    },
  };
}
