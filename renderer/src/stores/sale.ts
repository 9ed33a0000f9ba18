/**
 * The sale on the till as the cashier works it: the host's whole SaleView (kept fresh by `sale:updated`), the
 * checkout step the screen shows, held sales, product search and the last error. Every change goes to main
 * through a channel; this store never computes totals. Scans are carried out by main and only arrive here as
 * the sale view and the line to select (showLine).
 */
import { create } from 'zustand';
import type { HeldSale, Product, SaleView } from '../../../shared/channels/sale';
import type { Discount } from '../../../shared/domain';
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

/** Sale → Payment → Receipt (MN) — the three steps of a checkout on the sale tab. */
export type CheckoutStep = 'sale' | 'payment' | 'receipt';

/** The step a sale's status puts the screen on, given the step the cashier is on now. */
export function stepFor(view: SaleView | null, current: CheckoutStep, receiptsNeeded: boolean): CheckoutStep {
  if (view === null) {
    return 'sale';
  }
  switch (view.sale.status) {
    case 'paying':
      return 'payment';
    case 'paid':
      return receiptsNeeded ? 'receipt' : 'payment';
    case 'open':
      // The cashier moves between sale and payment; an open sale is never on the receipt step.
      return current === 'receipt' ? 'sale' : current;
    case 'held':
    case 'voided':
      return 'sale';
  }
}

export interface SaleState {
  view: SaleView | null;
  step: CheckoutStep;
  /** Mongolian stores issue an eBarimt receipt after payment, so the checkout ends on the receipt step. */
  receiptsNeeded: boolean;
  /** The line the keyboard acts on (quantity, discount, Del). */
  selectedLineId: string | null;
  held: HeldSale[];
  searchResults: Product[];
  busy: boolean;
  lastError: ShownError | null;
  /** Subscribe to sale:updated and load the current sale; returns the unsubscribe. */
  start: (receiptsNeeded: boolean) => Promise<() => void>;
  /** Ask main for the current sale again (after the connection came back: updates sent meanwhile were lost). */
  resync: () => Promise<void>;
  setReceiptsNeeded: (needed: boolean) => void;
  /** A scan added or counted up this line: the sale step shows it selected (F5 / F6 / Del act on it). */
  showLine: (saleId: string, lineId: string) => void;
  addFree: (name: string, unitPrice: number, quantity?: number) => Promise<boolean>;
  addProduct: (product: Product) => Promise<boolean>;
  setQuantity: (lineId: string, quantity: number) => Promise<boolean>;
  setLineDiscount: (lineId: string, discount: Discount | null) => Promise<boolean>;
  setSaleDiscount: (discount: Discount | null) => Promise<boolean>;
  removeLine: (lineId: string) => Promise<boolean>;
  selectLine: (lineId: string | null) => void;
  moveSelection: (delta: number) => void;
  hold: () => Promise<boolean>;
  loadHeld: () => Promise<void>;
  recall: (saleId: string) => Promise<boolean>;
  voidSale: () => Promise<boolean>;
  newSale: () => Promise<boolean>;
  search: (query: string) => Promise<void>;
  goTo: (step: CheckoutStep) => void;
  clearError: () => void;
}

export const useSaleStore = create<SaleState>()((set, get) => {
  const accept = (view: SaleView): void => {
    const { step, receiptsNeeded, selectedLineId } = get();
    const stillThere = view.sale.lines.some((l) => l.id === selectedLineId);
    set({
      view,
      step: stepFor(view, step, receiptsNeeded),
      selectedLineId: stillThere ? selectedLineId : (view.sale.lines.at(-1)?.id ?? null),
    });
  };

  /** One edit: busy while in flight, the new view on success, the host's error otherwise. */
  const edit = async (invoke: () => Promise<Envelope<SaleView>>): Promise<boolean> => {
    set({ busy: true });
    const envelope = await call(invoke);
    set({ busy: false });
    if (envelope.ok) {
      accept(envelope.value);
      set({ lastError: null });
      return true;
    }
    set({ lastError: shown(envelope.error) });
    return false;
  };

  /** Hold or void the current sale: on success the till is empty again, ready for the next customer. */
  const putAway = async (invoke: (saleId: string) => Promise<Envelope<unknown>>): Promise<boolean> => {
    const saleId = get().view?.sale.id;
    if (saleId === undefined) {
      return false;
    }
    set({ busy: true });
    const envelope = await call(() => invoke(saleId));
    set({ busy: false });
    if (!envelope.ok) {
      set({ lastError: shown(envelope.error) });
      return false;
    }
    set({ view: null, step: 'sale', selectedLineId: null, lastError: null });
    return true;
  };

  /** The sale to add to: the current open one, or a new one when there is none (or the last one is done). */
  const editableSaleId = async (): Promise<string | null> => {
    const { view } = get();
    if (view && (view.sale.status === 'open' || view.sale.status === 'paying')) {
      return view.sale.id;
    }
    const envelope = await call(() => kassa().saleNew({}));
    if (!envelope.ok) {
      set({ lastError: shown(envelope.error) });
      return null;
    }
    set({ step: 'sale' });
    accept(envelope.value);
    return envelope.value.sale.id;
  };

  const lineEdit = async (invoke: (saleId: string) => Promise<Envelope<SaleView>>): Promise<boolean> => {
    const saleId = get().view?.sale.id;
    if (saleId === undefined) {
      return false;
    }
    return edit(() => invoke(saleId));
  };

  return {
    view: null,
    step: 'sale',
    receiptsNeeded: true,
    selectedLineId: null,
    held: [],
    searchResults: [],
    busy: false,
    lastError: null,

    async start(receiptsNeeded) {
      set({ receiptsNeeded });
      let off: () => void = () => undefined;
      try {
        off = kassa().on('sale:updated', (view) => {
          const shownId = get().view?.sale.id;
          // Only the sale on screen (or a first sale) — a held sale's update must not replace it.
          if (shownId === undefined || shownId === view.sale.id || view.sale.status === 'open') {
            if (view.sale.status !== 'held' && view.sale.status !== 'voided') {
              accept(view);
            }
          }
        });
      } catch {
        // No bridge: the call below reports it.
      }
      const envelope = await call(() => kassa().saleCurrent({}));
      if (envelope.ok) {
        if (envelope.value) {
          accept(envelope.value);
        }
      } else {
        set({ lastError: shown(envelope.error) });
      }
      return off;
    },

    async resync() {
      const envelope = await call(() => kassa().saleCurrent({}));
      if (envelope.ok && envelope.value) {
        accept(envelope.value);
      }
    },

    setReceiptsNeeded(needed) {
      set({ receiptsNeeded: needed, step: stepFor(get().view, get().step, needed) });
    },

    showLine(saleId, lineId) {
      const { view } = get();
      set({
        step: 'sale',
        ...(view?.sale.id === saleId && view.sale.lines.some((l) => l.id === lineId)
          ? { selectedLineId: lineId }
          : {}),
      });
    },

    async addFree(name, unitPrice, quantity) {
      const saleId = await editableSaleId();
      if (saleId === null) {
        return false;
      }
      return edit(() =>
        kassa().saleAddLine({
          saleId,
          kind: 'free',
          name,
          unitPrice,
          ...(quantity !== undefined ? { quantity } : {}),
        }),
      );
    },

    async addProduct(product) {
      const saleId = await editableSaleId();
      if (saleId === null) {
        return false;
      }
      return edit(() => kassa().saleAddLine({ saleId, kind: 'catalog', code: product.sku }));
    },

    setQuantity(lineId, quantity) {
      return lineEdit((saleId) => kassa().saleSetQuantity({ saleId, lineId, quantity }));
    },

    setLineDiscount(lineId, discount) {
      return lineEdit((saleId) => kassa().saleSetLineDiscount({ saleId, lineId, discount }));
    },

    setSaleDiscount(discount) {
      return lineEdit((saleId) => kassa().saleSetDiscount({ saleId, discount }));
    },

    removeLine(lineId) {
      return lineEdit((saleId) => kassa().saleRemoveLine({ saleId, lineId }));
    },

    selectLine(lineId) {
      set({ selectedLineId: lineId });
    },

    moveSelection(delta) {
      const lines = get().view?.sale.lines ?? [];
      if (lines.length === 0) {
        return;
      }
      const index = lines.findIndex((l) => l.id === get().selectedLineId);
      const next = Math.min(Math.max((index < 0 ? lines.length : index) + delta, 0), lines.length - 1);
      set({ selectedLineId: lines[next]?.id ?? null });
    },

    hold() {
      return putAway((saleId) => kassa().saleHold({ saleId }));
    },

    async loadHeld() {
      const envelope = await call(() => kassa().saleHeld({}));
      if (envelope.ok) {
        set({ held: envelope.value });
      } else {
        set({ lastError: shown(envelope.error) });
      }
    },

    async recall(saleId) {
      const ok = await edit(() => kassa().saleRecall({ saleId }));
      if (ok) {
        set({ step: 'sale' });
      }
      return ok;
    },

    voidSale() {
      return putAway((saleId) => kassa().saleVoid({ saleId }));
    },

    async newSale() {
      const envelope = await call(() => kassa().saleNew({}));
      if (!envelope.ok) {
        set({ lastError: shown(envelope.error) });
        return false;
      }
      set({ step: 'sale', view: null, lastError: null });
      accept(envelope.value);
      return true;
    },

    async search(query) {
      if (query.trim() === '') {
        set({ searchResults: [] });
        return;
      }
      const envelope = await call(() => kassa().catalogSearch({ query, limit: 20 }));
      if (envelope.ok) {
        set({ searchResults: envelope.value });
      } else {
        set({ lastError: shown(envelope.error) });
      }
    },

    goTo(step) {
      const { view } = get();
      if (step === 'payment' && (view === null || view.sale.lines.length === 0)) {
        return;
      }
      set({ step });
    },

    clearError() {
      set({ lastError: null });
    },
  };
});
