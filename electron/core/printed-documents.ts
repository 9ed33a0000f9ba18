/**
 * The printer's documents built from what the till knows (docs/printing.md, "In the till"): a paid sale's
 * receipt (with the eBarimt block while this run holds its qrData and lottery), a refund slip, the X report.
 * Seller, language and time zone come from the settings; money stays in minor units with its currency.
 */
import type { SalesReport } from '../../shared/channels/journal';
import type { SaleView } from '../../shared/channels/sale';
import { CAPTURED_PAYMENT_STATES, type Payment, type Refund, type Sale } from '../../shared/domain';
import { money, type CurrencyCode } from '../../shared/money';
import {
  CURRENCY_BY_COUNTRY,
  receiptLocale,
  sellerTin,
  storeTimeZone,
  type Settings,
} from '../../shared/settings';
import type {
  EbarimtBlock,
  ReceiptLine,
  RefundSlip,
  SaleReceipt,
  Seller,
  ShiftReport,
} from '../devices/printer/documents';

export function sellerOf(settings: Settings): Seller {
  return { name: settings.store.name, tin: sellerTin(settings), address: settings.store.address };
}

function linesOf(sale: Sale): ReceiptLine[] {
  return sale.lines.map((line, i) => {
    const totals = sale.totals.lines[i];
    return {
      name: line.name,
      // Pieces count whole; weights are grams already (thousandths of a kilogram).
      quantityThousandths: line.measure === 'each' ? line.quantity * 1000 : line.quantity,
      unitPrice: line.unitPrice,
      total: money(totals?.total ?? 0, sale.currency),
      ...(totals !== undefined && totals.lineDiscount > 0
        ? { discount: money(totals.lineDiscount, sale.currency) }
        : {}),
    };
  });
}

const taken = (payment: Payment): boolean => CAPTURED_PAYMENT_STATES.includes(payment.state);

export function saleReceiptOf(input: {
  view: SaleView;
  settings: Settings;
  at: number;
  ebarimt?: EbarimtBlock | undefined;
  copy?: SaleReceipt['copy'] | undefined;
}): SaleReceipt {
  const { sale } = input.view;
  const amount = (minor: number) => money(minor, sale.currency);
  const payments = input.view.payments.filter(taken);
  return {
    locale: receiptLocale(input.settings),
    seller: sellerOf(input.settings),
    time: { at: input.at, timeZone: storeTimeZone(input.settings) },
    saleNumber: String(sale.number),
    lines: linesOf(sale),
    ...(sale.totals.saleDiscount > 0 ? { saleDiscount: amount(sale.totals.saleDiscount) } : {}),
    ...(sale.totals.vat > 0 ? { vat: amount(sale.totals.vat) } : {}),
    ...(sale.totals.cityTax > 0 ? { cityTax: amount(sale.totals.cityTax) } : {}),
    total: amount(sale.totals.total),
    payments: payments.map((p) => ({ method: p.method, amount: p.amount })),
    ...(input.view.change > 0 ? { change: amount(input.view.change) } : {}),
    ...(input.ebarimt ? { ebarimt: input.ebarimt } : {}),
    ...(input.copy ? { copy: input.copy } : {}),
  };
}

export function refundSlipOf(input: {
  view: SaleView;
  payment: Payment;
  refund: Refund;
  settings: Settings;
  ebarimtReceiptId?: string | undefined;
}): RefundSlip {
  const { sale } = input.view;
  const zone = storeTimeZone(input.settings);
  return {
    locale: receiptLocale(input.settings),
    seller: sellerOf(input.settings),
    time: { at: input.refund.at, timeZone: zone },
    saleNumber: String(sale.number),
    saleTime: { at: sale.createdAt, timeZone: zone },
    // Refunds are amounts, not lines (shared/domain.ts): the slip names the refund by its id.
    refundNumber: input.refund.id,
    lines: [],
    amount: money(input.refund.amount, sale.currency),
    method: input.payment.method,
    ...(input.refund.reason === undefined ? {} : { reason: input.refund.reason }),
    ...(input.ebarimtReceiptId === undefined ? {} : { ebarimtReceiptId: input.ebarimtReceiptId }),
  };
}

/** The X report from the running totals the journal:report channel reads. */
export function xReportOf(report: SalesReport, settings: Settings, at: number): ShiftReport {
  const currency: CurrencyCode = report.currency ?? CURRENCY_BY_COUNTRY[settings.country];
  const amount = (minor: number) => money(minor, currency);
  const sum = (pick: (m: SalesReport['methods'][number]) => number): number =>
    report.methods.reduce((acc, m) => acc + pick(m), 0);
  return {
    kind: 'x',
    locale: receiptLocale(settings),
    seller: sellerOf(settings),
    time: { at, timeZone: storeTimeZone(settings) },
    from: report.from,
    to: Math.min(report.to, at),
    sales: { count: report.salesPaid, amount: amount(sum((m) => m.amount)) },
    refunds: { count: sum((m) => m.refundCount), amount: amount(sum((m) => m.refunded)) },
    byMethod: report.methods.map((m) => ({
      method: m.method,
      count: m.count,
      amount: amount(m.amount - m.refunded),
    })),
    resolved: { count: report.resolved.paidCount, amount: amount(report.resolved.paidAmount) },
    net: amount(report.total),
  };
}
