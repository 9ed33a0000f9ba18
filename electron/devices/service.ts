/**
 * The devices service the core wires in: one DeviceManager (HID scanners, selection, hot-plug, status) and one
 * ScanRouter. HID POS scans and keyboard-wedge scans submitted by the cashier page both enter the manager's scan
 * stream and go through the same router; the result goes to the cashier page as `scan:routed`, selected scanners'
 * status changes as `devices:status`.
 *
 * Nothing here may take the till down: node-hid is loaded on first use (missing libusb → `hid.available: false`
 * with the apt hint, and an error status on every selected scanner), the `usb` hot-plug source is created in the
 * background (unavailable → `hotplug: false`, plug changes are found by devices:rescan and the reconnect
 * back-off), and wedge scans route even while HID is broken.
 *
 * Scan text is never logged here (it may be eBarimt qrData); the router and manager log kind and length only.
 */
import type { PhoneCountry } from '../../shared/codes';
import type {
  DeviceEntry,
  DevicesStatus,
  DevicesView,
  DeviceStatusView,
  ScanRouted,
  ScanScreen,
} from '../../shared/channels/devices';
import type { DeviceSettings } from '../../shared/settings/devices';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import { createNodeHidBackend, type HidBackend, type HidDeviceInfo } from './hid';
import { createUsbHotplugSource, type HotplugEvent, type HotplugSource } from './hotplug';
import {
  DeviceManager,
  selectionId,
  type DeviceStatus,
  type ListedDevice,
  type Scan,
  type ScannerSelection,
  type ScannerSelectionStore,
  type ScannerState,
} from './manager';
import { ScanRouter, type RouteResult, type ScreenRegistration } from './scan-router';
import { errorText } from '../kernel/error-text';
import type { Scheduler } from '../kernel/scheduler';

/** The two events this service emits. The core's EventBus satisfies it once the contract has devicesEvents. */
export interface DeviceEventSink {
  emit(name: 'scan:routed', payload: ScanRouted): void;
  emit(name: 'devices:status', payload: DevicesStatus): void;
}

export interface DeviceServiceDeps {
  /** Default: node-hid, loaded lazily on first enumeration. Tests: FakeHidBackend. */
  backend?: HidBackend;
  /**
   * Plug/unplug events. Default: the `usb` package, created in the background. A factory is awaited the same way;
   * `false` turns hot-plug off (rescan and back-off only).
   */
  hotplug?: HotplugSource | (() => Promise<HotplugSource>) | false;
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

export interface RouteSummary {
  screen: ScanScreen;
  via: ScanRouted['via'];
  kind: ScanRouted['code']['kind'];
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

/** A hot-plug source the manager can subscribe to at once; the real one is attached when it is ready. */
class DeferredHotplug implements HotplugSource {
  readonly #listeners: { event: 'attach' | 'detach'; listener: (event: HotplugEvent) => void }[] = [];
  #real: HotplugSource | undefined;
  #closed = false;

  get attached(): boolean {
    return this.#real !== undefined;
  }

  attach(real: HotplugSource): boolean {
    if (this.#closed) {
      void real.close();
      return false;
    }
    this.#real = real;
    for (const { event, listener } of this.#listeners) {
      real.on(event, listener);
    }
    return true;
  }

  on(event: 'attach' | 'detach', listener: (event: HotplugEvent) => void): void {
    this.#listeners.push({ event, listener });
    this.#real?.on(event, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.length = 0;
    await this.#real?.close();
    this.#real = undefined;
  }
}

/** 'vid:pid[:usagePage]' → selection fields (the channel schema has already checked the shape). */
export function parseDeviceKey(id: string): Pick<ScannerSelection, 'vendorId' | 'productId' | 'usagePage'> {
  const parts = id.toLowerCase().split(':');
  const [vid, pid, page] = parts;
  if (parts.length < 2 || parts.length > 3 || vid === undefined || pid === undefined) {
    throw new KassaError('validation', `"${id.slice(0, 20)}" is not a device key (vid:pid[:usagePage])`);
  }
  const hex = (s: string) => {
    if (!/^[0-9a-f]{1,4}$/.test(s)) {
      throw new KassaError('validation', `"${id.slice(0, 20)}" is not a device key (vid:pid[:usagePage])`);
    }
    return Number.parseInt(s, 16);
  };
  return {
    vendorId: hex(vid),
    productId: hex(pid),
    ...(page === undefined ? {} : { usagePage: hex(page) }),
  };
}

function statusView(status: DeviceStatus): DeviceStatusView {
  switch (status.state) {
    case 'connected':
      return { state: 'connected', message: null };
    case 'disconnected':
      return { state: 'disconnected', message: status.message ?? null };
    case 'error':
      return { state: 'error', message: status.message };
  }
}

/** Does this selection open that interface? Same rule as the manager: pinned usage page, or any of vid:pid. */
function selectionCovers(state: ScannerState, device: ListedDevice): boolean {
  const s = state.selection;
  if (s.vendorId !== device.vendorId || s.productId !== device.productId) {
    return false;
  }
  return s.usagePage === undefined ? device.selected : s.usagePage === device.usagePage;
}

export function createDeviceService(deps: DeviceServiceDeps): DeviceService {
  const log = deps.logger.child({ component: 'devices' });
  const rawBackend = deps.backend ?? createNodeHidBackend();
  let hidMessage: string | null = null;

  // Remember whether HID works at all: node-hid failing to load (libusb) surfaces on enumeration.
  const backend: HidBackend = {
    async list() {
      try {
        const devices = await rawBackend.list();
        hidMessage = null;
        return devices;
      } catch (error) {
        hidMessage =
          error instanceof KassaError && error.code === 'device.unavailable'
            ? error.message
            : `HID enumeration failed: ${errorText(error)}`;
        throw error;
      }
    },
    open: (path) => rawBackend.open(path),
  };

  const hotplug = new DeferredHotplug();
  const manager = new DeviceManager({
    backend,
    store: deps.selectionStore,
    clock: deps.clock,
    logger: deps.logger,
    hotplug,
    ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    ...(deps.attachDelayMs === undefined ? {} : { attachDelayMs: deps.attachDelayMs }),
    ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
  });

  // --- Routing ---------------------------------------------------------------------------------------------

  const emitRouted = (
    screen: ScanScreen,
    via: ScanRouted['via'],
    routed: Omit<ScanRouted, 'screen' | 'via'>,
  ) => {
    deps.events.emit('scan:routed', { screen, via, ...routed });
  };
  const payloadOf = (scan: Scan): Omit<ScanRouted, 'screen' | 'via' | 'code'> => ({
    source: scan.source,
    symbology: scan.symbology ?? null,
    deviceId: scan.deviceId,
    at: scan.at,
  });

  const router = new ScanRouter({
    // A getter: shop settings are read at every scan.
    get classify() {
      return {
        embedded: deps.settings().barcodes.embedded,
        country: deps.country?.() ?? 'MN',
      };
    },
    idle: ({ scan, code }) => {
      emitRouted('idle', 'idle', { ...payloadOf(scan), code });
    },
    openApproval: (qrData, scan) => {
      // qrData goes to the cashier page only (memory); it is not logged.
      emitRouted('approval', 'open-approval', { ...payloadOf(scan), code: { kind: 'ebarimt-qr', qrData } });
    },
    logger: log,
  });

  let screen: ScanScreen = 'idle';
  let unregister: (() => void) | undefined;

  const setScreen = (next: ScanScreen, prefer?: 'product' | 'identity'): ScanScreen => {
    unregister?.();
    unregister = undefined;
    screen = next;
    if (next !== 'idle') {
      const registration: ScreenRegistration = {
        screen: next,
        handle: ({ scan, code }) => {
          emitRouted(next, 'active', { ...payloadOf(scan), code });
        },
        classify: { prefer: prefer ?? (next === 'approval' ? 'identity' : 'product') },
        // Only the sale screen (and idle) turn a receipt QR into "open the approval screen"; approval takes it,
        // and payment / settings get it themselves rather than being navigated away from mid-task.
        handlesReceiptQr: next !== 'sale',
      };
      unregister = router.register(registration);
    }
    log.debug({ screen: next }, 'scan screen');
    return next;
  };

  let lastRoute: RouteResult | undefined;
  const offScan = manager.onScan((scan) => {
    try {
      lastRoute = router.route(scan);
    } catch (error) {
      lastRoute = undefined;
      log.error(
        { err: error instanceof Error ? error.name : 'unknown', source: scan.source },
        'scan routing failed',
      );
    }
  });

  // --- Status ----------------------------------------------------------------------------------------------

  let names = new Map<string, HidDeviceInfo>();

  const scannerEntry = (state: ScannerState): DeviceEntry => {
    const connected = state.status.state === 'connected';
    const info = names.get(state.id);
    return {
      id: state.id,
      name: state.selection.label ?? info?.product ?? state.id,
      manufacturer: info?.manufacturer ?? null,
      vendorId: state.selection.vendorId,
      productId: state.selection.productId,
      usagePage: state.selection.usagePage ?? null,
      path: state.status.state === 'connected' ? (state.status.paths[0] ?? null) : null,
      kind: 'scanner',
      selected: true,
      present: connected,
      status: statusView(state.status),
    };
  };

  const hidView = () => ({ available: hidMessage === null, message: hidMessage });

  const status = (): DevicesStatus => ({
    hid: hidView(),
    hotplug: hotplug.attached,
    scanners: manager.states().map(scannerEntry),
  });

  const emitStatus = () => {
    deps.events.emit('devices:status', status());
  };
  const offStatus = manager.onStatus(() => {
    emitStatus();
  });

  // --- Start -----------------------------------------------------------------------------------------------

  let closed = false;

  const startHotplug = async (): Promise<void> => {
    if (deps.hotplug === false) {
      return;
    }
    const source = deps.hotplug ?? (() => createUsbHotplugSource());
    try {
      const real = typeof source === 'function' ? await source() : source;
      if (hotplug.attach(real) && !closed) {
        emitStatus();
      }
    } catch (error) {
      log.warn({ err: errorText(error) }, 'USB hot-plug unavailable; scanners are found by rescan only');
    }
  };

  const ready = (async () => {
    try {
      await manager.start();
    } catch (error) {
      log.error({ err: errorText(error) }, 'device manager failed to start');
    }
    await startHotplug();
  })();

  // --- Views -----------------------------------------------------------------------------------------------

  const list = async (): Promise<DevicesView> => {
    await ready;
    let present: ListedDevice[] = [];
    try {
      present = await manager.list();
    } catch {
      // hidMessage says why; selected scanners still show with their status below.
    }
    const pole = deps.settings().pole;
    const states = manager.states();
    const covered = new Set<string>();
    const nextNames = new Map<string, HidDeviceInfo>();
    const devices: DeviceEntry[] = present.map((d) => {
      const state = states.find((s) => selectionCovers(s, d));
      if (state) {
        covered.add(state.id);
        nextNames.set(state.id, d);
      }
      nextNames.set(d.id, d);
      const isPole = pole.enabled && pole.transport === 'hid' && pole.path !== '' && pole.path === d.path;
      return {
        id: d.id,
        name: d.product ?? state?.selection.label ?? d.id,
        manufacturer: d.manufacturer ?? null,
        vendorId: d.vendorId,
        productId: d.productId,
        usagePage: d.usagePage ?? null,
        path: d.path,
        kind: isPole ? 'pole' : d.likelyScanner || state ? 'scanner' : 'other',
        selected: state !== undefined,
        present: true,
        status: state ? statusView(state.status) : null,
      };
    });
    names = nextNames;
    for (const state of states) {
      if (!covered.has(state.id)) {
        devices.push({ ...scannerEntry(state), present: false, path: null });
      }
    }
    return { hid: hidView(), hotplug: hotplug.attached, devices };
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
      const exact = selectionId(key);
      // The list shows vid:pid:usagePage; a selection made as plain vid:pid covers that interface too.
      const ids = manager
        .states()
        .filter(
          (s) =>
            s.id === exact ||
            (s.selection.usagePage === undefined &&
              s.selection.vendorId === key.vendorId &&
              s.selection.productId === key.productId),
        )
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
      lastRoute = undefined;
      manager.submitWedgeScan(text);
      const result = lastRoute as RouteResult | undefined;
      if (result === undefined) {
        throw new KassaError('internal', 'The scan could not be routed.');
      }
      switch (result.target) {
        case 'screen':
          return { screen: screen, via: 'active', kind: result.code.kind };
        case 'open-approval':
          return { screen: 'approval', via: 'open-approval', kind: result.code.kind };
        case 'idle':
        case 'dropped':
          return { screen: 'idle', via: 'idle', kind: result.code.kind };
      }
    },
    setScreen,
    get screen() {
      return screen;
    },
    async close() {
      closed = true;
      unregister?.();
      offScan();
      offStatus();
      await ready;
      await manager.close();
    },
  };
}
