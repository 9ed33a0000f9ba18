/**
 * The till's domain: Sale, Line, Payment (+ PaymentState) as zod schemas with types from z.infer, and the pure
 * totals function. Shared by main (services, journal) and renderer (view-models), so: no node, no floats.
 *
 * Amounts inside a sale are integers of minor units of the sale's currency (shared/money.ts); a Money object is
 * used where an amount travels on its own (a line's unit price, a payment), so it cannot lose its currency.
 *
 * Two different things are called "QR" in Kassa and only one of them may be stored:
 *  - Payment.qr is a *payment link* a bank returned for an invoice (SocialPay/Pocket QR text, the BoG approve
 *    URL). It is not secret and is needed again after a restart (the customer may still be scanning), so it
 *    lives in memory, in events and in the journal.
 *  - eBarimt receipt `qrData` and `lottery` are tax-authority data that must be shown/printed and never
 *    stored (docs/architecture.md §9). Nothing here has such a field; a Sale only keeps a receipt *reference*
 *    {id, status}, and the journal rejects any record carrying a field of that name.
 */
import { z } from 'zod';
import { CurrencyCodeSchema, MoneySchema } from './money';
import { ClassificationCodeSchema, TaxProductCodeSchema, TaxTypeSchema } from './product-codes';
import { EntityIdSchema, NonNegativeMinorSchema, SaleIdSchema, TimestampSchema } from './ids';
import { ReceiptRefSchema } from './receipt-ref';

// --- Identifiers (shared/ids.ts) -----------------------------------------------------------------------------

export { EntityIdSchema, SaleIdSchema, TimestampSchema } from './ids';

const BasisPointsSchema = z
  .number()
  .int()
  .min(0, 'a rate cannot be negative')
  .max(10_000, 'a rate is at most 100 %');

// --- Lines and sales -------------------------------------------------------------------------------------------

/** A discount on a line or on the whole sale: a fixed amount (minor units of the sale currency) or a percentage. */
export const DiscountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), amount: NonNegativeMinorSchema }),
  z.strictObject({ kind: z.literal('percent'), basisPoints: BasisPointsSchema }),
]);
export type Discount = z.infer<typeof DiscountSchema>;

/** 'each' counts pieces; 'weight' counts thousandths of a kilogram (grams), so weights stay integers. */
export const MeasureSchema = z.enum(['each', 'weight']);
export type Measure = z.infer<typeof MeasureSchema>;

export const LineSchema = z.strictObject({
  id: EntityIdSchema,
  sku: z.string().max(64).optional(),
  barcode: z.string().max(32).optional(),
  name: z.string().min(1).max(120),
  /** VAT- (and city-tax-) inclusive shelf price per piece or per kilogram. Returns are refunds, not negative lines. */
  unitPrice: MoneySchema.refine((m) => m.amount >= 0, 'a price cannot be negative'),
  measure: MeasureSchema,
  /** Pieces for 'each', grams (thousandths of a kg) for 'weight'. Always a positive integer. */
  quantity: z.number().int().positive().max(1_000_000_000),
  discount: DiscountSchema.nullable(),
  /** VAT rate in basis points (MN 1000 = 10 %); 0 for VAT-free goods. */
  vatBasisPoints: BasisPointsSchema,
  /** Mongolian city tax (НХАТ) in basis points; 0 elsewhere. */
  cityTaxBasisPoints: BasisPointsSchema,
  /** The product's receipt codes, copied when the line is made (a Mongolian receipt needs them per line). */
  taxType: TaxTypeSchema.optional(),
  classificationCode: ClassificationCodeSchema.optional(),
  taxProductCode: TaxProductCodeSchema.optional(),
});
export type Line = z.infer<typeof LineSchema>;

export const LineTotalsSchema = z.strictObject({
  lineId: EntityIdSchema,
  /** unit price × quantity. */
  gross: NonNegativeMinorSchema,
  lineDiscount: NonNegativeMinorSchema,
  /** This line's share of the sale discount (largest-remainder allocation). */
  saleDiscount: NonNegativeMinorSchema,
  /** What the customer pays for this line: gross − lineDiscount − saleDiscount. Tax-inclusive. */
  total: NonNegativeMinorSchema,
  vat: NonNegativeMinorSchema,
  cityTax: NonNegativeMinorSchema,
  /** total − vat − cityTax. */
  net: NonNegativeMinorSchema,
});
export type LineTotals = z.infer<typeof LineTotalsSchema>;

export const SaleTotalsSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  subtotal: NonNegativeMinorSchema,
  lineDiscounts: NonNegativeMinorSchema,
  saleDiscount: NonNegativeMinorSchema,
  total: NonNegativeMinorSchema,
  vat: NonNegativeMinorSchema,
  cityTax: NonNegativeMinorSchema,
  net: NonNegativeMinorSchema,
  lines: z.array(LineTotalsSchema),
});
export type SaleTotals = z.infer<typeof SaleTotalsSchema>;

export const SALE_STATUSES = ['open', 'held', 'paying', 'paid', 'voided'] as const;
export const SaleStatusSchema = z.enum(SALE_STATUSES);
export type SaleStatus = z.infer<typeof SaleStatusSchema>;

export {
  IssuedReceiptRefSchema,
  RECEIPT_STATUSES,
  ReceiptRefSchema,
  ReceiptResolutionSchema,
  ReceiptStatusSchema,
  type IssuedReceiptRef,
  type ReceiptRef,
  type ReceiptResolution,
  type ReceiptStatus,
} from './receipt-ref';

export const SaleSchema = z.strictObject({
  id: SaleIdSchema,
  /** Human sale number shown on screen and in the journal (increasing per till). */
  number: z.number().int().positive(),
  status: SaleStatusSchema,
  currency: CurrencyCodeSchema,
  lines: z.array(LineSchema),
  /** Sale-level discount, spread over the lines when totals are computed. */
  discount: DiscountSchema.nullable(),
  totals: SaleTotalsSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** The identified buyer's 8-digit eBarimt customer code (goes into the receipt's consumerNo). */
  buyer: z.strictObject({ customerNo: z.string().regex(/^\d{8}$/) }).optional(),
  receipt: ReceiptRefSchema.optional(),
  voidReason: z.string().max(200).optional(),
});
export type Sale = z.infer<typeof SaleSchema>;

// --- Payments --------------------------------------------------------------------------------------------------

export const PAYMENT_METHODS = [
  'cash',
  'socialpay.qr',
  'socialpay.deeplink',
  'socialpay.phone',
  'pocket.qr',
  'bog.qr',
  'baas.microloan',
] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/**
 * Payment states (docs/architecture.md §8). The legal moves between them are in
 * electron/payments/state-machine.ts.
 */
export const PAYMENT_STATES = [
  'created',
  'requesting',
  'awaiting_customer',
  'unknown',
  'paid',
  'declined',
  'cancelled',
  'expired',
  'abandoned',
  'refunding',
  'refunded',
  'partly_refunded',
  'refund_failed',
] as const;
export const PaymentStateSchema = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof PaymentStateSchema>;

/** States after which the money question is settled: no polling, no recovery. */
export const FINAL_PAYMENT_STATES: readonly PaymentState[] = [
  'paid',
  'declined',
  'cancelled',
  'expired',
  'abandoned',
  'refunded',
  'partly_refunded',
  'refund_failed',
];
/** States in which the customer's money is (still, at least partly) with the shop. */
export const CAPTURED_PAYMENT_STATES: readonly PaymentState[] = [
  'paid',
  'refunding',
  'refunded',
  'partly_refunded',
  'refund_failed',
];

export function isFinalPaymentState(state: PaymentState): boolean {
  return FINAL_PAYMENT_STATES.includes(state);
}

/** Not final = the engine must re-check it after a restart (this includes a refund still waiting for an answer). */
export function needsRecovery(state: PaymentState): boolean {
  return !isFinalPaymentState(state);
}

/** A manager settled a payment that could not settle by itself (docs/payment-outcomes.md, "Manager resolution"). */
export const PaymentResolutionSchema = z.strictObject({
  /** The manager's name as signed in (or `operator` for the CLI). */
  by: z.string().min(1).max(100),
  at: TimestampSchema,
  outcome: z.enum(['paid', 'failed']),
  /** Paid: the approval code the bank's merchant portal shows for this payment. */
  approvalCode: z.string().min(1).max(64).optional(),
  reason: z.string().min(1).max(300),
});
export type PaymentResolution = z.infer<typeof PaymentResolutionSchema>;

export const RefundSchema = z.strictObject({
  id: EntityIdSchema,
  amount: NonNegativeMinorSchema,
  state: z.enum(['refunding', 'refunded', 'refund_failed']),
  at: TimestampSchema,
  reason: z.string().max(200).optional(),
  /**
   * A refund_failed refund: `unknown` (the answer was lost or the till stopped while refunding: money may have
   * moved, so it is settled by reading the payment at the bank, or retried with the same key) or `refused`
   * (the bank answered no: nothing moved). Absent on journals written before it existed: taken as unknown.
   */
  outcome: z.enum(['unknown', 'refused']).optional(),
});
export type Refund = z.infer<typeof RefundSchema>;

export const PaymentSchema = z.strictObject({
  id: EntityIdSchema,
  saleId: SaleIdSchema,
  /** 1, 2, … per sale; a retry after a decline is a new attempt with a new idempotency key. */
  attempt: z.number().int().positive(),
  method: PaymentMethodSchema,
  amount: MoneySchema,
  state: PaymentStateSchema,
  /** ≤ 32 chars of [A-Za-z0-9]: the provider's merchant reference; the same on every retry of this attempt. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
  providerRef: z.string().max(200).optional(),
  /** A payment link to render as a QR (not eBarimt qrData — see the file comment). */
  qr: z.string().max(4096).optional(),
  deeplink: z.string().max(4096).optional(),
  expiresAt: TimestampSchema.optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** When the request reached awaiting_customer/unknown: the adaptive poll interval counts from here. */
  waitingSince: TimestampSchema.optional(),
  /** Why it was declined / is unknown, for the cashier. */
  reason: z.string().max(300).optional(),
  /** What the provider is told the payment is for ("Sale #12"): a re-sent start must carry the same body. */
  description: z.string().max(200).optional(),
  /**
   * Set when the start got no usable answer: when that happened. The bounded probes of
   * electron/payments/probe-policy.ts count from here; absent for every other payment.
   */
  startLostAt: TimestampSchema.optional(),
  /** A manager's settlement of a payment that could not settle by itself. */
  resolution: PaymentResolutionSchema.optional(),
  /** Cash only: what the customer handed over and the change to give back (minor units). */
  cash: z.strictObject({ tendered: NonNegativeMinorSchema, change: NonNegativeMinorSchema }).optional(),
  /** Sum of completed refunds (minor units). */
  refundedAmount: NonNegativeMinorSchema,
  refunds: z.array(RefundSchema),
});
export type Payment = z.infer<typeof PaymentSchema>;

/** What a payment still contributes to its sale: its amount minus refunds once captured, else nothing. */
export function capturedAmount(payment: Payment): number {
  return CAPTURED_PAYMENT_STATES.includes(payment.state) ? payment.amount.amount - payment.refundedAmount : 0;
}

/** Payments whose outcome is not known yet hold their amount, so two invoices cannot over-pay a sale. */
export function pendingAmount(payment: Payment): number {
  return ['created', 'requesting', 'awaiting_customer', 'unknown'].includes(payment.state)
    ? payment.amount.amount
    : 0;
}

// --- Totals ----------------------------------------------------------------------------------------------------

/**
 * Tax model. Shelf prices are tax-inclusive, as eBarimt PosAPI 3.0 expects (a receipt line's totalAmount
 * includes VAT and city tax). Per line, after discounts:
 *   vat     = round(total × vatBp  / (10000 + vatBp + cityBp))
 *   cityTax = round(total × cityBp / (10000 + vatBp + cityBp))
 *   net     = total − vat − cityTax          (so the three always add up to the total)
 * — the same integer split as electron/providers/ebarimt/posapi/taxes.ts, so the receipt and the screen agree.
 * Georgia and Uzbekistan prices are VAT-inclusive too; their screens simply do not show the split.
 */
export function computeSaleTotals(sale: Pick<Sale, 'currency' | 'lines' | 'discount'>): SaleTotals {
  const { currency } = sale;
  const grossAndLineDiscount = sale.lines.map((line) => {
    const gross = lineGross(line);
    return { line, gross, lineDiscount: discountAmount(line.discount, gross) };
  });
  const afterLine = grossAndLineDiscount.map((l) => l.gross - l.lineDiscount);
  const subtotalAfterLine = afterLine.reduce((a, b) => a + b, 0);
  const saleDiscount = discountAmount(sale.discount, subtotalAfterLine);
  const shares = allocateLargestRemainder(saleDiscount, afterLine);

  const lines = grossAndLineDiscount.map(({ line, gross, lineDiscount }, i): LineTotals => {
    const share = shares[i] ?? 0;
    const total = gross - lineDiscount - share;
    const divisor = 10_000 + line.vatBasisPoints + line.cityTaxBasisPoints;
    const vat = mulDivRound(total, line.vatBasisPoints, divisor);
    const cityTax = mulDivRound(total, line.cityTaxBasisPoints, divisor);
    return {
      lineId: line.id,
      gross,
      lineDiscount,
      saleDiscount: share,
      total,
      vat,
      cityTax,
      net: total - vat - cityTax,
    };
  });
  const add = (pick: (l: LineTotals) => number): number => lines.reduce((acc, l) => acc + pick(l), 0);
  return {
    currency,
    subtotal: add((l) => l.gross),
    lineDiscounts: add((l) => l.lineDiscount),
    saleDiscount,
    total: add((l) => l.total),
    vat: add((l) => l.vat),
    cityTax: add((l) => l.cityTax),
    net: add((l) => l.net),
    lines,
  };
}

/** unit price × quantity; weights are in thousandths, rounded half-up to a minor unit. */
export function lineGross(line: Pick<Line, 'unitPrice' | 'measure' | 'quantity'>): number {
  return line.measure === 'weight'
    ? mulDivRound(line.unitPrice.amount, line.quantity, 1000)
    : mulDivRound(line.unitPrice.amount, line.quantity, 1);
}

/** A discount as minor units of `base`, never more than the base (a discount cannot make a price negative). */
export function discountAmount(discount: Discount | null, base: number): number {
  if (discount === null || base <= 0) {
    return 0;
  }
  const raw = discount.kind === 'amount' ? discount.amount : mulDivRound(base, discount.basisPoints, 10_000);
  return Math.min(Math.max(raw, 0), base);
}

/**
 * round(a × b / d), half-up, for non-negative integers — the same rounding as money.divideRounded, but through
 * BigInt so a large so'm amount × basis points cannot pass 2^53 in the middle. Throws if the result itself is
 * not a safe integer (a price that large is a data error, not something to round).
 */
export function mulDivRound(a: number, b: number, d: number): number {
  const product = BigInt(a) * BigInt(b);
  const big = BigInt(d);
  const q = product / big;
  const result = (product % big) * 2n >= big ? q + 1n : q;
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('totals: an amount is beyond the safe integer range');
  }
  return Number(result);
}

/**
 * Split `amount` over `weights` proportionally so the parts sum to exactly `amount` (Hamilton / largest
 * remainder): everyone gets floor(amount × w / W), and the leftover units go to the largest remainders
 * (earlier lines win ties, so the result is deterministic). BigInt because amount × weight can pass 2^53
 * for large so'm sales; no floats anywhere.
 */
export function allocateLargestRemainder(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (amount <= 0 || total <= 0) {
    return weights.map(() => 0);
  }
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const parts = weights.map((w, index) => {
    const product = big * BigInt(w);
    return { index, share: product / bigTotal, remainder: product % bigTotal };
  });
  let leftover = big - parts.reduce((acc, p) => acc + p.share, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (leftover === 0n) {
      break;
    }
    part.share += 1n;
    leftover -= 1n;
  }
  return parts.map((p) => Number(p.share));
}

export { ShiftSchema, type Shift } from './shift';
