import { z } from 'zod';
import { channel } from '../channel';
import {
  PaymentMethodSchema,
  PaymentStateSchema,
  ReceiptRefSchema,
  SaleIdSchema,
  SaleStatusSchema,
} from '../domain';
import { CurrencyCodeSchema } from '../money';
import { SaleRefundSchema, SaleViewSchema } from './sale';

const RangeFields = {
  /** Epoch ms, inclusive; default: the start of today (till's local time). */
  from: z.number().int().nonnegative().optional(),
  /** Epoch ms, exclusive; default: now. */
  to: z.number().int().nonnegative().optional(),
};
const fromBeforeTo = (r: { from?: number | undefined; to?: number | undefined }): boolean =>
  r.from === undefined || r.to === undefined || r.from < r.to;

export const JOURNAL_PAGE_DEFAULT = 50;
export const JOURNAL_PAGE_MAX = 200;

const ListInput = z
  .strictObject({
    ...RangeFields,
    /** Any moment of the wanted business day (epoch ms): lists that whole day. Instead of from/to. */
    day: z.number().int().nonnegative().optional(),
    /** At most this many sales (default 50). */
    limit: z.number().int().min(1).max(JOURNAL_PAGE_MAX).optional(),
    /** The `cursor` of the last sale of the previous page: the page after it (older sales). */
    cursor: z
      .string()
      .regex(/^\d{1,15}\.\d{1,12}$/)
      .optional(),
  })
  .refine(fromBeforeTo, 'from must be before to')
  .refine(
    (r) => r.day === undefined || (r.from === undefined && r.to === undefined),
    'day or from/to, not both',
  );

const ReportInput = z
  .strictObject({
    ...RangeFields,
    /** The report of one shift (its running totals) instead of a time range. */
    shiftId: z.string().min(1).max(64).optional(),
  })
  .refine(fromBeforeTo, 'from must be before to');

export const JournalSaleSummarySchema = z.object({
  id: SaleIdSchema,
  number: z.number().int(),
  status: SaleStatusSchema,
  currency: CurrencyCodeSchema,
  total: z.number().int(),
  paid: z.number().int(),
  createdAt: z.number().int(),
  payments: z.array(
    z.object({ method: PaymentMethodSchema, state: PaymentStateSchema, amount: z.number().int() }),
  ),
  receipt: ReceiptRefSchema.optional(),
  /** Refunded so far and whether in full (the status stays `paid`), as in SaleView. */
  refunded: z.number().int(),
  refund: SaleRefundSchema,
  /** Pass as `cursor` to list the sales after this one (journal:list pages newest first). */
  cursor: z.string(),
});
export type JournalSaleSummary = z.infer<typeof JournalSaleSummarySchema>;

/**
 * X report (any time) / Z report (at a shift's close): counts and sums per method, read from the running totals
 * kept per business day and per shift. A time range counts every business day it touches in full; `from` and
 * `to` of the answer are the whole days counted.
 */
export const SalesReportSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  currency: CurrencyCodeSchema.nullable(),
  /** Sales paid in the range, less those refunded in full in it. */
  salesPaid: z.number().int(),
  salesVoided: z.number().int(),
  /** Sales refunded in full in the range. */
  salesRefunded: z.number().int(),
  methods: z.array(
    z.object({
      method: PaymentMethodSchema,
      count: z.number().int(),
      amount: z.number().int(),
      refundCount: z.number().int(),
      refunded: z.number().int(),
    }),
  ),
  /**
   * Payments a manager resolved (payment:resolve): as paid (also counted in `methods`) and as failed, each with
   * its count and amount.
   */
  resolved: z.object({
    paidCount: z.number().int(),
    paidAmount: z.number().int(),
    failedCount: z.number().int(),
    failedAmount: z.number().int(),
  }),
  /** Cash kept = cash taken − cash refunded (change already excluded: payments hold the amount, not the tender). */
  cashNet: z.number().int(),
  total: z.number().int(),
});
export type SalesReport = z.infer<typeof SalesReportSchema>;

export const journalChannels = {
  'journal:list': channel({
    input: ListInput,
    output: z.array(JournalSaleSummarySchema),
    summary:
      'Sales of a day or time range (default today) with payment and receipt status, newest first, one page (limit, cursor) at a time.',
  }),
  'journal:get': channel({
    input: z.strictObject({ saleId: SaleIdSchema }),
    output: SaleViewSchema,
    summary: 'One sale with all its payment attempts.',
  }),
  'journal:report': channel({
    input: ReportInput,
    output: SalesReportSchema,
    summary:
      'X report for today, the business days of a time range, or a shift: sales, and counts and sums per payment method.',
  }),
} as const;
