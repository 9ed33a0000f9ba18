/**
 * The ledger's events: what one command did, small enough that a typical sale costs well under 2 KB on disk
 * (docs/architecture.md §8). Events name the change and carry only what the running totals and an audit need
 * (states before and after, amounts, the line or code touched); the whole rows live in the current-state tables.
 * Running totals are a fold of these events (ledger-totals.ts), so a report read from the totals keys can always
 * be checked against a recomputation from the events.
 */
import { z } from 'zod';
import {
  EntityIdSchema,
  PaymentSchema,
  PaymentMethodSchema,
  PaymentStateSchema,
  ReceiptRefSchema,
  SaleIdSchema,
  SaleSchema,
  SaleStatusSchema,
  ShiftSchema,
  TimestampSchema,
} from '../../shared/domain';
import { CurrencyCodeSchema } from '../../shared/money';

/** What a sale command changed. */
export const SALE_CHANGES = [
  'opened',
  'line.added',
  'line.quantity',
  'line.discount',
  'line.removed',
  'discount',
  'held',
  'recalled',
  'voided',
  'paying',
  'paid',
  'receipt',
  'buyer',
  /** Its payments were refunded in full (the status stays paid; reports count it as refunded). */
  'refunded',
  /** A manager resolved its receipt problem (receipt:resolve); the sale row holds who, why and when. */
  'receipt.resolved',
] as const;
export type SaleChange = (typeof SALE_CHANGES)[number];

export const SaleEventSchema = z.strictObject({
  type: z.literal('sale'),
  saleId: SaleIdSchema,
  what: z.enum(SALE_CHANGES),
  /** The sale's status before the command; null when the command created it. */
  from: SaleStatusSchema.nullable(),
  to: SaleStatusSchema,
  currency: CurrencyCodeSchema,
  /** The sale's total after the command (minor units). */
  total: z.number().int(),
  /** The line a line change touched. */
  lineId: z.string().max(32).optional(),
  /** The code scanned or typed for an added line. */
  code: z.string().max(64).optional(),
  /** The line's quantity after the change. */
  quantity: z.number().int().optional(),
  /** The receipt's status after a receipt change (never its qrData or lottery). */
  receipt: ReceiptRefSchema.shape.status.optional(),
});
export type SaleEvent = z.infer<typeof SaleEventSchema>;

export const PaymentEventSchema = z.strictObject({
  type: z.literal('payment'),
  paymentId: EntityIdSchema,
  saleId: SaleIdSchema,
  method: PaymentMethodSchema,
  /** The state it left; null for a payment's first event. */
  from: PaymentStateSchema.nullable(),
  to: PaymentStateSchema,
  currency: CurrencyCodeSchema,
  /** The payment's amount (minor units). */
  amount: z.number().int().nonnegative(),
  /** On a refund's transitions (→ refunding, → refunded, → refund_failed): that refund's amount. */
  refund: z.number().int().nonnegative().optional(),
  /** The transition is a manager's resolution (payments/resolution.ts); counted apart in the totals. */
  resolved: z.literal(true).optional(),
});
export type PaymentEvent = z.infer<typeof PaymentEventSchema>;

export const ShiftEventSchema = z.strictObject({
  type: z.literal('shift'),
  shiftId: EntityIdSchema,
  from: z.enum(['open', 'closed']).nullable(),
  to: z.enum(['open', 'closed']),
});
export type ShiftEvent = z.infer<typeof ShiftEventSchema>;

/**
 * The cash drawer opened without a sale (printer:open-drawer): a manager's action, journaled with who and why so
 * the shop owner can match the drawer count to it. Drawer kicks for cash payments are not journaled: the payment is.
 */
export const DrawerEventSchema = z.strictObject({
  type: z.literal('drawer'),
  by: z.string().min(1).max(80),
  reason: z.string().min(1).max(200),
});
export type DrawerEvent = z.infer<typeof DrawerEventSchema>;

export const LedgerEventSchema = z.discriminatedUnion('type', [
  SaleEventSchema,
  PaymentEventSchema,
  ShiftEventSchema,
  DrawerEventSchema,
]);
export type LedgerEvent = z.infer<typeof LedgerEventSchema>;

/** One command's writes as journal.commit() takes them: its events and the rows they change (journal-types.ts). */
export const LedgerCommandSchema = z.strictObject({
  at: TimestampSchema,
  events: z.array(LedgerEventSchema).min(1),
  sales: z.array(SaleSchema).optional(),
  payments: z.array(PaymentSchema).optional(),
  shifts: z.array(ShiftSchema).optional(),
});
