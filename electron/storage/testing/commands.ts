/**
 * Ledger commands for tests that put a journal into a given state directly (a crash window, a fixture): a
 * sale's or a payment's row with the small event such a change leaves.
 */
import type { Payment, PaymentState, Sale } from '../../../shared/domain';
import type { LedgerCommand } from '../journal';
import type { SaleChange } from '../ledger-events';

/** The sale's row and an event (`from`: its status before, null when new). */
export function saleCommand(
  sale: Sale,
  at: number,
  from: Sale['status'] | null = null,
  what: SaleChange = from === null ? 'opened' : 'line.added',
): LedgerCommand {
  return {
    at,
    events: [
      {
        type: 'sale',
        saleId: sale.id,
        what,
        from,
        to: sale.status,
        currency: sale.currency,
        total: sale.totals.total,
      },
    ],
    sales: [sale],
  };
}

/** The payment's row and the event of its transition from `from` (null: it is new). */
export function paymentCommand(payment: Payment, at: number, from: PaymentState | null): LedgerCommand {
  const refund = ['refunding', 'refunded', 'partly_refunded', 'refund_failed'].includes(payment.state)
    ? payment.refunds.at(-1)?.amount
    : undefined;
  return {
    at,
    events: [
      {
        type: 'payment',
        paymentId: payment.id,
        saleId: payment.saleId,
        method: payment.method,
        from,
        to: payment.state,
        currency: payment.amount.currency,
        amount: payment.amount.amount,
        ...(refund !== undefined ? { refund } : {}),
      },
    ],
    payments: [payment],
  };
}
