/**
 * Which HID interfaces are the till's scanners. A selection names a device by vid:pid[:usagePage] (the key the
 * settings screen shows and scanners.json keeps), and these rules decide which interfaces of the devices present
 * it opens, which listed key a deselect removes, and which plug events concern it.
 */
import { KassaError } from '../kernel/errors';
import { HID_POS_USAGE_PAGE, hidDeviceKey, type HidDeviceInfo } from './hid';
import type { HotplugEvent } from './hotplug';

export interface ScannerSelection {
  vendorId: number;
  productId: number;
  /** Pin one interface of a composite device (0x8C = HID POS). Without it, the HID POS interface is preferred. */
  usagePage?: number;
  /** Shown in settings; not used for matching. */
  label?: string;
}

export type ScannerKey = Pick<ScannerSelection, 'vendorId' | 'productId' | 'usagePage'>;

/** Where the selection is persisted: scanners.json in the data dir (selection-store.ts). */
export interface ScannerSelectionStore {
  load(): Promise<ScannerSelection[]>;
  save(selections: ScannerSelection[]): Promise<void>;
}

export function selectionId(selection: ScannerKey): string {
  return hidDeviceKey(selection.vendorId, selection.productId, selection.usagePage);
}

/** 'vid:pid[:usagePage]' → selection fields (the channel schema has already checked the shape). */
export function parseDeviceKey(id: string): ScannerKey {
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

function matches(selection: ScannerSelection, device: HidDeviceInfo): boolean {
  return (
    selection.vendorId === device.vendorId &&
    selection.productId === device.productId &&
    (selection.usagePage === undefined || selection.usagePage === device.usagePage)
  );
}

/** The interfaces of the present devices that a selection should open. */
export function pathsFor(selection: ScannerSelection, devices: readonly HidDeviceInfo[]): string[] {
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

/**
 * Does deselecting the listed key `key` remove this selection? The list shows vid:pid:usagePage; a selection made
 * as plain vid:pid covers that interface too.
 */
export function deselectedBy(selection: ScannerSelection, key: ScannerKey): boolean {
  return (
    selectionId(selection) === selectionId(key) ||
    (selection.usagePage === undefined &&
      selection.vendorId === key.vendorId &&
      selection.productId === key.productId)
  );
}

/** Does a plug/unplug concern any selected scanner? An event without ids might, so it does. */
export function plugConcernsSelection(selections: readonly ScannerSelection[], event: HotplugEvent): boolean {
  return (
    event.vendorId === undefined ||
    selections.some(
      (s) =>
        s.vendorId === event.vendorId && (event.productId === undefined || s.productId === event.productId),
    )
  );
}
