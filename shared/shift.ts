/**
 * A cashier shift (its own file to keep shared/domain.ts, which re-exports it, under the size limit). The ledger
 * keeps running totals per open shift (docs/architecture.md §8).
 */
import { z } from 'zod';
import { CurrencyCodeSchema } from './money';
import { EntityIdSchema, NonNegativeMinorSchema, TimestampSchema } from './ids';

/** A cashier shift: the X report covers it so far, the Z report closes it. */
export const ShiftSchema = z.strictObject({
  id: EntityIdSchema,
  number: z.number().int().positive(),
  status: z.enum(['open', 'closed']),
  currency: CurrencyCodeSchema,
  openedAt: TimestampSchema,
  closedAt: TimestampSchema.optional(),
  /** Cash in the drawer at the start (minor units). */
  openingCash: NonNegativeMinorSchema,
  /** Cash counted at the close (minor units). */
  countedCash: NonNegativeMinorSchema.optional(),
});
export type Shift = z.infer<typeof ShiftSchema>;
