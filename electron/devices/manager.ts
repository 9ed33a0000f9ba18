/**
 * Scanner device manager: which HID devices are scanners (persisted by vid:pid[:usagePage]), opening them,
 * following plug/unplug, reconnecting with back-off after errors, a status per selected scanner, and one stream
 * of scans from HID POS devices and from the keyboard-wedge decoder.
 *
 * Scan text is never logged (it can be eBarimt qrData, which must not be stored anywhere — ARCHITECTURE §6).
 */
import type { Symbology } from '../../shared/codes';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../log/logger';
import { HidPosReassembler, type HidPosOptions } from './hid-pos';
import { HID_POS_USAGE_PAGE, hidDeviceKey, type HidBackend, type HidDevice, type HidDeviceInfo } from './hid';
import type { HotplugEvent, HotplugSource } from './hotplug';
import { errorText } from '../kernel/error-text';
import { createRealScheduler, type Scheduler } from '../kernel/scheduler';
import { SerialQueue } from '../kernel/serial-queue';

export interface ScannerSelection {
  vendorId: number;
  productId: number;
  /** Pin one interface of a composite device (0x8C = HID POS). Without it, the HID POS interface is preferred. */
  usagePage?: number;
  /** Shown in settings; not used for matching. */
  label?: string;
}

/** Where the selection lives. The lead wires it to settings; tests use MemorySelectionStore. */
export interface ScannerSelectionStore {
  load(): Promise<ScannerSelection[]>;
  save(selections: ScannerSelection[]): Promise<void>;
}

export class MemorySelectionStore implements ScannerSelectionStore {
  constructor(public selections: ScannerSelection[] = []) {}
  load(): Promise<ScannerSelection[]> {
    return Promise.resolve(this.selections.map((s) => ({ ...s })));
  }
  save(selections: ScannerSelection[]): Promise<void> {
    this.selections = selections.map((s) => ({ ...s }));
    return Promise.resolve();
  }
}

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

export interface Scan {
  text: string;
  symbology: Symbology | undefined;
  source: 'hid' | 'wedge';
  deviceId: string;
  at: number;
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

interface OpenDevice {
  path: string;
  selectionId: string;
  device: HidDevice;
  parser: HidPosReassembler;
}

export function selectionId(
  selection: Pick<ScannerSelection, 'vendorId' | 'productId' | 'usagePage'>,
): string {
  return hidDeviceKey(selection.vendorId, selection.productId, selection.usagePage);
}

function matches(selection: ScannerSelection, device: HidDeviceInfo): boolean {
  return (
    selection.vendorId === device.vendorId &&
    selection.productId === device.productId &&
    (selection.usagePage === undefined || selection.usagePage === device.usagePage)
  );
}

/** The interfaces of the present devices that a selection should open. */
function pathsFor(selection: ScannerSelection, devices: readonly HidDeviceInfo[]): string[] {
  const candidates = devices.filter((d) => matches(selection, d));
  if (selection.usagePage !== undefined) {
    return candidates.map((d) => d.path);
  }
  // A composite scanner also exposes a keyboard interface whose boot reports would parse as garbage.
  const pos = candidates.filter((d) => d.usagePage === HID_POS_USAGE_PAGE);
  if (pos.length > 0) {
    return pos.map((d) => d.path);
  }
  return candidates.slice(0, 1).map((d) => d.path);
}

export class DeviceManager {
  readonly #deps: DeviceManagerDeps;
  readonly #scheduler: Scheduler;
  readonly #log: Logger;
  #selections: ScannerSelection[] = [];
  readonly #status = new Map<string, DeviceStatus>();
  readonly #open = new Map<string, OpenDevice>();
  readonly #scanListeners = new Set<ScanListener>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #queue = new SerialQueue();
  #pendingRescan: (() => void) | undefined;
  #backoffStep = 0;
  #closed = false;

  constructor(deps: DeviceManagerDeps) {
    this.#deps = deps;
    this.#scheduler =
      deps.scheduler ??
      createRealScheduler((error) => {
        this.#log.error({ err: errorText(error) }, 'a scheduled device task failed');
      });
    this.#log = deps.logger.child({ component: 'devices' });
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
    this.#pendingRescan?.();
    this.#pendingRescan = undefined;
    await this.#deps.hotplug?.close();
    await this.#serial(async () => {
      for (const open of [...this.#open.values()]) {
        await this.#closeDevice(open);
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

  /** A scan decoded by the keyboard-wedge decoder (renderer or before-input-event), joined to the same stream. */
  submitWedgeScan(text: string, symbology?: Symbology, deviceId = 'keyboard'): void {
    this.#emitScan({ text, symbology, source: 'wedge', deviceId, at: this.#deps.clock.now() });
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
    return this.#serial(() => this.#rescanNow());
  }

  #serial(task: () => Promise<void>): Promise<void> {
    return this.#queue.run(task);
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
    for (const open of [...this.#open.values()]) {
      const stillSelected = this.#selections.some((s) => selectionId(s) === open.selectionId);
      if (!present.has(open.path) || !stillSelected) {
        await this.#closeDevice(open);
      }
    }
    let failed = false;
    for (const selection of this.#selections) {
      const id = selectionId(selection);
      const paths = pathsFor(selection, devices);
      const errors: string[] = [];
      for (const path of paths) {
        if (!this.#open.has(path)) {
          try {
            await this.#openDevice(path, id);
          } catch (error) {
            errors.push(errorText(error));
          }
        }
      }
      const openPaths = [...this.#open.values()].filter((o) => o.selectionId === id).map((o) => o.path);
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
      this.#scheduleRescan(this.#nextBackoff());
    } else {
      this.#backoffStep = 0;
    }
    this.#emitStatus();
  }

  async #openDevice(path: string, id: string): Promise<void> {
    const device = await this.#deps.backend.open(path);
    const open: OpenDevice = {
      path,
      selectionId: id,
      device,
      parser: new HidPosReassembler(this.#deps.hidPos),
    };
    this.#open.set(path, open);
    device.on('data', (report) => {
      if (this.#open.get(path) !== open) {
        return;
      }
      const scan = open.parser.push(report, this.#deps.clock.now());
      if (scan) {
        this.#emitScan({
          text: scan.text,
          symbology: scan.symbology,
          source: 'hid',
          deviceId: id,
          at: this.#deps.clock.now(),
        });
      }
    });
    device.on('error', (error) => {
      this.#onDeviceError(open, error);
    });
    this.#log.info({ deviceId: id, path }, 'scanner opened');
  }

  async #closeDevice(open: OpenDevice): Promise<void> {
    this.#open.delete(open.path);
    open.parser.reset();
    try {
      await open.device.close();
    } catch (error) {
      this.#log.debug({ err: errorText(error), path: open.path }, 'close after unplug failed (expected)');
    }
  }

  #onDeviceError(open: OpenDevice, error: Error): void {
    if (this.#open.get(open.path) !== open) {
      return;
    }
    // Unplugged or failed: the partial scan is dropped with the parser, the device is re-found by a rescan.
    this.#log.warn(
      { deviceId: open.selectionId, path: open.path, err: error.message },
      'scanner read failed',
    );
    this.#open.delete(open.path);
    open.parser.reset();
    void open.device.close().catch(() => undefined);
    const stillOpen = [...this.#open.values()]
      .filter((o) => o.selectionId === open.selectionId)
      .map((o) => o.path);
    this.#status.set(
      open.selectionId,
      stillOpen.length > 0
        ? { state: 'connected', paths: stillOpen }
        : { state: 'disconnected', message: error.message },
    );
    this.#emitStatus();
    this.#scheduleRescan(this.#nextBackoff());
  }

  #onHotplug(kind: 'attach' | 'detach', event: HotplugEvent): void {
    const relevant =
      event.vendorId === undefined ||
      this.#selections.some(
        (s) =>
          s.vendorId === event.vendorId && (event.productId === undefined || s.productId === event.productId),
      );
    if (!relevant) {
      return;
    }
    this.#backoffStep = 0;
    this.#scheduleRescan(kind === 'attach' ? (this.#deps.attachDelayMs ?? 400) : 0);
  }

  #nextBackoff(): number {
    const delays = this.#deps.backoffMs ?? [500, 1000, 2000, 5000, 10_000];
    const delay = delays[Math.min(this.#backoffStep, delays.length - 1)] ?? 1000;
    this.#backoffStep++;
    return delay;
  }

  /** One pending rescan at a time: a new request replaces the pending one. */
  #scheduleRescan(ms: number): void {
    if (this.#closed) {
      return;
    }
    this.#pendingRescan?.();
    this.#pendingRescan = this.#scheduler.schedule(ms, () => {
      this.#pendingRescan = undefined;
      this.rescan().catch((error: unknown) => {
        this.#log.error({ err: errorText(error) }, 'rescan failed');
      });
    });
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
