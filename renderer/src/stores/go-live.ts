/**
 * The Go live card: which profile to switch to, the checks main ran for it (profile:check) and the switch
 * itself (profile:switch, after the manager confirmed on screen). Main runs the checks again before it
 * switches and refuses when one fails; this store only shows what main answered.
 */
import { create } from 'zustand';
import type { DoctorLineView } from '../../../shared/channels/app';
import type { Profile } from '../../../shared/settings';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';
import { useSettingsStore } from './settings';

export interface GoLiveState {
  target: Profile;
  /** The last checks and the profile they were run for. */
  lines: DoctorLineView[] | null;
  checkedFor: Profile | null;
  busy: boolean;
  lastError: ShownError | null;
  /** The profile the till just switched to (for the confirmation line). */
  switchedTo: Profile | null;
  setTarget: (target: Profile) => void;
  check: () => Promise<void>;
  switchProfile: () => Promise<boolean>;
  /** Settings were edited: earlier checks no longer say anything. */
  forgetChecks: () => void;
}

export const useGoLiveStore = create<GoLiveState>()((set, get) => ({
  target: 'production',
  lines: null,
  checkedFor: null,
  busy: false,
  lastError: null,
  switchedTo: null,

  setTarget(target) {
    set({ target, lines: null, checkedFor: null, lastError: null, switchedTo: null });
  },

  async check() {
    const { target } = get();
    if (target === 'sandbox') {
      return;
    }
    set({ busy: true, lastError: null, switchedTo: null });
    const envelope = await call(() => kassa().profileCheck({ profile: target }));
    if (envelope.ok) {
      set({ busy: false, lines: envelope.value, checkedFor: target });
    } else {
      set({ busy: false, lines: null, checkedFor: null, lastError: shown(envelope.error) });
    }
  },

  async switchProfile() {
    const { target } = get();
    set({ busy: true, lastError: null });
    const envelope = await call(() => kassa().profileSwitch({ profile: target, confirm: true }));
    if (envelope.ok) {
      useSettingsStore.getState().replaceSaved(envelope.value);
      set({ busy: false, switchedTo: envelope.value.profile, lines: null, checkedFor: null });
      return true;
    }
    set({ busy: false, lastError: shown(envelope.error) });
    return false;
  },

  forgetChecks() {
    if (get().lines !== null) {
      set({ lines: null, checkedFor: null });
    }
  },
}));

/** Whether the switch may be offered: back to the sandbox always, a live profile after its checks passed. */
export function maySwitch(
  state: Pick<GoLiveState, 'target' | 'lines' | 'checkedFor'>,
  current: Profile,
): boolean {
  if (state.target === current) {
    return false;
  }
  if (state.target === 'sandbox') {
    return true;
  }
  return state.checkedFor === state.target && state.lines !== null && state.lines.every((line) => line.ok);
}
