/**
 * The e-receipt approval screen's state: the last whole view-model from main (`approval:*` replies and the
 * `approval:updated` event), the text in the buyer field, and the one place where scanner input is routed.
 *
 * qrData passes through here on its way to main and is never kept: not in state, not in an error, not in a log.
 */
import { create } from 'zustand';
import type { ApprovalViewModel } from '../../../shared/channels/approval';
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { useAppStore } from './app';
import { call, shown, type ShownError } from './errors';

/** What a scan was used for: `approval` (taken by the approval flow) or `unhandled` (someone else's, e.g. a product). */
export type ScanRoute =
  | { to: 'approval'; action: 'start' | 'scan-receipt' | 'identify' }
  | { to: 'unhandled'; reason: 'not-approval-screen' | 'busy' | 'router' };

export const IDLE_APPROVAL_VIEW: ApprovalViewModel = {
  state: 'idle',
  busy: false,
  buyer: null,
  lastResult: null,
  approvedCount: 0,
  pendingQr: false,
  canRetry: false,
  error: null,
};

export interface ApprovalStoreState {
  view: ApprovalViewModel;
  /** The buyer field (regNo / phone / code); typed by the cashier, regNo needs the Cyrillic keyboard. */
  query: string;
  /** A call main refused (conflict, validation, connection): shown in the screen's banner. */
  lastError: ShownError | null;
  /** Subscribe to approval:updated and load the current state; returns the unsubscribe. */
  start: () => Promise<() => void>;
  setQuery: (query: string) => void;
  /** Open the screen (and the approval tab); with qrData the receipt waits for a buyer. */
  open: (qrData?: string) => Promise<void>;
  /** Look up what is in the field (or `query` when given, e.g. a scanned code). */
  identify: (query?: string) => Promise<void>;
  confirm: () => Promise<void>;
  scanReceipt: (qrData: string) => Promise<void>;
  retry: () => Promise<void>;
  newBuyer: () => Promise<void>;
  close: () => Promise<void>;
  clearError: () => void;
  /**
   * Carries out, on the cashier page, what main's scan router decides for one wedge scan: the text goes to
   * `scan:submit` (the router HID scans go through too, for the screen main knows is active) and the reply's
   * kind, via and screen pick the action:
   *   - receipt qrData routed to open the approval, or on the approval screen while the flow is idle →
   *     approval:start {qrData} + open the tab;
   *   - receipt qrData on the approval screen → approval:scan-receipt (refused with a message while another
   *     receipt is being submitted);
   *   - anything else on the approval screen with a flow under way → approval:identify (main classifies
   *     regNo / phone / code and answers `unrecognised` for the rest);
   *   - otherwise the scan is not the approval screen's (`unhandled`) and the caller passes it on.
   */
  routeScan: (text: string) => Promise<ScanRoute>;
}

export const useApprovalStore = create<ApprovalStoreState>()((set, get) => {
  /** Apply one reply: the view-model on success, the error otherwise. */
  const apply = async (invoke: () => Promise<Envelope<ApprovalViewModel>>): Promise<boolean> => {
    const envelope = await call(invoke);
    if (envelope.ok) {
      set({ view: envelope.value, lastError: null });
      return true;
    }
    set({ lastError: shown(envelope.error) });
    return false;
  };

  return {
    view: IDLE_APPROVAL_VIEW,
    query: '',
    lastError: null,

    async start() {
      let off: () => void = () => undefined;
      try {
        off = kassa().on('approval:updated', (view) => {
          set({ view });
        });
      } catch {
        // No bridge: the call below reports it.
      }
      await apply(() => kassa().approvalState({}));
      return off;
    },

    setQuery(query) {
      set({ query });
    },

    async open(qrData) {
      await apply(() => kassa().approvalStart(qrData === undefined ? {} : { qrData }));
      useAppStore.getState().setTab('approval');
    },

    async identify(query) {
      const text = (query ?? get().query).trim();
      if (text === '') {
        return;
      }
      const ok = await apply(() => kassa().approvalIdentify({ query: text }));
      if (ok && query === undefined) {
        set({ query: '' });
      }
    },

    async confirm() {
      await apply(() => kassa().approvalConfirm({}));
    },

    async scanReceipt(qrData) {
      await apply(() => kassa().approvalScanReceipt({ qrData }));
    },

    async retry() {
      await apply(() => kassa().approvalRetry({}));
    },

    async newBuyer() {
      set({ query: '' });
      await apply(() => kassa().approvalReset({}));
    },

    async close() {
      set({ query: '' });
      await apply(() => kassa().approvalClose({}));
      useAppStore.getState().setTab('sale');
    },

    clearError() {
      set({ lastError: null });
    },

    async routeScan(text) {
      // Main's scan router classifies every scan (HID and wedge alike) for the screen it knows is active;
      // the page only carries out what it decided. The reply never echoes the text back.
      const trimmed = text.trim();
      const routed = await call(() => kassa().scanSubmit({ text: trimmed, source: 'wedge' }));
      if (!routed.ok) {
        set({ lastError: shown(routed.error) });
        return { to: 'unhandled', reason: 'router' };
      }
      const { kind, via, screen } = routed.value;
      const { view } = get();
      if (kind === 'ebarimt-qr') {
        if (view.state === 'submitting') {
          // Main refuses a second receipt while one is in flight; say so rather than drop it silently.
          set({
            lastError: {
              code: 'state.conflict',
              message: 'A receipt is being submitted; scan the next one when its answer shows.',
            },
          });
          return { to: 'unhandled', reason: 'busy' };
        }
        if (via === 'open-approval' || (screen === 'approval' && view.state === 'idle')) {
          await get().open(trimmed);
          return { to: 'approval', action: 'start' };
        }
        if (screen === 'approval') {
          await get().scanReceipt(trimmed);
          return { to: 'approval', action: 'scan-receipt' };
        }
        return { to: 'unhandled', reason: 'not-approval-screen' };
      }
      if (screen !== 'approval' || view.state === 'idle') {
        return { to: 'unhandled', reason: 'not-approval-screen' };
      }
      await get().identify(trimmed);
      return { to: 'approval', action: 'identify' };
    },
  };
});
