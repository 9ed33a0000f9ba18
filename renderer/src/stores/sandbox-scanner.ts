/**
 * The sandbox HID scanner panel: scans a code through the sandbox profile's virtual HID POS scanner
 * (sandbox:scan), and selects it as a scanner when nothing reads it yet. What the scan does arrives like any
 * HID scan's outcome (scan:outcome, sale:updated …).
 */
import { create } from 'zustand';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

export interface SandboxScannerState {
  text: string;
  /** The last scan was not read by anything: the virtual scanner is not selected; its key is kept to select it. */
  unselected: string | null;
  busy: boolean;
  lastError: ShownError | null;
  setText: (text: string) => void;
  scan: () => Promise<void>;
  select: () => Promise<void>;
}

export const useSandboxScannerStore = create<SandboxScannerState>()((set, get) => ({
  text: '',
  unselected: null,
  busy: false,
  lastError: null,

  setText(text) {
    set({ text });
  },

  async scan() {
    const text = get().text.trim();
    if (text === '') {
      return;
    }
    set({ busy: true });
    const envelope = await call(() => kassa().sandboxScan({ text }));
    set({ busy: false });
    if (!envelope.ok) {
      set({ lastError: shown(envelope.error) });
      return;
    }
    set({ lastError: null, unselected: envelope.value.delivered ? null : envelope.value.deviceId });
  },

  async select() {
    const id = get().unselected;
    if (id === null) {
      return;
    }
    set({ busy: true });
    const envelope = await call(() => kassa().devicesSelect({ id }));
    set({ busy: false });
    if (envelope.ok) {
      set({ unselected: null, lastError: null });
    } else {
      set({ lastError: shown(envelope.error) });
    }
  },
}));
