/**
 * What a payment's transition does to its sale, decided while the payment's command is built so both commit in
 * one transaction (docs/architecture.md §8; payments/write-ahead.ts):
 * - a new attempt moves an open sale to `paying` (and is refused unless the sale can take it: open or paying,
 *   not empty, and the amount within what is neither paid nor pending);
 * - a sale is `paid` once its captured payments cover the total;
 * - a paid sale whose payments are all refunded in full gets a `refunded` event (its status stays `paid`, its
 *   view says refunded): the X report counts it as refunded, not as a sale (ledger-totals.ts).
 */
import { computeSaleTotals, type Payment, type PaymentState, type Sale } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { saleEvent } from './sale-events';
import { saleView } from './sale-view';
import type { SaleEvent } from '../storage/ledger-events';

export interface SaleEffects {
  sales: Sale[];
  events: SaleEvent[];
}

/**
 * `others` are the sale's other payments as journaled; `payment` is the one being committed, as it will be;
 * `from` is the state it leaves (null: a new attempt).
 */
export function saleEffectsOf(
  sale: Sale,
  others: readonly Payment[],
  payment: Payment,
  from: PaymentState | null,
  now: number,
): SaleEffects {
  let status = sale.status;
  if (from === null) {
    if (status !== 'open' && status !== 'paying') {
      throw new KassaError('state.conflict', `A ${status} sale cannot take a payment.`);
    }
    const before = saleView(sale, [...others]);
    if (sale.lines.length === 0 || sale.totals.total <= 0) {
      throw new KassaError('state.conflict', 'There is nothing to pay on this sale.');
    }
    if (payment.amount.amount > before.available) {
      throw new KassaError('state.conflict', `At most ${before.available} is left to pay on this sale.`);
    }
    status = 'paying';
  }
  const after = saleView(sale, [...others, payment]);
  if (status === 'paying' && after.paid >= sale.totals.total) {
    status = 'paid';
  }
  if (status === sale.status) {
    const refundedNow =
      sale.status === 'paid' &&
      payment.state === 'refunded' &&
      (from === 'refunding' || from === 'refund_failed') &&
      after.paid === 0;
    return refundedNow
      ? { sales: [], events: [saleEvent(sale, sale, 'refunded')] }
      : { sales: [], events: [] };
  }
  const next: Sale = { ...sale, status, totals: computeSaleTotals(sale), updatedAt: now };
  return { sales: [next], events: [saleEvent(sale, next, status === 'paid' ? 'paid' : 'paying')] };
}
