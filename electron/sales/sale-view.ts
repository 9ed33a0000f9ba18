/** What the pages see of a sale: the sale with its payments and the sums derived from them. */
import type { HeldSale, SaleView } from '../../shared/channels/sale';
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
  };
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
