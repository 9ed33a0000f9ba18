/** What the pages see of a sale: the sale with its payments and the sums derived from them. */
import type { HeldSale, SaleRefund, SaleView } from '../../shared/channels/sale';
import { capturedAmount, pendingAmount, type Payment, type Sale } from '../../shared/domain';

export function saleView(sale: Sale, payments: Payment[]): SaleView {
  const paid = payments.reduce((acc, p) => acc + capturedAmount(p), 0);
  const pending = payments.reduce((acc, p) => acc + pendingAmount(p), 0);
  const total = sale.totals.total;
  return {
    sale,
    payments,
    paid,
    pending,
    due: Math.max(total - paid, 0),
    available: Math.max(total - paid - pending, 0),
    change: payments.reduce((acc, p) => acc + (p.state === 'paid' && p.cash ? p.cash.change : 0), 0),
    ...refundOf(payments),
  };
}

/** Refunded so far, and whether that is all that was captured (a fully refunded sale) or part of it. */
export function refundOf(payments: readonly Payment[]): { refunded: number; refund: SaleRefund } {
  const refunded = payments.reduce((acc, p) => acc + p.refundedAmount, 0);
  const kept = payments.reduce((acc, p) => acc + capturedAmount(p), 0);
  return { refunded, refund: refunded === 0 ? 'none' : kept === 0 ? 'full' : 'partly' };
}

/** A held sale as the recall list shows it. */
export function heldSale(sale: Sale): HeldSale {
  return {
    id: sale.id,
    number: sale.number,
    total: sale.totals.total,
    currency: sale.currency,
    lineCount: sale.lines.length,
    updatedAt: sale.updatedAt,
  };
}
