/**
 * Who this page acts as, as main says (session:status): a cashier, or a signed-in manager until `expiresAt`.
 * The page never decides it; it asks again when the session may have ended (its expiry time, a `forbidden`
 * answer, a reconnect) so the screen never shows manager controls main would refuse
 * (docs/architecture.md §3.1).
 */
import { create } from 'zustand';
import type { SessionView } from '../../../shared/channels/session';
import { kassa } from '../bridge';
import { call, onForbidden, shown, type ShownError } from './errors';

export interface SessionState {
  view: SessionView | null;
  busy: boolean;
  lastError: ShownError | null;
  load: () => Promise<void>;
  signIn: (code: string) => Promise<boolean>;
  signOut: () => Promise<void>;
  createFirstManager: (name: string, pin: string) => Promise<boolean>;
  clearError: () => void;
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

export const useSessionStore = create<SessionState>()((set, get) => {
  /** Keep the view, and look again when main says the manager session ends. */
  const apply = (view: SessionView): void => {
    clearTimeout(expiryTimer);
    if (view.expiresAt !== null) {
      expiryTimer = setTimeout(
        () => {
          void get().load();
        },
        Math.max(view.expiresAt - Date.now(), 0) + 250,
      );
    }
    set({ view, busy: false, lastError: null });
  };

  onForbidden(() => {
    void get().load();
  });

  return {
    view: null,
    busy: false,
    lastError: null,

    async load() {
      const envelope = await call(() => kassa().sessionStatus({}));
      if (envelope.ok) {
        apply(envelope.value);
      }
    },

    async signIn(code) {
      set({ busy: true });
      const envelope = await call(() => kassa().sessionSignIn({ code }));
      if (envelope.ok) {
        apply(envelope.value);
        return true;
      }
      set({ busy: false, lastError: shown(envelope.error) });
      return false;
    },

    async signOut() {
      const envelope = await call(() => kassa().sessionSignOut({}));
      if (envelope.ok) {
        apply(envelope.value);
      }
    },

    async createFirstManager(name, pin) {
      set({ busy: true });
      const envelope = await call(() => kassa().sessionCreateFirstManager({ name, pin }));
      if (envelope.ok) {
        apply(envelope.value);
        return true;
      }
      set({ busy: false, lastError: shown(envelope.error) });
      return false;
    },

    clearError() {
      set({ lastError: null });
    },
  };
});

/** True when this page acts as a manager now. */
export function useIsManager(): boolean {
  return useSessionStore((s) => s.view?.role === 'manager');
}
