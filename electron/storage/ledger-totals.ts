/**
 * Running totals: what an X/Z report shows, kept per business day, per shift and per payment method and
 * updated in the transaction of the event that changes them (docs/architecture.md §8). The fold below is the
 * one definition of which event counts where:
 * - a payment counts (count, amount) when it becomes `paid`, in the day it became paid;
 * - a refund counts (refundCount, refunded) when the provider confirmed it (`refunding → refunded |
 *   partly_refunded`), or when the bank's refunded amount settled one whose answer was lost (`refund_failed →
 *   refunded | partly_refunded`);
 * - a sale counts as paid / voided when its status becomes `paid` / `voided`, and as refunded when its
 *   payments were all refunded in full (the `refunded` sale event; its status stays paid);
 * - a manager's resolution (a payment event with `resolved`) counts in `resolved` (paid: count and amount, and
 *   as any paid payment; failed: count and amount of what was not taken), so X and Z reports show them.
 */
import { z } from 'zod';
import { PaymentMethodSchema, type PaymentMethod } from '../../shared/domain';
import { CurrencyCodeSchema } from '../../shared/money';
import type { LedgerEvent } from './ledger-events';

export const MethodTotalsSchema = z.strictObject({
  method: PaymentMethodSchema,
  count: z.number().int().nonnegative(),
  amount: z.number().int(),
  refundCount: z.number().int().nonnegative(),
  refunded: z.number().int(),
});
export type MethodTotals = z.infer<typeof MethodTotalsSchema>;

/** Payments a manager resolved (docs/payment-outcomes.md): as paid and as failed, counts and amounts. */
export const ResolvedTotalsSchema = z.strictObject({
  paidCount: z.number().int().nonnegative(),
  paidAmount: z.number().int(),
  failedCount: z.number().int().nonnegative(),
  failedAmount: z.number().int(),
});
export type ResolvedTotals = z.infer<typeof ResolvedTotalsSchema>;

export const NO_RESOLUTIONS: ResolvedTotals = {
  paidCount: 0,
  paidAmount: 0,
  failedCount: 0,
  failedAmount: 0,
};

export const TotalsSchema = z.strictObject({
  /** The currency of the first counted event; null while nothing counted. */
  currency: CurrencyCodeSchema.nullable(),
  salesPaid: z.number().int().nonnegative(),
  salesVoided: z.number().int().nonnegative(),
  /** Sales refunded in full (absent in totals written before it existed: 0). */
  salesRefunded: z.number().int().nonnegative().default(0),
  /** Sorted by method. */
  methods: z.array(MethodTotalsSchema),
  /** Absent until a manager resolved a payment in the range (older totals rows have none). */
  resolved: ResolvedTotalsSchema.optional(),
});
export type Totals = z.infer<typeof TotalsSchema>;

/** The totals table's keys: `day:<local midnight, 15 digits>` (the padding makes day keys sort by time). */
export const dayKey = (dayStart: number): string => `day:${String(dayStart).padStart(15, '0')}`;
/** …and `shift:<id>`. */
export const shiftKey = (shiftId: string): string => `shift:${shiftId}`;

export function emptyTotals(): Totals {
  return { currency: null, salesPaid: 0, salesVoided: 0, salesRefunded: 0, methods: [] };
}

/** Whether the event changes any running total (most sale edits do not, and write no totals key). */
export function countsInTotals(event: LedgerEvent): boolean {
  if (event.type === 'sale') {
    return (
      (event.from !== event.to && (event.to === 'paid' || event.to === 'voided')) || event.what === 'refunded'
    );
  }
  if (event.type === 'payment') {
    return (
      event.resolved === true ||
      (event.to === 'paid' && event.from !== 'paid') ||
      ((event.to === 'refunded' || event.to === 'partly_refunded') &&
        (event.from === 'refunding' || event.from === 'refund_failed'))
    );
  }
  return false;
}

function withMethod(
  totals: Totals,
  method: PaymentMethod,
  change: (row: MethodTotals) => MethodTotals,
): Totals {
  const current = totals.methods.find((m) => m.method === method) ?? {
    method,
    count: 0,
    amount: 0,
    refundCount: 0,
    refunded: 0,
  };
  const methods = [...totals.methods.filter((m) => m.method !== method), change(current)];
  methods.sort((a, b) => a.method.localeCompare(b.method));
  return { ...totals, methods };
}

/** The totals after one event (unchanged when it does not count). */
export function addEvent(totals: Totals, event: LedgerEvent): Totals {
  if (!countsInTotals(event) || event.type === 'shift' || event.type === 'drawer') {
    return totals;
  }
  let counted: Totals = { ...totals, currency: totals.currency ?? event.currency };
  if (event.type === 'sale') {
    if (event.what === 'refunded') {
      return { ...counted, salesRefunded: counted.salesRefunded + 1 };
    }
    return event.to === 'paid'
      ? { ...counted, salesPaid: counted.salesPaid + 1 }
      : { ...counted, salesVoided: counted.salesVoided + 1 };
  }
  if (event.resolved === true) {
    const before = counted.resolved ?? NO_RESOLUTIONS;
    const resolved: ResolvedTotals =
      event.to === 'paid'
        ? { ...before, paidCount: before.paidCount + 1, paidAmount: before.paidAmount + event.amount }
        : {
            ...before,
            failedCount: before.failedCount + 1,
            failedAmount: before.failedAmount + event.amount,
          };
    counted = { ...counted, resolved };
    if (event.to !== 'paid') {
      return counted;
    }
  }
  if (event.to === 'paid') {
    return withMethod(counted, event.method, (m) => ({
      ...m,
      count: m.count + 1,
      amount: m.amount + event.amount,
    }));
  }
  return withMethod(counted, event.method, (m) => ({
    ...m,
    refundCount: m.refundCount + 1,
    refunded: m.refunded + (event.refund ?? 0),
  }));
}

/** Two ranges' totals together (a report over several days). */
export function sumTotals(a: Totals, b: Totals): Totals {
  let sum: Totals = {
    currency: a.currency ?? b.currency,
    salesPaid: a.salesPaid + b.salesPaid,
    salesVoided: a.salesVoided + b.salesVoided,
    salesRefunded: a.salesRefunded + b.salesRefunded,
    methods: a.methods,
  };
  if (a.resolved !== undefined || b.resolved !== undefined) {
    const x = a.resolved ?? NO_RESOLUTIONS;
    const y = b.resolved ?? NO_RESOLUTIONS;
    sum.resolved = {
      paidCount: x.paidCount + y.paidCount,
      paidAmount: x.paidAmount + y.paidAmount,
      failedCount: x.failedCount + y.failedCount,
      failedAmount: x.failedAmount + y.failedAmount,
    };
  }
  for (const m of b.methods) {
    sum = withMethod(sum, m.method, (row) => ({
      ...row,
      count: row.count + m.count,
      amount: row.amount + m.amount,
      refundCount: row.refundCount + m.refundCount,
      refunded: row.refunded + m.refunded,
    }));
  }
  return sum;
}
