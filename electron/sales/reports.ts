/**
 * Reports straight from a journal range scan, so they agree with what was durably recorded: a payment counts
 * in the range where it *became* paid, a refund where it was confirmed.
 */
import type { JournalSaleSummary, SalesReport } from '../../shared/channels/journal';
import { capturedAmount, type PaymentMethod } from '../../shared/domain';
import type { CurrencyCode } from '../../shared/money';
import type { Journal } from '../storage/journal';

export function salesReport(journal: Journal, range: { from: number; to: number }): SalesReport {
  const methods = new Map<PaymentMethod, SalesReport['methods'][number]>();
  const row = (method: PaymentMethod): SalesReport['methods'][number] => {
    let r = methods.get(method);
    if (!r) {
      r = { method, count: 0, amount: 0, refundCount: 0, refunded: 0 };
      methods.set(method, r);
    }
    return r;
  };
  const paidSales = new Set<string>();
  const voidedSales = new Set<string>();
  let currency: CurrencyCode | null = null;
  for (const { record } of journal.scan(range)) {
    if (record.type === 'sale') {
      currency ??= record.sale.currency;
      if (record.sale.status === 'paid') {
        paidSales.add(record.sale.id);
      } else if (record.sale.status === 'voided') {
        voidedSales.add(record.sale.id);
      }
    } else if (record.type === 'payment') {
      const p = record.payment;
      currency ??= p.amount.currency;
      if (p.state === 'paid' && record.from !== 'paid') {
        row(p.method).count += 1;
        row(p.method).amount += p.amount.amount;
      } else if (p.state === 'refunded' && record.from === 'refunding') {
        row(p.method).refundCount += 1;
        row(p.method).refunded += p.refunds.at(-1)?.amount ?? 0;
      }
    }
  }
  const list = [...methods.values()].sort((a, b) => a.method.localeCompare(b.method));
  const cash = methods.get('cash');
  return {
    ...range,
    currency,
    salesPaid: paidSales.size,
    salesVoided: voidedSales.size,
    methods: list,
    cashNet: cash ? cash.amount - cash.refunded : 0,
    total: list.reduce((acc, m) => acc + m.amount - m.refunded, 0),
  };
}

export function journalList(journal: Journal, range: { from: number; to: number }): JournalSaleSummary[] {
  return journal
    .sales(range)
    .reverse()
    .map((sale) => {
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
      };
    });
}

/** Midnight of the clock's day in the till's local time zone (the shop's day). */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
