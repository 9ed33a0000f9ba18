/**
 * The receipt printer as the cashier sees it (docs/printing.md): its status from `printer:status` and the
 * `printer:status` event, and the cashier's print actions — a receipt (again), the X report. main builds and
 * prints every document; this store only asks and keeps the answer, so the banner shows "paper out" before the
 * next receipt needs it.
 */
import { create } from 'zustand';
import type { PrinterStatus } from '../../../shared/channels/printer';
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

/** What was last handed to the printer: a sale's receipt, or the X report. */
export type PrintedThing = { kind: 'receipt'; saleId: string } | { kind: 'report' };

export interface PrinterStoreState {
  status: PrinterStatus | null;
  /** A print request is on its way to main. */
  busy: boolean;
  /** The last request main accepted (the screens say "sent to the printer" beside its button). */
  lastSent: PrintedThing | null;
  lastError: ShownError | null;
  /** Ask for the status and follow `printer:status`; returns the unsubscribe. */
  start: () => () => void;
  load: () => Promise<void>;
  printReceipt: (saleId: string) => Promise<boolean>;
  printReport: () => Promise<boolean>;
  clearError: () => void;
}

export const usePrinterStore = create<PrinterStoreState>()((set) => {
  const send = async (
    what: PrintedThing,
    invoke: () => Promise<Envelope<PrinterStatus>>,
  ): Promise<boolean> => {
    set({ busy: true, lastSent: null });
    const envelope = await call(invoke);
    if (envelope.ok) {
      set({ busy: false, status: envelope.value, lastSent: what, lastError: null });
      return true;
    }
    set({ busy: false, lastError: shown(envelope.error) });
    return false;
  };

  const store: PrinterStoreState = {
    status: null,
    busy: false,
    lastSent: null,
    lastError: null,

    start() {
      let off: () => void = () => undefined;
      try {
        off = kassa().on('printer:status', (status) => {
          set({ status });
        });
      } catch {
        // No bridge (page opened without its token): the app store already shows that.
      }
      void store.load();
      return off;
    },

    async load() {
      const envelope = await call(() => kassa().printerStatus({}));
      if (envelope.ok) {
        set({ status: envelope.value });
      }
      // A failed status read shows nothing: the banner is for the printer's state, not the link to main.
    },

    printReceipt(saleId) {
      return send({ kind: 'receipt', saleId }, () => kassa().printerPrintReceipt({ saleId }));
    },

    printReport() {
      return send({ kind: 'report' }, () => kassa().printerPrintReport({}));
    },

    clearError() {
      set({ lastError: null });
    },
  };
  return store;
});
