/**
 * Refunds as pure steps (docs/architecture.md §8.2): which refund of a payment may be made, and the transitions
 * around the provider's call (`refunding` is journaled before the call, then `refunded` / `partly_refunded`, or
 * `refund_failed`). A payment may be refunded in parts; each part has its own id and its own key derived from
 * the payment's (keys.ts).
 *
 * A refund keeps its id and key across retries: a refund whose outcome is unknown (answer lost, till stopped
 * while refunding) is first settled by reading the payment's refunded amount at the bank where the provider can
 * tell it (`PaymentProvider.refundedAmount`); only when the bank shows it did not happen is anything else
 * allowed, and a retry of it sends the same key again (BoG's Payments API replays its first answer for it).
 */
import type { Payment, PaymentState, Refund } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { refundKeyFor } from './keys';
import type { Move } from './outcomes';
import type { PaymentCapabilities } from './provider';

export interface RefundPlan {
  /** Minor units. */
  amount: number;
  /** `<paymentId>-r<ordinal>`. */
  refundId: string;
  /** The reference the provider gets for this refund; the same on every retry of it. */
  refundKey: string;
  /** The first transition, journaled before the provider is asked. */
  refunding: Move;
}

const REFUNDABLE: readonly PaymentState[] = ['paid', 'partly_refunded', 'refunded', 'refund_failed'];

/** The refund whose outcome is not known, if any: it must be settled before anything else happens. */
export function unsettledRefund(payment: Payment): Refund | undefined {
  const last = payment.refunds.at(-1);
  return payment.state === 'refund_failed' && last?.state === 'refund_failed' && last.outcome !== 'refused'
    ? last
    : undefined;
}

/** The state a captured payment is in once `refundedAmount` has been refunded. */
export function stateAfterRefunds(payment: Payment, refundedAmount: number): 'refunded' | 'partly_refunded' {
  return refundedAmount >= payment.amount.amount ? 'refunded' : 'partly_refunded';
}

/**
 * The amount of a refund of `amountMinor` (default: all that is left). Throws state.conflict when nothing can
 * be refunded, validation for an amount outside 1 … what is left.
 */
export function refundAmount(payment: Payment, amountMinor: number | undefined): number {
  const remaining = payment.amount.amount - payment.refundedAmount;
  const open = unsettledRefund(payment);
  const amount = amountMinor ?? open?.amount ?? remaining;
  if (!REFUNDABLE.includes(payment.state) || remaining <= 0) {
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
 * What the bank's refunded amount says about an unsettled refund: a move when it went through (the till
 * records what the bank refunded, no second call), undefined when the bank shows nothing beyond what the till
 * already counts (the refund did not happen; it may be retried with its own key).
 */
export function settleFromBank(payment: Payment, bankRefunded: number): Move | undefined {
  const open = unsettledRefund(payment);
  if (!open || bankRefunded <= payment.refundedAmount) {
    return undefined;
  }
  const moved = Math.min(bankRefunded, payment.amount.amount) - payment.refundedAmount;
  const note = moved === open.amount ? undefined : `the bank refunded ${moved}, not ${open.amount}`;
  return {
    to: stateAfterRefunds(payment, payment.refundedAmount + moved),
    patch: {
      refunds: payment.refunds.map((r) =>
        r.id === open.id
          ? { id: r.id, amount: moved, state: 'refunded', at: r.at, ...(note ? { reason: note } : {}) }
          : r,
      ),
      refundedAmount: payment.refundedAmount + moved,
      reason: 'The refund was confirmed by reading the payment at the bank.',
    },
  };
}

/**
 * Plans a refund of `amount` (checked by refundAmount). `provider` is undefined for cash, which the till
 * hands back itself; a provider that cannot make this refund (none at all, or not a partial one) is a
 * validation error. `bankChecked`: the bank was read and showed the unsettled refund did not happen.
 */
export function planRefund(
  payment: Payment,
  amount: number,
  provider: { displayName: string; capabilities: PaymentCapabilities } | undefined,
  now: number,
  bankChecked = false,
): RefundPlan {
  if (
    provider &&
    (!provider.capabilities.refund ||
      (amount < payment.amount.amount && !provider.capabilities.partialRefund))
  ) {
    throw new KassaError('validation', `${provider.displayName} does not support this refund.`);
  }
  const open = unsettledRefund(payment);
  if (open && open.amount !== amount && !bankChecked) {
    // Nobody can tell whether it happened: only the same refund (same key) may be sent again.
    throw new KassaError(
      'refund.unsettled',
      `An earlier refund of ${open.amount} is not confirmed; retry that refund, or check the bank's portal.`,
      { params: { amount: open.amount } },
    );
  }
  const reuse = open !== undefined && open.amount === amount;
  const ordinal = reuse ? payment.refunds.length : payment.refunds.length + 1;
  const refundId = `${payment.id}-r${ordinal}`;
  const earlier = payment.refunds.filter((r) => r.id !== refundId);
  // A refund known not to have happened stays in the list as refused; its key is never used again.
  const kept = earlier.map((r) =>
    r.id === open?.id ? { ...r, outcome: 'refused' as const, reason: 'the bank shows no such refund' } : r,
  );
  return {
    amount,
    refundId,
    refundKey: refundKeyFor(payment.idempotencyKey, ordinal),
    refunding: {
      to: 'refunding',
      patch: { refunds: [...kept, { id: refundId, amount, state: 'refunding', at: now }] },
    },
  };
}

/** The provider confirmed the refund. `refunding` is the payment as journaled in `refunding`. */
export function refundConfirmed(refunding: Payment, plan: RefundPlan): Move {
  const refundedAmount = refunding.refundedAmount + plan.amount;
  return {
    to: stateAfterRefunds(refunding, refundedAmount),
    patch: {
      refunds: settleRefund(refunding, plan.refundId, 'refunded'),
      refundedAmount,
      // A confirmed retry replaces the "not confirmed" text of the attempt before it.
      reason: '',
    },
  };
}

/**
 * The provider's refund call failed. `refused`: the provider answered no (nothing moved); otherwise nobody
 * knows whether money moved, and the next refund call reads the bank first.
 */
export function refundNotConfirmed(
  refunding: Payment,
  plan: RefundPlan,
  why: string,
  refused: boolean,
): Move {
  return {
    to: 'refund_failed',
    patch: {
      refunds: settleRefund(refunding, plan.refundId, 'refund_failed', why, refused ? 'refused' : 'unknown'),
      reason: refused
        ? `Refund refused: ${why}.`
        : `Refund not confirmed: ${why}. Try the refund again: the till checks the bank first and never refunds twice.`,
    },
  };
}

/** A refund found in `refunding` after a restart whose bank could not be read: its outcome is not known. */
export function refundInterrupted(payment: Payment): Move {
  const last = payment.refunds.at(-1);
  return {
    to: 'refund_failed',
    patch: {
      refunds: last
        ? settleRefund(payment, last.id, 'refund_failed', 'interrupted by a restart', 'unknown')
        : payment.refunds,
      reason:
        'A refund was interrupted by a restart; try it again: the till checks the bank first and never refunds twice.',
    },
  };
}

/** A refund found in `refunding` after a restart: `refunding` → `refund_failed` (unknown) so it can be settled. */
export function interruptedThenSettled(payment: Payment, bankRefunded: number | undefined): Move {
  if (bankRefunded === undefined) {
    return refundInterrupted(payment);
  }
  const interrupted: Payment = { ...payment, ...refundInterrupted(payment).patch, state: 'refund_failed' };
  return settleFromBank(interrupted, bankRefunded) ?? refundInterrupted(payment);
}

function settleRefund(
  payment: Payment,
  refundId: string,
  state: 'refunded' | 'refund_failed',
  reason?: string,
  outcome?: 'unknown' | 'refused',
): Payment['refunds'] {
  return payment.refunds.map((r) =>
    r.id === refundId ? { ...r, state, ...(reason ? { reason } : {}), ...(outcome ? { outcome } : {}) } : r,
  );
}
