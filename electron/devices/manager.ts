/**
 * Scanner device manager: the selected scanners (persisted through a ScannerSelectionStore), opening them,
 * following plug/unplug, reconnecting with back-off after errors, a status per selected scanner, and one stream
 * of scans from the HID POS devices (the service hands it to the scan router, with the page's wedge scans).
 *
 * Scan text is never logged: it can be eBarimt qrData, which stays in memory only (docs/architecture.md,
 * Receipts and e-receipt approval).
 */
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import { createRealScheduler, type Scheduler } from '../kernel/scheduler';
import { SerialQueue } from '../kernel/serial-queue';
import type { Logger } from '../log/logger';
import { HID_POS_USAGE_PAGE, hidDeviceKey, type HidBackend, type HidDeviceInfo } from './hid';
import type { HidPosOptions } from './hid-pos';
import type { HotplugEvent, HotplugSource } from './hotplug';
import { OpenScanners, type OpenScanner } from './open-scanners';
import { RescanTimer } from './rescan-timer';
import type { Scan } from './scan';
import {
  pathsFor,
  plugConcernsSelection,
  selectionId,
  type ScannerSelection,
  type ScannerSelectionStore,
} from './selection';

export type DeviceStatus =
  | { state: 'connected'; paths: string[] }
  | { state: 'disconnected'; message?: string }
  | { state: 'error'; message: string };

export interface ScannerState {
  id: string;
  selection: ScannerSelection;
  status: DeviceStatus;
}

export interface ListedDevice extends HidDeviceInfo {
  /** Selection key of this interface: vid:pid:usagePage (or vid:pid when the OS reports no usage page). */
  id: string;
  selected: boolean;
  /** Usage page 0x8C: a HID POS scanner. */
  likelyScanner: boolean;
}

export interface DeviceManagerDeps {
  backend: HidBackend;
  store: ScannerSelectionStore;
  clock: Clock;
  logger: Logger;
  /** Plug/unplug events; without one, plug changes are found by rescan() and reconnect back-off only. */
  hotplug?: HotplugSource;
  scheduler?: Scheduler;
  /** Wait after a USB attach before enumerating (the hidraw node appears after the USB device). Default 400 ms. */
  attachDelayMs?: number;
  /** Reconnect delays after a device error, last one repeated. Default 500 ms, 1 s, 2 s, 5 s, 10 s. */
  backoffMs?: readonly number[];
  hidPos?: HidPosOptions;
}

type ScanListener = (scan: Scan) => void;
type StatusListener = (states: ScannerState[]) => void;

export class DeviceManager {
  readonly #deps: DeviceManagerDeps;
  readonly #log: Logger;
  readonly #open: OpenScanners;
  readonly #rescans: RescanTimer;
  #selections: ScannerSelection[] = [];
  readonly #status = new Map<string, DeviceStatus>();
  readonly #scanListeners = new Set<ScanListener>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #queue = new SerialQueue();
  #closed = false;

  constructor(deps: DeviceManagerDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child({ component: 'devices' });
    this.#open = new OpenScanners({
      backend: deps.backend,
      clock: deps.clock,
      log: this.#log,
      ...(deps.hidPos ? { hidPos: deps.hidPos } : {}),
      onScan: (scan) => {
        this.#emitScan(scan);
      },
      onLost: (scanner, error) => {
        this.#onScannerLost(scanner, error);
      },
    });
    this.#rescans = new RescanTimer({
      scheduler:
        deps.scheduler ??
        createRealScheduler((error) => {
          this.#log.error({ err: errorText(error) }, 'a scheduled device task failed');
        }),
      rescan: () => this.rescan(),
      log: this.#log,
      backoffMs: deps.backoffMs,
    });
  }

  // --- Lifecycle ---------------------------------------------------------------------------------------------

  async start(): Promise<void> {
    this.#selections = await this.#deps.store.load();
    this.#deps.hotplug?.on('attach', (event) => {
      this.#onHotplug('attach', event);
    });
    this.#deps.hotplug?.on('detach', (event) => {
      this.#onHotplug('detach', event);
    });
    await this.rescan();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#rescans.stop();
    await this.#deps.hotplug?.close();
    await this.#queue.run(async () => {
      for (const open of this.#open.all()) {
        await this.#open.close(open);
      }
    });
  }

  // --- Events --------------------------------------------------------------------------------------------------

  onScan(listener: ScanListener): () => void {
    this.#scanListeners.add(listener);
    return () => this.#scanListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  // --- Selection ---------------------------------------------------------------------------------------------

  /** Every HID device present, marked with whether it is a selected scanner. */
  async list(): Promise<ListedDevice[]> {
    const devices = await this.#deps.backend.list();
    return devices.map((d) => ({
      ...d,
      id: hidDeviceKey(d.vendorId, d.productId, d.usagePage),
      selected: this.#selections.some((s) => pathsFor(s, devices).includes(d.path)),
      likelyScanner: d.usagePage === HID_POS_USAGE_PAGE,
    }));
  }

  async select(selection: ScannerSelection): Promise<void> {
    const id = selectionId(selection);
    this.#selections = [...this.#selections.filter((s) => selectionId(s) !== id), selection];
    await this.#deps.store.save(this.#selections);
    await this.rescan();
  }

  async deselect(id: string): Promise<void> {
    this.#selections = this.#selections.filter((s) => selectionId(s) !== id);
    this.#status.delete(id);
    await this.#deps.store.save(this.#selections);
    await this.rescan();
  }

  states(): ScannerState[] {
    return this.#selections.map((selection) => {
      const id = selectionId(selection);
      return { id, selection, status: this.#status.get(id) ?? { state: 'disconnected' } };
    });
  }

  // --- Enumeration ---------------------------------------------------------------------------------------------

  /** Enumerates once: opens selected devices that appeared, closes the ones that went away, updates statuses. */
  rescan(): Promise<void> {
    return this.#queue.run(() => this.#rescanNow());
  }

  async #rescanNow(): Promise<void> {
    if (this.#closed) {
      return;
    }
    let devices: HidDeviceInfo[];
    try {
      devices = await this.#deps.backend.list();
    } catch (error) {
      const text = errorText(error);
      this.#log.warn({ err: text }, 'HID enumeration failed');
      for (const selection of this.#selections) {
        this.#status.set(selectionId(selection), { state: 'error', message: text });
      }
      this.#emitStatus();
      return;
    }
    const present = new Set(devices.map((d) => d.path));
    for (const open of this.#open.all()) {
      const stillSelected = this.#selections.some((s) => selectionId(s) === open.selectionId);
      if (!present.has(open.path) || !stillSelected) {
        await this.#open.close(open);
      }
    }
    let failed = false;
    for (const selection of this.#selections) {
      const id = selectionId(selection);
      const errors: string[] = [];
      for (const path of pathsFor(selection, devices)) {
        if (!this.#open.has(path)) {
          try {
            await this.#open.open(path, id);
          } catch (error) {
            errors.push(errorText(error));
          }
        }
      }
      const openPaths = this.#open.pathsOf(id);
      if (openPaths.length > 0) {
        this.#status.set(id, { state: 'connected', paths: openPaths });
      } else if (errors.length > 0) {
        failed = true;
        this.#status.set(id, { state: 'error', message: errors[0] ?? 'unknown error' });
      } else {
        const previous = this.#status.get(id);
        this.#status.set(id, previous?.state === 'disconnected' ? previous : { state: 'disconnected' });
      }
    }
    if (failed) {
      this.#rescans.retryWithBackoff();
    } else {
      this.#rescans.resetBackoff();
    }
    this.#emitStatus();
  }

  #onScannerLost(scanner: OpenScanner, error: Error): void {
    const stillOpen = this.#open.pathsOf(scanner.selectionId);
    this.#status.set(
      scanner.selectionId,
      stillOpen.length > 0
        ? { state: 'connected', paths: stillOpen }
        : { state: 'disconnected', message: error.message },
    );
    this.#emitStatus();
    this.#rescans.retryWithBackoff();
  }

  #onHotplug(kind: 'attach' | 'detach', event: HotplugEvent): void {
    if (plugConcernsSelection(this.#selections, event)) {
      this.#rescans.afterPlug(kind === 'attach' ? (this.#deps.attachDelayMs ?? 400) : 0);
    }
  }

  #emitScan(scan: Scan): void {
    this.#log.info(
      { deviceId: scan.deviceId, source: scan.source, symbology: scan.symbology, length: scan.text.length },
      'scan',
    );
    for (const listener of this.#scanListeners) {
      listener(scan);
    }
  }

  #emitStatus(): void {
    const states = this.states();
    for (const listener of this.#statusListeners) {
      listener(states);
    }
  }
}
