/**
 * The e-receipt approval screen's state: the last whole view-model from main (`approval:*` replies and the
 * `approval:updated` event) and the text in the buyer field. Scans never pass through here: main carries them
 * into the approval flow itself (docs/architecture.md §10) and this store only renders the result.
 */
import { create } from 'zustand';
import type { ApprovalViewModel } from '../../../shared/channels/approval';
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { useAppStore } from './app';
import { call, shown, type ShownError } from './errors';

export const IDLE_APPROVAL_VIEW: ApprovalViewModel = {
  state: 'idle',
  busy: false,
  buyer: null,
  lastResult: null,
  approvedCount: 0,
  pendingQr: false,
  canRetry: false,
  error: null,
  sessionEnded: null,
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
  };
});
