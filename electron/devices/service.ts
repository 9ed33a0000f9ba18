/**
 * The devices service the core wires in: one DeviceManager (HID scanners, selection, hot-plug, status) and the
 * scan routing. HID POS scans and keyboard-wedge scans submitted by the cashier page both enter the manager's scan
 * stream and go through the same router; the result goes to the cashier page as `scan:routed`, selected scanners'
 * status changes as `devices:status` (docs/architecture.md, Devices).
 *
 * Nothing here may take the till down: node-hid is loaded on first use (missing libusb → `hid.available: false`
 * with the apt hint, and an error status on every selected scanner), the `usb` hot-plug source is created in the
 * background (unavailable → `hotplug: false`, plug changes are found by devices:rescan and the reconnect
 * back-off), and wedge scans route even while HID is broken.
 */
import type { PhoneCountry } from '../../shared/codes';
import type { DevicesStatus, DevicesView, ScanRouted, ScanScreen } from '../../shared/channels/devices';
import type { DeviceSettings } from '../../shared/settings/devices';
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import type { Scheduler } from '../kernel/scheduler';
import type { Logger } from '../log/logger';
import { connectHotplug, DeferredHotplug, type HotplugOption } from './deferred-hotplug';
import { listedDeviceEntries, scannerEntry, type DeviceNames } from './device-views';
import { createNodeHidBackend, type HidBackend } from './hid';
import { HidAvailability } from './hid-availability';
import { DeviceManager, type ListedDevice } from './manager';
import { ScanRouting, type RouteSummary } from './scan-routing';
import { deselectedBy, parseDeviceKey, selectionId, type ScannerSelectionStore } from './selection';

export type { RouteSummary } from './scan-routing';

/** The two events this service emits; the core's EventBus is one. */
export interface DeviceEventSink {
  emit(name: 'scan:routed', payload: ScanRouted): void;
  emit(name: 'devices:status', payload: DevicesStatus): void;
}

export interface DeviceServiceDeps {
  /** Default: node-hid, loaded lazily on first enumeration. */
  backend?: HidBackend;
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
  /** A keyboard-wedge scan from the cashier page (already validated by the channel schema). */
  submitWedgeScan(text: string): RouteSummary;
  setScreen(screen: ScanScreen, prefer?: 'product' | 'identity'): ScanScreen;
  readonly screen: ScanScreen;
  close(): Promise<void>;
}

export function createDeviceService(deps: DeviceServiceDeps): DeviceService {
  const log = deps.logger.child({ component: 'devices' });
  const hid = new HidAvailability(deps.backend ?? createNodeHidBackend());
  const hotplug = new DeferredHotplug();
  const manager = new DeviceManager({
    backend: hid,
    store: deps.selectionStore,
    clock: deps.clock,
    logger: deps.logger,
    hotplug,
    ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    ...(deps.attachDelayMs === undefined ? {} : { attachDelayMs: deps.attachDelayMs }),
    ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
  });

  const routing = new ScanRouting({
    emit: (payload) => {
      deps.events.emit('scan:routed', payload);
    },
    settings: deps.settings,
    country: deps.country,
    log,
  });
  const offScan = manager.onScan((scan) => {
    routing.route(scan);
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
    submitWedgeScan(text) {
      return routing.routeWedgeScan(() => {
        manager.submitWedgeScan(text);
      });
    },
    setScreen: (screen, prefer) => routing.setScreen(screen, prefer),
    get screen() {
      return routing.screen;
    },
    async close() {
      closed = true;
      routing.close();
      offScan();
      offStatus();
      await ready;
      await manager.close();
    },
  };
}
