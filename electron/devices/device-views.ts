/**
 * What the settings screen shows: the manager's scanner states and the enumerated HID devices turned into the
 * contract's DeviceEntry rows (shared/channels/devices.ts). Pure functions; the service keeps the product names
 * learned at the last listing so that status pushes, which do not enumerate, can still name a scanner.
 */
import type { DeviceEntry, DeviceStatusView } from '../../shared/channels/devices';
import type { PoleSettings } from '../../shared/settings/devices';
import type { HidDeviceInfo } from './hid';
import type { DeviceStatus, ListedDevice, ScannerState } from './manager';

/** Product names (and manufacturers) by selection id and by device key, as of the last listing. */
export type DeviceNames = ReadonlyMap<string, HidDeviceInfo>;

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

/** A selected scanner's row, from its state alone (no enumeration). */
export function scannerEntry(state: ScannerState, names: DeviceNames): DeviceEntry {
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
}

/**
 * Every present device, then every selected scanner that is not present, plus the names learned from this
 * listing (under the device key and under the selection id that covers the device).
 */
export function listedDeviceEntries(
  present: readonly ListedDevice[],
  states: readonly ScannerState[],
  pole: PoleSettings,
): { devices: DeviceEntry[]; names: DeviceNames } {
  const covered = new Set<string>();
  const names = new Map<string, HidDeviceInfo>();
  const devices: DeviceEntry[] = present.map((d) => {
    const state = states.find((s) => selectionCovers(s, d));
    if (state) {
      covered.add(state.id);
      names.set(state.id, d);
    }
    names.set(d.id, d);
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
  for (const state of states) {
    if (!covered.has(state.id)) {
      devices.push({ ...scannerEntry(state, names), present: false, path: null });
    }
  }
  return { devices, names };
}
