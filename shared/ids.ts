/**
 * Identifiers, timestamps and non-negative amounts shared by the domain's schemas (shared/domain.ts re-exports
 * them; shared/shift.ts uses them without importing the domain).
 */
import { z } from 'zod';
import { MinorUnitsSchema } from './money';

/**
 * Sale ids are short and alphanumeric because a payment's idempotency key is derived from them and must fit
 * every provider's merchant reference (SocialPay `invoice` ≤ 32 chars, [A-Za-z0-9]).
 */
export const SaleIdSchema = z.string().regex(/^[A-Za-z0-9]{1,24}$/, 'a sale id is 1–24 letters or digits');
export const EntityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'an id is 1–40 letters, digits, - or _');
/** Epoch milliseconds. */
export const TimestampSchema = z.number().int().nonnegative();

export const NonNegativeMinorSchema = MinorUnitsSchema.min(0, 'an amount cannot be negative');
