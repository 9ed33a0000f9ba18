/**
 * Reports and the journal list, read from the ledger's running totals and indices, never by scanning history
 * (docs/architecture.md §8): a report is one totals key per business day (or one per shift), a page of the
 * journal list is one range of the sales-by-time index.
 */
import type { JournalSaleSummary, SalesReport } from '../../shared/channels/journal';
import { capturedAmount } from '../../shared/domain';
import type { Journal } from '../storage/journal';
import { NO_RESOLUTIONS, type Totals } from '../storage/ledger-totals';
import { refundOf } from './sale-view';

export { startOfLocalDay } from '../kernel/local-day';

/** The report of `totals` over [from, to). */
export function reportOf(totals: Totals, range: { from: number; to: number }): SalesReport {
  const cash = totals.methods.find((m) => m.method === 'cash');
  return {
    ...range,
    currency: totals.currency,
    // A sale refunded in full is not a sale any more (it is counted as refunded instead).
    salesPaid: totals.salesPaid - totals.salesRefunded,
    salesVoided: totals.salesVoided,
    salesRefunded: totals.salesRefunded,
    methods: totals.methods,
    resolved: totals.resolved ?? NO_RESOLUTIONS,
    cashNet: cash ? cash.amount - cash.refunded : 0,
    total: totals.methods.reduce((acc, m) => acc + m.amount - m.refunded, 0),
  };
}

/** Every business day the range touches, counted whole (the answer's from/to are those days). */
export function salesReport(journal: Journal, range: { from: number; to: number }): SalesReport {
  const days = journal.totalsForDays(range);
  return reportOf(days.totals, { from: days.from, to: days.to });
}

/** One page of the sales created in [from, to), newest first. */
export function journalList(
  journal: Journal,
  query: { from: number; to: number; limit: number; cursor?: string | undefined },
): JournalSaleSummary[] {
  return journal.salesPage(query).sales.map((sale) => {
    const payments = journal.paymentsForSale(sale.id);
    return {
      id: sale.id,
      number: sale.number,
      status: sale.status,
      currency: sale.currency,
      total: sale.totals.total,
      paid: payments.reduce((acc, p) => acc + capturedAmount(p), 0),
      createdAt: sale.createdAt,
      payments: payments.map((p) => ({ method: p.method, state: p.state, amount: p.amount.amount })),
      ...(sale.receipt ? { receipt: sale.receipt } : {}),
      ...refundOf(payments),
      cursor: `${sale.createdAt}.${sale.number}`,
    };
  });
}
