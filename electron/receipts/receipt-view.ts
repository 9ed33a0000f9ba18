/** What the receipt screen sees of a sale's receipt: the journaled ref plus what this run holds in memory. */
import type { ReceiptView } from '../../shared/channels/receipt';
import type { Sale } from '../../shared/domain';
import { formatMoney, money } from '../../shared/money';
import type { PrintableReceipt } from '../providers/ebarimt';
import { NEEDS_MANAGER, type ReceiptProblem } from './receipt-texts';

/** Per sale, in this process only (never journaled): printable parts, the B2B buyer, the last problem. */
export interface ReceiptMemory {
  printable?: PrintableReceipt;
  /** B2B buyer; kept for this run (a restart before payment falls back to a B2C receipt). */
  organizationTin?: string;
  buyerName?: string;
  issuedAt?: string;
  error?: ReceiptProblem;
  issuing?: Promise<void>;
}

function mask(customerNo: string): string {
  return `${customerNo.slice(0, 2)}****${customerNo.slice(-2)}`;
}

export function receiptViewOf(sale: Sale, m: ReceiptMemory | undefined, needed: boolean): ReceiptView {
  const fmt = (amount: number): string => formatMoney(money(amount, sale.currency));
  const ref = sale.receipt;
  const state: ReceiptView['state'] = !needed
    ? 'not-needed'
    : m?.issuing
      ? 'issuing'
      : ref?.status === 'issued' ||
          ref?.status === 'returned' ||
          ref?.status === 'unconfirmed' ||
          ref?.status === 'not-issued'
        ? ref.status
        : ref?.status === 'failed' || m?.error
          ? 'failed'
          : 'pending';
  const error = m?.error ?? (state === 'unconfirmed' ? NEEDS_MANAGER : null);
  return {
    saleId: sale.id,
    state,
    receiptId: ref?.status === 'issued' || ref?.status === 'returned' ? ref.id : null,
    buyerMasked: sale.buyer ? mask(sale.buyer.customerNo) : null,
    buyerName: m?.buyerName ?? null,
    organizationTin: m?.organizationTin ?? null,
    totalText: fmt(sale.totals.total),
    vatText: fmt(sale.totals.vat),
    cityTaxText: fmt(sale.totals.cityTax),
    issuedAt: m?.issuedAt ?? null,
    printable:
      m?.printable && ref?.status === 'issued'
        ? { lottery: m.printable.lottery, qrData: m.printable.qrData }
        : null,
    error,
    correctsReceiptId: ref?.corrects?.id ?? null,
    resolution: ref?.resolution ?? null,
  };
}
