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
  tab: Tab;
  lastError: ShownError | null;
  init: () => Promise<void>;
  setTab: (tab: Tab) => void;
  clearError: () => void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  connected: true,
  tab: 'sale',
  lastError: null,

  async init() {
    onConnectionChange((connected) => {
      set({ connected });
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
