/**
 * What the customer display shows while a sale is on the till: cart → pay (QR) → paid / declined / expired →
 * thank-you. Built in main by a pure function from the sale and its payments, with every amount already
 * formatted: the display renders, it never computes (docs/architecture.md §1; Odoo's customer-display lesson:
 * push the full state on every change, explicit states, discounts visible).
 *
 * shared/channels/display.ts joins these schemas (SALE_DISPLAY_SCHEMAS) and the welcome state into the
 * DisplayViewModel union.
 */
import { z } from 'zod';
import { DisplayLocaleSchema, type DisplayLocale } from './settings';
import type { Payment, PaymentMethod, Sale } from './domain';
import { formatMoney, money } from './money';

const Base = { locale: DisplayLocaleSchema };

export const DisplayLineSchema = z.object({
  name: z.string(),
  /** "2 × 4 500 ₮" or "1.250 kg × 6 500 ₮". */
  quantityText: z.string(),
  amountText: z.string(),
  discountText: z.string().optional(),
});

export const DisplayCartSchema = z.object({
  ...Base,
  state: z.literal('cart'),
  lines: z.array(DisplayLineSchema),
  itemCount: z.number().int(),
  totalText: z.string(),
  discountText: z.string().optional(),
  /** Mongolia only (eBarimt): the VAT and city tax inside the total. */
  vatText: z.string().optional(),
  cityTaxText: z.string().optional(),
  /** Split payments: already paid, and what is left. */
  paidText: z.string().optional(),
  dueText: z.string().optional(),
});

export const DisplayPaySchema = z.object({
  ...Base,
  state: z.literal('pay'),
  method: z.string(),
  providerName: z.string(),
  /** The payment link to draw as a QR (not eBarimt qrData). */
  qr: z.string().optional(),
  deeplink: z.string().optional(),
  amountText: z.string(),
  totalText: z.string(),
  expiresAt: z.number().int().optional(),
  /** The till is confirming the outcome with the bank (payment state unknown). */
  checking: z.boolean(),
});

export const DisplayPaidSchema = z.object({
  ...Base,
  state: z.literal('paid'),
  totalText: z.string(),
  changeText: z.string().optional(),
});

export const DisplayDeclinedSchema = z.object({
  ...Base,
  state: z.literal('declined'),
  providerName: z.string(),
  dueText: z.string(),
});

export const DisplayExpiredSchema = z.object({
  ...Base,
  state: z.literal('expired'),
  providerName: z.string(),
  dueText: z.string(),
});

export const DisplayThankYouSchema = z.object({
  ...Base,
  state: z.literal('thank-you'),
  totalText: z.string(),
  /** The eBarimt receipt's QR for the customer's eBarimt app: pushed from memory, never stored. */
  receiptQr: z.string().optional(),
});

/** Spread into the display union: `z.discriminatedUnion('state', [DisplayWelcomeSchema, ...SALE_DISPLAY_SCHEMAS])`. */
export const SALE_DISPLAY_SCHEMAS = [
  DisplayCartSchema,
  DisplayPaySchema,
  DisplayPaidSchema,
  DisplayDeclinedSchema,
  DisplayExpiredSchema,
  DisplayThankYouSchema,
] as const;
export const SaleDisplayModelSchema = z.discriminatedUnion('state', [...SALE_DISPLAY_SCHEMAS]);
export type SaleDisplayModel = z.infer<typeof SaleDisplayModelSchema>;

export const PROVIDER_NAMES: Readonly<Record<PaymentMethod, string>> = {
  cash: 'Cash',
  'socialpay.qr': 'SocialPay',
  'socialpay.deeplink': 'SocialPay',
  'socialpay.phone': 'SocialPay',
  'pocket.qr': 'Pocket',
  'bog.qr': 'Bank of Georgia',
  'baas.microloan': 'Ipoteka Bank',
};

const KG: Readonly<Record<DisplayLocale, string>> = { mn: 'кг', ru: 'кг', en: 'kg', uz: 'kg', ka: 'კგ' };
/** Methods that reach the customer without the display: a phone invoice, a microloan decided by the bank. */
const REACHES_CUSTOMER: readonly PaymentMethod[] = ['socialpay.phone', 'baas.microloan'];
const WAITING: readonly Payment['state'][] = ['created', 'requesting', 'awaiting_customer', 'unknown'];

export function displayViewModelFor(
  sale: Sale,
  payments: readonly Payment[],
  locale: DisplayLocale,
): SaleDisplayModel {
  const fmt = (amount: number): string => formatMoney(money(amount, sale.currency));
  const total = sale.totals.total;
  const paid = payments.reduce(
    (acc, p) =>
      acc +
      (['paid', 'refunding', 'refunded', 'refund_failed'].includes(p.state)
        ? p.amount.amount - p.refundedAmount
        : 0),
    0,
  );
  const due = Math.max(total - paid, 0);

  if (sale.status === 'paid') {
    if (sale.receipt?.status === 'issued') {
      return { state: 'thank-you', locale, totalText: fmt(total) };
    }
    const change = payments.reduce((acc, p) => acc + (p.state === 'paid' && p.cash ? p.cash.change : 0), 0);
    return {
      state: 'paid',
      locale,
      totalText: fmt(total),
      ...(change > 0 ? { changeText: fmt(change) } : {}),
    };
  }

  const latest = paymentOnDisplay(payments);
  if ((sale.status === 'paying' || sale.status === 'open') && latest) {
    const providerName = PROVIDER_NAMES[latest.method];
    if (latest.method !== 'cash' && WAITING.includes(latest.state)) {
      return {
        state: 'pay',
        locale,
        method: latest.method,
        providerName,
        ...(latest.qr !== undefined ? { qr: latest.qr } : {}),
        ...(latest.deeplink !== undefined ? { deeplink: latest.deeplink } : {}),
        amountText: fmt(latest.amount.amount),
        totalText: fmt(total),
        ...(latest.expiresAt !== undefined ? { expiresAt: latest.expiresAt } : {}),
        // Also while a QR attempt has nothing the customer can scan (its start's answer was lost): the till is
        // still settling it, and the screen must not invite a payment it cannot show.
        checking:
          latest.state === 'unknown' ||
          latest.state === 'requesting' ||
          latest.state === 'created' ||
          (latest.qr === undefined &&
            latest.deeplink === undefined &&
            !REACHES_CUSTOMER.includes(latest.method)),
      };
    }
    if (latest.state === 'declined') {
      return { state: 'declined', locale, providerName, dueText: fmt(due) };
    }
    if (latest.state === 'expired') {
      return { state: 'expired', locale, providerName, dueText: fmt(due) };
    }
  }

  const discount = sale.totals.lineDiscounts + sale.totals.saleDiscount;
  const showTax = sale.currency === 'MNT';
  return {
    state: 'cart',
    locale,
    lines: sale.lines.map((line, i) => {
      const t = sale.totals.lines[i];
      const lineDiscount = t ? t.lineDiscount + t.saleDiscount : 0;
      return {
        name: line.name,
        quantityText: `${quantityText(line.measure, line.quantity, locale)} × ${fmt(line.unitPrice.amount)}`,
        amountText: fmt(t?.total ?? 0),
        ...(lineDiscount > 0 ? { discountText: `−${fmt(lineDiscount)}` } : {}),
      };
    }),
    itemCount: sale.lines.reduce((acc, l) => acc + (l.measure === 'each' ? l.quantity : 1), 0),
    totalText: fmt(total),
    ...(discount > 0 ? { discountText: `−${fmt(discount)}` } : {}),
    ...(showTax ? { vatText: fmt(sale.totals.vat) } : {}),
    ...(showTax && sale.totals.cityTax > 0 ? { cityTaxText: fmt(sale.totals.cityTax) } : {}),
    ...(paid > 0 ? { paidText: fmt(paid), dueText: fmt(due) } : {}),
  };
}

/**
 * The attempt the pay screen is about: a payment the customer can pay now (awaiting_customer: its QR or link
 * kept in the journal, or learnt from a late answer) wins over any later attempt, so a waiting invoice is
 * always on the screen; otherwise the latest attempt (its outcome: checking, declined, expired).
 */
export function paymentOnDisplay(payments: readonly Payment[]): Payment | undefined {
  const byAttempt = [...payments].sort((a, b) => b.attempt - a.attempt);
  return byAttempt.find((p) => p.method !== 'cash' && p.state === 'awaiting_customer') ?? byAttempt[0];
}

/**
 * Whether the thank-you screen may carry the sale's eBarimt receipt QR: only while the sale is as it was when
 * its receipt was issued. Once any of its money is being or has been refunded the receipt is being returned or
 * corrected, and the customer must not scan the old one (issue 11, finding 9).
 */
export function receiptQrAllowed(sale: Sale, payments: readonly Payment[]): boolean {
  return (
    sale.status === 'paid' &&
    sale.receipt?.status === 'issued' &&
    payments.every(
      (p) =>
        p.refunds.length === 0 &&
        p.refundedAmount === 0 &&
        !['refunding', 'refunded', 'refund_failed'].includes(p.state),
    )
  );
}

/** Pieces as an integer; grams as kilograms with three decimals, in integers only. */
function quantityText(
  measure: Sale['lines'][number]['measure'],
  quantity: number,
  locale: DisplayLocale,
): string {
  if (measure === 'each') {
    return String(quantity);
  }
  return `${Math.floor(quantity / 1000)}.${String(quantity % 1000).padStart(3, '0')} ${KG[locale]}`;
}
