/** A payment record for pure-function tests: SocialPay QR, 1000 MNT, sale S1 attempt 1, created at T0. */
import type { Payment } from '../../../shared/domain';
import { money } from '../../../shared/money';

export const T0 = Date.UTC(2026, 0, 1);

export function paymentIn(state: Payment['state'], extra: Partial<Payment> = {}): Payment {
  return {
    id: 'p1',
    saleId: 'S1',
    attempt: 1,
    method: 'socialpay.qr',
    amount: money(1000, 'MNT'),
    state,
    idempotencyKey: 'S1A1',
    createdAt: T0,
    updatedAt: T0,
    refundedAmount: 0,
    refunds: [],
    ...extra,
  };
}
