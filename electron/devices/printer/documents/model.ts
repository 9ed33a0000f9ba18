/**
 * What the documents print, as plain typed values (built by the lead's wiring from the ledger and the eBarimt
 * answer). Money is integer minor units with its currency (shared/money.ts). Instants are epoch milliseconds,
 * printed in the store's IANA time zone (shared/store-time.ts).
 */
import type { PaymentMethod } from '../../../../shared/domain';
import type { Money } from '../../../../shared/money';
import type { ReceiptLocale } from './catalog';

export interface Seller {
  name: string;
  tin: string;
  address: string;
}

/** Where and when: the store's zone and the document's instant. */
export interface DocumentTime {
  at: number;
  timeZone: string;
}

export interface ReceiptLine {
  name: string;
  /** Quantity in thousandths (1 piece = 1000, 1.25 kg = 1250). */
  quantityThousandths: number;
  unitPrice: Money;
  /** The line's amount after its discount. */
  total: Money;
  /** The line's discount, when it has one (a positive amount taken off). */
  discount?: Money;
}

export interface PaymentLine {
  method: PaymentMethod;
  amount: Money;
}

/**
 * eBarimt's answer for the sale. `qrData` and `lottery` exist in memory only: the tax rule forbids keeping them
 * in any form other than the printed receipt (docs/architecture.md §9), so they are never logged or stored — the
 * bytes built from them go to the in-memory print queue and nowhere else.
 */
export interface EbarimtBlock {
  /** The 33-digit receipt id (DDTD). */
  receiptId: string;
  /** Absent for receipts issued to a business (B2B), which have no lottery. */
  lottery?: string;
  qrData: string;
}

export interface SaleReceipt {
  locale: ReceiptLocale;
  seller: Seller;
  time: DocumentTime;
  saleNumber: string;
  cashier?: string;
  lines: readonly ReceiptLine[];
  /** Discount on the whole sale, after the lines. */
  saleDiscount?: Money;
  /** Tax included in the total (Mongolia: VAT 10 %, city tax 1–2 %). */
  vat?: Money;
  cityTax?: Money;
  total: Money;
  payments: readonly PaymentLine[];
  change?: Money;
  ebarimt?: EbarimtBlock;
  /** Printed again: marks the receipt as a copy (customer copy) or a reprint. */
  copy?: 'copy' | 'reprint';
}

export interface RefundSlip {
  locale: ReceiptLocale;
  seller: Seller;
  time: DocumentTime;
  /** The sale refunded: its number and when it was made. */
  saleNumber: string;
  saleTime: DocumentTime;
  refundNumber: string;
  cashier?: string;
  lines: readonly ReceiptLine[];
  amount: Money;
  method: PaymentMethod;
  reason?: string;
  /** The eBarimt receipt id of the sale whose return was registered, when there is one. */
  ebarimtReceiptId?: string;
}

export interface MethodTotal {
  method: PaymentMethod;
  count: number;
  amount: Money;
}

/**
 * A shift's or a day's totals. The X report reads them while the shift runs; a Z report is the same document
 * with `kind: 'z'` (printed once when the shift closes).
 */
export interface ShiftReport {
  kind: 'x' | 'z';
  locale: ReceiptLocale;
  seller: Seller;
  /** When the report is printed. */
  time: DocumentTime;
  from: number;
  to: number;
  shiftNumber?: string;
  cashier?: string;
  sales: { count: number; amount: Money };
  refunds: { count: number; amount: Money };
  /** Per payment method, taken minus refunded. */
  byMethod: readonly MethodTotal[];
  /** Payments whose outcome was unknown and later resolved (lost answers settled by a status check). */
  resolved: { count: number; amount: Money };
  vat?: Money;
  cityTax?: Money;
  net: Money;
}
