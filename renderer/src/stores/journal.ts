/**
 * A day's sales (journal:list, a page at a time, newest first), one opened sale (journal:get) and refunds of
 * its paid payments.
 */
import { create } from 'zustand';
import { JOURNAL_PAGE_DEFAULT, type JournalSaleSummary } from '../../../shared/channels/journal';
import type { PaymentMethodInfo } from '../../../shared/channels/payment';
import type { SaleView } from '../../../shared/channels/sale';
import type { Payment } from '../../../shared/domain';
import type { Envelope } from '../../../shared/errors';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

/** What is left to refund on a payment, in minor units (0 when it cannot be refunded). */
export function refundable(payment: Payment): number {
  return ['paid', 'partly_refunded', 'refunded', 'refund_failed'].includes(payment.state)
    ? payment.amount.amount - payment.refundedAmount
    : 0;
}

/** What a manager records for a stuck payment. */
export interface ResolveInput {
  paymentId: string;
  outcome: 'paid' | 'failed';
  approvalCode?: string;
  reason: string;
}

/** A payment whose outcome the bank has not settled: a manager may resolve it (payment:resolve). */
export function resolvable(payment: Payment): boolean {
  return (
    payment.method !== 'cash' &&
    ['created', 'requesting', 'awaiting_customer', 'unknown'].includes(payment.state)
  );
}

/** Whether the method's provider refunds at all / partly (cash always can, by hand). */
export function refundSupport(
  payment: Payment,
  methods: readonly PaymentMethodInfo[],
): { refund: boolean; partial: boolean } {
  if (payment.method === 'cash') {
    return { refund: true, partial: true };
  }
  const info = methods.find((m) => m.method === payment.method);
  return { refund: info?.capabilities.refund ?? false, partial: info?.capabilities.partialRefund ?? false };
}

export interface JournalState {
  sales: JournalSaleSummary[];
  /** The day shown: any moment of it (epoch ms), or null for today. */
  day: number | null;
  /** Whether the last page was full, so older sales may follow. */
  hasMore: boolean;
  selected: SaleView | null;
  methods: PaymentMethodInfo[];
  loading: boolean;
  busy: boolean;
  lastError: ShownError | null;
  /** The first page of the day shown (again). */
  load: () => Promise<void>;
  /** The next page of the day shown, after the sales already listed. */
  loadMore: () => Promise<void>;
  showDay: (day: number | null) => Promise<void>;
  open: (saleId: string) => Promise<void>;
  close: () => void;
  refund: (paymentId: string, amount: number | undefined) => Promise<boolean>;
  /** A manager settles a stuck payment (payment:resolve). */
  resolve: (input: ResolveInput) => Promise<boolean>;
  clearError: () => void;
}

export const useJournalStore = create<JournalState>()((set, get) => {
  /** A refund or resolution of the opened sale's payment: busy while it runs, then the sale and list read again. */
  async function afterManagerAction(send: () => Promise<Envelope<Payment>>): Promise<boolean> {
    set({ busy: true });
    const envelope = await call(send);
    set({ busy: false });
    if (!envelope.ok) {
      set({ lastError: shown(envelope.error) });
      return false;
    }
    const saleId = get().selected?.sale.id;
    if (saleId !== undefined) {
      await get().open(saleId);
    }
    await get().load();
    return true;
  }

  return {
    sales: [],
    day: null,
    hasMore: false,
    selected: null,
    methods: [],
    loading: false,
    busy: false,
    lastError: null,

    async load() {
      set({ loading: true });
      const day = get().day;
      const [list, methods] = await Promise.all([
        call(() => kassa().journalList(day === null ? {} : { day })),
        call(() => kassa().paymentMethods({})),
      ]);
      set({ loading: false });
      if (methods.ok) {
        set({ methods: methods.value });
      }
      if (list.ok) {
        set({ sales: list.value, hasMore: list.value.length === JOURNAL_PAGE_DEFAULT, lastError: null });
      } else {
        set({ lastError: shown(list.error) });
      }
    },

    async loadMore() {
      const { day, sales } = get();
      const cursor = sales.at(-1)?.cursor;
      if (cursor === undefined) {
        return;
      }
      set({ loading: true });
      const page = await call(() => kassa().journalList({ ...(day === null ? {} : { day }), cursor }));
      set({ loading: false });
      if (page.ok) {
        set({
          sales: [...get().sales, ...page.value],
          hasMore: page.value.length === JOURNAL_PAGE_DEFAULT,
          lastError: null,
        });
      } else {
        set({ lastError: shown(page.error) });
      }
    },

    async showDay(day) {
      set({ day, sales: [], hasMore: false, selected: null });
      await get().load();
    },

    async open(saleId) {
      const envelope = await call(() => kassa().journalGet({ saleId }));
      if (envelope.ok) {
        set({ selected: envelope.value, lastError: null });
      } else {
        set({ lastError: shown(envelope.error) });
      }
    },

    close() {
      set({ selected: null });
    },

    refund(paymentId, amount) {
      return afterManagerAction(() =>
        kassa().paymentRefund({ paymentId, ...(amount !== undefined ? { amount } : {}) }),
      );
    },

    resolve(input) {
      return afterManagerAction(() => kassa().paymentResolve(input));
    },

    clearError() {
      set({ lastError: null });
    },
  };
});
