/**
 * Scanners and other HID devices for the Settings screen: what is plugged in, which are used as scanners, and
 * their status (with the host's hint when libusb or permissions are missing).
 */
import { create } from 'zustand';
import type { DevicesView } from '../../../shared/channels/devices';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

export interface DevicesState {
  view: DevicesView | null;
  busy: boolean;
  lastError: ShownError | null;
  load: () => Promise<void>;
  rescan: () => Promise<void>;
  toggle: (id: string, selected: boolean) => Promise<void>;
  /** Follow status pushes (plug/unplug) while the panel is shown; returns the unsubscribe function. */
  follow: () => () => void;
}

export const useDevicesStore = create<DevicesState>()((set, get) => {
  const apply = (envelope: Awaited<ReturnType<ReturnType<typeof kassa>['devicesList']>>): void => {
    if (envelope.ok) {
      set({ view: envelope.value, busy: false, lastError: null });
    } else {
      set({ busy: false, lastError: shown(envelope.error) });
    }
  };
  return {
    view: null,
    busy: false,
    lastError: null,
    async load() {
      set({ busy: true });
      apply(await call(() => kassa().devicesList({})));
    },
    async rescan() {
      set({ busy: true });
      apply(await call(() => kassa().devicesRescan({})));
    },
    async toggle(id, selected) {
      set({ busy: true });
      apply(await call(() => (selected ? kassa().devicesSelect({ id }) : kassa().devicesDeselect({ id }))));
    },
    follow() {
      return kassa().on('devices:status', (status) => {
        const view = get().view;
        if (!view) {
          return;
        }
        const byId = new Map(status.scanners.map((s) => [s.id, s]));
        set({
          view: {
            hid: status.hid,
            hotplug: status.hotplug,
            devices: view.devices.map((d) => byId.get(d.id) ?? d),
          },
        });
      });
    },
  };
});
