/**
 * One idempotency key per payment attempt, derived (not random) from the sale id and the attempt number, so a
 * restarted till derives the same key for the same attempt and every status query / retry of that attempt
 * reuses it. Letters and digits only, ≤ 32 chars: valid as SocialPay `invoice`, Pocket `orderNumber`, BoG
 * `shop_order_id` and a BaaS request id.
 */
import { KassaError } from '../kernel/errors';

export const MAX_KEY_LENGTH = 32;

export function idempotencyKeyFor(saleId: string, attempt: number): string {
  if (!/^[A-Za-z0-9]+$/.test(saleId) || !Number.isSafeInteger(attempt) || attempt < 1) {
    throw new KassaError(
      'validation',
      'An idempotency key needs an alphanumeric sale id and a positive attempt.',
    );
  }
  // The attempt is all digits after the last 'A', so two (sale, attempt) pairs never give the same key.
  const key = `${saleId}A${attempt}`;
  if (key.length > MAX_KEY_LENGTH) {
    throw new KassaError(
      'validation',
      `The idempotency key ${key} is longer than ${MAX_KEY_LENGTH} characters.`,
    );
  }
  return key;
}

/** Refund references: the payment's key plus R and the refund's ordinal, within the same limits. */
export function refundKeyFor(paymentKey: string, ordinal: number): string {
  const key = `${paymentKey}R${ordinal}`;
  if (key.length > MAX_KEY_LENGTH) {
    // Sale ids are ≤ 24 chars, so this needs an absurd attempt or refund count; refuse rather than truncate
    // (a truncated key could collide with another refund's).
    throw new KassaError('validation', `The refund key ${key} is longer than ${MAX_KEY_LENGTH} characters.`);
  }
  return key;
}
