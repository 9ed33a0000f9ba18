/**
 * Refunds as pure steps: which refund of a payment may be made, and the transitions around the provider's
 * call (`refunding` is journaled before the call, then `refunded` or `refund_failed`). A payment may be
 * refunded in parts; each part has its own id and its own key derived from the payment's (keys.ts).
 */
import type { Payment } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { refundKeyFor } from './keys';
import type { Move } from './outcomes';
import type { PaymentCapabilities } from './provider';

export interface RefundPlan {
  /** Minor units. */
  amount: number;
  /** `<paymentId>-r<ordinal>`. */
  refundId: string;
  /** The reference the provider gets for this refund. */
  refundKey: string;
  /** The first transition, journaled before the provider is asked. */
  refunding: Move;
}

/**
 * The amount of a refund of `amountMinor` (default: all that is left). Throws state.conflict when nothing can
 * be refunded, validation for an amount outside 1 … what is left.
 */
export function refundAmount(payment: Payment, amountMinor: number | undefined): number {
  const remaining = payment.amount.amount - payment.refundedAmount;
  const amount = amountMinor ?? remaining;
  if (!['paid', 'refunded', 'refund_failed'].includes(payment.state) || remaining <= 0) {
    throw new KassaError(
      'state.conflict',
      'Only a paid payment with an amount left to refund can be refunded.',
    );
  }
  if (amount <= 0 || amount > remaining) {
    throw new KassaError('validation', `A refund of this payment is between 1 and ${remaining} minor units.`);
  }
  return amount;
}

/**
 * Plans a refund of `amount` (checked by refundAmount). `provider` is undefined for cash, which the till
 * hands back itself; a provider that cannot make this refund (none at all, or not a partial one) is a
 * validation error.
 */
export function planRefund(
  payment: Payment,
  amount: number,
  provider: { displayName: string; capabilities: PaymentCapabilities } | undefined,
  now: number,
): RefundPlan {
  if (
    provider &&
    (!provider.capabilities.refund ||
      (amount < payment.amount.amount && !provider.capabilities.partialRefund))
  ) {
    throw new KassaError('validation', `${provider.displayName} does not support this refund.`);
  }
  const ordinal = payment.refunds.length + 1;
  const refundId = `${payment.id}-r${ordinal}`;
  return {
    amount,
    refundId,
    refundKey: refundKeyFor(payment.idempotencyKey, ordinal),
    refunding: {
      to: 'refunding',
      patch: { refunds: [...payment.refunds, { id: refundId, amount, state: 'refunding', at: now }] },
    },
  };
}

/** The provider confirmed the refund. `refunding` is the payment as journaled in `refunding`. */
export function refundConfirmed(refunding: Payment, plan: RefundPlan): Move {
  return {
    to: 'refunded',
    patch: {
      refunds: settleRefund(refunding, plan.refundId, 'refunded'),
      refundedAmount: refunding.refundedAmount + plan.amount,
    },
  };
}

/** The provider's refund call failed: nobody knows whether money moved, so the cashier is told to look. */
export function refundNotConfirmed(refunding: Payment, plan: RefundPlan, why: string): Move {
  return {
    to: 'refund_failed',
    patch: {
      refunds: settleRefund(refunding, plan.refundId, 'refund_failed', why),
      reason: `Refund not confirmed: ${why}. Check the bank's merchant portal before refunding again.`,
    },
  };
}

/** A refund found in `refunding` after a restart: its call was cut off, its outcome is not known. */
export function refundInterrupted(payment: Payment): Move {
  const last = payment.refunds.at(-1);
  return {
    to: 'refund_failed',
    patch: {
      refunds: last
        ? settleRefund(payment, last.id, 'refund_failed', 'interrupted by a restart')
        : payment.refunds,
      reason: 'A refund was interrupted by a restart; check the bank before refunding again.',
    },
  };
}

function settleRefund(
  payment: Payment,
  refundId: string,
  state: 'refunded' | 'refund_failed',
  reason?: string,
): Payment['refunds'] {
  return payment.refunds.map((r) => (r.id === refundId ? { ...r, state, ...(reason ? { reason } : {}) } : r));
}
