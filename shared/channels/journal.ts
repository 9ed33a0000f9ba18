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
import { SaleViewSchema } from './sale';

const RangeInput = z
  .strictObject({
    /** Epoch ms, inclusive; default: the start of today (till's local time). */
    from: z.number().int().nonnegative().optional(),
    /** Epoch ms, exclusive; default: now. */
    to: z.number().int().nonnegative().optional(),
  })
  .refine((r) => r.from === undefined || r.to === undefined || r.from < r.to, 'from must be before to');

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
});
export type JournalSaleSummary = z.infer<typeof JournalSaleSummarySchema>;

/** X report (any time) / Z report (at a shift's close): counts and sums per method over a time range. */
export const SalesReportSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  currency: CurrencyCodeSchema.nullable(),
  salesPaid: z.number().int(),
  salesVoided: z.number().int(),
  methods: z.array(
    z.object({
      method: PaymentMethodSchema,
      count: z.number().int(),
      amount: z.number().int(),
      refundCount: z.number().int(),
      refunded: z.number().int(),
    }),
  ),
  /** Cash kept = cash taken − cash refunded (change already excluded: payments hold the amount, not the tender). */
  cashNet: z.number().int(),
  total: z.number().int(),
});
export type SalesReport = z.infer<typeof SalesReportSchema>;

export const journalChannels = {
  'journal:list': channel({
    input: RangeInput,
    output: z.array(JournalSaleSummarySchema),
    summary: 'Sales in a time range (default today) with payment and receipt status, newest first.',
  }),
  'journal:get': channel({
    input: z.strictObject({ saleId: SaleIdSchema }),
    output: SaleViewSchema,
    summary: 'One sale with all its payment attempts.',
  }),
  'journal:report': channel({
    input: RangeInput,
    output: SalesReportSchema,
    summary: 'X report for a time range (default today): sales, and counts and sums per payment method.',
  }),
} as const;
