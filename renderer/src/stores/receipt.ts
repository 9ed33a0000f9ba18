/**
 * The eBarimt receipt of the sale on screen (Mongolia): its state from `receipt:get` / `receipt:updated`, buyer
 * identification before it is issued, a retry when issuing failed, and the paper width for printing. The
 * lottery and QR (`printable`) live only in this memory, as the host sends them; nothing here stores them.
 */
import { create } from 'zustand';
import type { ReceiptView } from '../../../shared/channels/receipt';
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

export type PaperWidth = '58' | '80';

export type ResolveChoice =
  | { action: 'issued'; receiptId: string; date: string; reason?: string }
  | { action: 'reissue' | 'no-receipt'; reason: string };

export interface ReceiptStoreState {
  saleId: string | null;
  view: ReceiptView | null;
  query: string;
  busy: boolean;
  /** The printable view is open (with this paper width). */
  printing: PaperWidth | null;
  lastError: ShownError | null;
  /** Subscribe to receipt:updated (for the sale being followed); returns the unsubscribe. */
  start: () => () => void;
  follow: (saleId: string) => Promise<void>;
  setQuery: (query: string) => void;
  identify: () => Promise<boolean>;
  clearBuyer: () => Promise<boolean>;
  issue: () => Promise<boolean>;
  /** A manager's resolution of an unconfirmed receipt (receipt:resolve). */
  resolve: (input: ResolveChoice) => Promise<boolean>;
  openPrint: (paper: PaperWidth) => void;
  closePrint: () => void;
  clearError: () => void;
}

export const useReceiptStore = create<ReceiptStoreState>()((set, get) => {
  const apply = async (invoke: (saleId: string) => Promise<Envelope<ReceiptView>>): Promise<boolean> => {
    const { saleId } = get();
    if (saleId === null) {
      return false;
    }
    set({ busy: true });
    const envelope = await call(() => invoke(saleId));
    set({ busy: false });
    if (envelope.ok) {
      if (envelope.value.saleId === get().saleId) {
        set({ view: envelope.value, lastError: null });
      }
      return true;
    }
    set({ lastError: shown(envelope.error) });
    return false;
  };

  return {
    saleId: null,
    view: null,
    query: '',
    busy: false,
    printing: null,
    lastError: null,

    start() {
      try {
        return kassa().on('receipt:updated', (view) => {
          if (view.saleId === get().saleId) {
            set({ view });
          }
        });
      } catch {
        return () => undefined;
      }
    },

    async follow(saleId) {
      if (get().saleId !== saleId) {
        set({ saleId, view: null, query: '', printing: null, lastError: null });
      }
      await apply((id) => kassa().receiptGet({ saleId: id }));
    },

    setQuery(query) {
      set({ query });
    },

    async identify() {
      const query = get().query.trim();
      if (query === '') {
        return false;
      }
      const ok = await apply((saleId) => kassa().receiptIdentifyBuyer({ saleId, query }));
      if (ok) {
        set({ query: '' });
      }
      return ok;
    },

    clearBuyer() {
      return apply((saleId) => kassa().receiptClearBuyer({ saleId }));
    },

    resolve(input) {
      return apply((saleId) => kassa().receiptResolve({ saleId, ...input }));
    },

    issue() {
      return apply((saleId) => kassa().receiptIssue({ saleId }));
    },

    openPrint(paper) {
      set({ printing: paper });
    },

    closePrint() {
      set({ printing: null });
    },

    clearError() {
      set({ lastError: null });
    },
  };
});
