/**
 * The customer display's state: the last whole view-model from the host. The display never computes.
 */
import { create } from 'zustand';
import type { DisplayViewModel } from '../../../shared/channels/display';
import { kassaDisplay, onConnectionChange } from '../bridge';
import { call, shown, type ShownError } from './errors';

export interface DisplayState {
  view: DisplayViewModel | null;
  connected: boolean;
  lastError: ShownError | null;
  /** Subscribe, then say ready; returns the unsubscribe. */
  start: () => Promise<() => void>;
}

export const useDisplayStore = create<DisplayState>()((set) => ({
  view: null,
  connected: true,
  lastError: null,

  async start() {
    const askForCurrent = async (): Promise<void> => {
      const envelope = await call(() => kassaDisplay().displayReady({}));
      if (envelope.ok) {
        set({ view: envelope.value, lastError: null });
      } else {
        set({ lastError: shown(envelope.error) });
      }
    };
    let wasConnected = true;
    onConnectionChange((connected) => {
      set({ connected });
      // After the host restarts, ask for the current view again: pushes made while away were lost.
      if (connected && !wasConnected) {
        void askForCurrent();
      }
      wasConnected = connected;
    });
    // Subscribe before saying ready, so nothing pushed after the host's reply is missed. An update that
    // arrives before the reply is at least as new as the reply, so it wins.
    const seen = { update: false };
    let off: () => void = () => undefined;
    try {
      off = kassaDisplay().onUpdate((view) => {
        seen.update = true;
        set({ view });
      });
    } catch {
      // kassaDisplay() throws when the page has no bridge; the call below reports it.
    }
    const envelope = await call(() => kassaDisplay().displayReady({}));
    if (envelope.ok) {
      if (!seen.update) {
        set({ view: envelope.value });
      }
    } else {
      set({ lastError: shown(envelope.error) });
    }
    return off;
  },
}));
