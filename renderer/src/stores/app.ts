/**
 * Page-level state of the cashier window: which tab is open, whether the host is reachable, app info.
 */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/channels/app';
import { kassa, onConnectionChange } from '../bridge';
import { call, shown, type ShownError } from './errors';

export type Tab = 'sale' | 'journal' | 'settings' | 'approval';

export interface AppState {
  info: AppInfo | null;
  connected: boolean;
  /** Times the page got its connection back after losing it; screens reload their state on each. */
  reconnects: number;
  tab: Tab;
  lastError: ShownError | null;
  init: () => Promise<void>;
  setTab: (tab: Tab) => void;
  clearError: () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  connected: true,
  reconnects: 0,
  tab: 'sale',
  lastError: null,

  async init() {
    onConnectionChange((connected) => {
      set((s) => ({
        connected,
        reconnects: connected && !s.connected ? s.reconnects + 1 : s.reconnects,
      }));
    });
    const envelope = await call(() => kassa().appInfo({}));
    if (envelope.ok) {
      set({ info: envelope.value });
    } else {
      set({ lastError: shown(envelope.error) });
    }
  },

  setTab(tab) {
    // Main learns the screen from scanner/announce-context.ts, which follows this store.
    set({ tab });
  },

  clearError() {
    set({ lastError: null });
  },
}));
