/**
 * The Payment step: which methods this store's country offers (unavailable ones with the host's reason), the
 * amount to take (what is still available unless the cashier typed a smaller one for a split), cash tendered,
 * the SocialPay phone, and the actions on payment lines (start, cancel, retry, check, and the sandbox
 * customer's pay / decline / expire). Lines themselves come from the sale view (`sale:updated`).
 */
import { create } from 'zustand';
import type { PaymentMethodInfo } from '../../../shared/channels/payment';
import type { SaleView } from '../../../shared/channels/sale';
import type { Payment, PaymentMethod } from '../../../shared/domain';
import type { Envelope } from '../../../shared/errors';
import { fromMajorString, toMajorString, money, type CurrencyCode } from '../../../shared/money';
import { kassa } from '../bridge';
import { call, shown, type ShownError } from './errors';

/** What a payment line says to the cashier, from its state. */
export type LineStatus =
  | 'requesting'
  | 'waiting'
  | 'unknown'
  | 'paid'
  | 'declined'
  | 'cancelled'
  | 'expired'
  | 'abandoned'
  | 'refunding'
  | 'refunded'
  | 'partly_refunded'
  | 'refund_failed';

export interface LineView {
  status: LineStatus;
  /** Whole seconds until the invoice runs out (waiting lines with an expiry only). */
  secondsLeft: number | undefined;
  canCancel: boolean;
  canRetry: boolean;
  canCheck: boolean;
}

/** A payment line's live state for the screen. `now` in epoch ms. */
export function lineView(payment: Payment, now: number): LineView {
  const status: LineStatus =
    payment.state === 'created' || payment.state === 'requesting'
      ? 'requesting'
      : payment.state === 'awaiting_customer'
        ? 'waiting'
        : payment.state;
  const waiting = status === 'waiting';
  return {
    status,
    secondsLeft:
      waiting && payment.expiresAt !== undefined
        ? Math.max(0, Math.ceil((payment.expiresAt - now) / 1000))
        : undefined,
    // An unknown payment can be cancelled too: a QR from a start without an answer was never shown
    // (docs/payment-outcomes.md); for a phone invoice the host asks the bank first.
    canCancel: waiting || status === 'unknown',
    canRetry:
      status === 'declined' || status === 'expired' || status === 'cancelled' || status === 'abandoned',
    canCheck: status === 'waiting' || status === 'unknown' || status === 'requesting',
  };
}

/** "m:ss" for a countdown. */
export function countdownText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The amount the next payment takes, in minor units: what the cashier typed, or — by default — everything
 * still available on the sale. null when the typed text is not an amount of this currency.
 */
export function amountToTake(view: SaleView, typed: string | null): number | null {
  if (typed === null || typed.trim() === '') {
    return view.available;
  }
  return parseAmount(typed, view.sale.currency);
}

/** A typed major-unit amount ("12.50", "12 500") → minor units; null when it is not one. */
export function parseAmount(text: string, currency: CurrencyCode): number | null {
  const cleaned = text.replace(/[\s\u202f]/g, '').replace(',', '.');
  if (cleaned === '') {
    return null;
  }
  try {
    const m = fromMajorString(cleaned, currency);
    return m.amount > 0 ? m.amount : null;
  } catch {
    return null;
  }
}

/** The default text of the amount field: what is available, as major units. */
export function defaultAmountText(view: SaleView): string {
  return toMajorString(money(view.available, view.sale.currency));
}

/** 8-digit Mongolian mobile number (the SocialPay invoice goes to it). */
export function isMongolianMobile(phone: string): boolean {
  return /^[5-9]\d{7}$/.test(phone.trim());
}

export interface PaymentStoreState {
  methods: PaymentMethodInfo[];
  method: PaymentMethod | null;
  /** Typed amount (major units); null = take what is available. */
  amountText: string | null;
  tenderedText: string;
  phone: string;
  busy: boolean;
  /** A field the cashier must fix before the payment can start (shown next to that field). */
  inputError: 'amount' | 'tendered' | 'phone' | null;
  lastError: ShownError | null;
  loadMethods: () => Promise<void>;
  choose: (method: PaymentMethod) => void;
  setAmountText: (text: string | null) => void;
  setTenderedText: (text: string) => void;
  setPhone: (phone: string) => void;
  /** Start a payment of the chosen method for the amount to take. */
  start: (view: SaleView) => Promise<Payment | null>;
  cancel: (paymentId: string) => Promise<boolean>;
  retry: (paymentId: string) => Promise<boolean>;
  check: (paymentId: string) => Promise<boolean>;
  sandbox: (action: 'pay' | 'decline' | 'expire', paymentId: string) => Promise<boolean>;
  reset: () => void;
  clearError: () => void;
}

export const usePaymentStore = create<PaymentStoreState>()((set, get) => {
  const act = async (invoke: () => Promise<Envelope<Payment>>): Promise<Payment | null> => {
    set({ busy: true });
    const envelope = await call(invoke);
    set({ busy: false });
    if (envelope.ok) {
      set({ lastError: null });
      return envelope.value;
    }
    set({ lastError: shown(envelope.error) });
    return null;
  };

  return {
    methods: [],
    method: null,
    amountText: null,
    tenderedText: '',
    phone: '',
    busy: false,
    inputError: null,
    lastError: null,

    async loadMethods() {
      const envelope = await call(() => kassa().paymentMethods({}));
      if (!envelope.ok) {
        set({ lastError: shown(envelope.error) });
        return;
      }
      const methods = envelope.value;
      const current = get().method;
      const keep = methods.find((m) => m.method === current && m.available);
      set({ methods, method: keep ? keep.method : (methods.find((m) => m.available)?.method ?? null) });
    },

    choose(method) {
      const info = get().methods.find((m) => m.method === method);
      if (info?.available) {
        set({ method, lastError: null });
      }
    },

    setAmountText(text) {
      set({ amountText: text, inputError: null });
    },

    setTenderedText(text) {
      set({ tenderedText: text, inputError: null });
    },

    setPhone(phone) {
      set({ phone, inputError: null });
    },

    async start(view) {
      const { method, amountText, tenderedText, phone } = get();
      if (method === null) {
        return null;
      }
      const amount = amountToTake(view, amountText);
      if (amount === null) {
        set({ inputError: 'amount' });
        return null;
      }
      const input: Parameters<ReturnType<typeof kassa>['paymentStart']>[0] = {
        saleId: view.sale.id,
        method,
        amount,
      };
      if (method === 'cash' && tenderedText.trim() !== '') {
        const tendered = parseAmount(tenderedText, view.sale.currency);
        if (tendered === null) {
          set({ inputError: 'tendered' });
          return null;
        }
        input.tendered = tendered;
      }
      const info = get().methods.find((m) => m.method === method);
      if (info?.needsPhone) {
        if (method === 'socialpay.phone' && !isMongolianMobile(phone)) {
          set({ inputError: 'phone' });
          return null;
        }
        input.phone = phone.trim();
      }
      set({ inputError: null });
      const payment = await act(() => kassa().paymentStart(input));
      if (payment) {
        set({ amountText: null, tenderedText: '' });
      }
      return payment;
    },

    async cancel(paymentId) {
      return (await act(() => kassa().paymentCancel({ paymentId }))) !== null;
    },

    async retry(paymentId) {
      return (await act(() => kassa().paymentRetry({ paymentId }))) !== null;
    },

    async check(paymentId) {
      return (await act(() => kassa().paymentCheck({ paymentId }))) !== null;
    },

    async sandbox(action, paymentId) {
      const invoke =
        action === 'pay'
          ? () => kassa().sandboxCustomerPay({ paymentId })
          : action === 'decline'
            ? () => kassa().sandboxCustomerDecline({ paymentId })
            : () => kassa().sandboxCustomerExpire({ paymentId });
      return (await act(invoke)) !== null;
    },

    reset() {
      set({ amountText: null, tenderedText: '', phone: '', inputError: null, lastError: null });
    },

    clearError() {
      set({ lastError: null });
    },
  };
});
