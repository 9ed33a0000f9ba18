/**
 * The payment state machine (docs/architecture.md, "Sales, payments and the journal") as an explicit table.
 * `transition()` is pure: it returns the next Payment or throws KassaError('state.conflict'); the engine journals
 * the result before anything else.
 *
 *   created ──► requesting ──► awaiting_customer ──► paid | declined | cancelled | expired
 *      │            │  └──────────────┴──► unknown ──► (resolved only by status queries) awaiting_customer |
 *      │            └► paid | declined                paid | declined | cancelled | expired
 *      └► paid (cash: nothing to ask) | cancelled (withdrawn before it was sent)
 *   unknown ──► abandoned (a start without an answer the probes could not find: probe-policy.ts)
 *   created | requesting | awaiting_customer | unknown ──► paid | declined (also a manager's resolution)
 *   paid | partly_refunded ──► refunding ──► refunded (nothing left) | partly_refunded | refund_failed;
 *   refund_failed ──► refunding (the same refund again, or another once the bank shows it did not happen) |
 *   refunded | partly_refunded (the bank's refunded amount shows it went through; refunds.ts)
 *   refunded ──► refunding only for journals of before partly_refunded, where a partial refund was `refunded`
 */
import type { Payment, PaymentState } from '../../shared/domain';
import { KassaError } from '../kernel/errors';

export const TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  created: ['requesting', 'paid', 'cancelled', 'declined'],
  requesting: ['awaiting_customer', 'paid', 'declined', 'unknown'],
  awaiting_customer: ['paid', 'declined', 'cancelled', 'expired', 'unknown'],
  unknown: ['awaiting_customer', 'paid', 'declined', 'cancelled', 'expired', 'abandoned'],
  paid: ['refunding'],
  declined: [],
  cancelled: [],
  expired: [],
  abandoned: [],
  refunding: ['refunded', 'partly_refunded', 'refund_failed'],
  refunded: ['refunding'],
  partly_refunded: ['refunding'],
  refund_failed: ['refunding', 'refunded', 'partly_refunded'],
};

export function canTransition(from: PaymentState, to: PaymentState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Fields a transition may change; identity (id, sale, attempt, key, method, amount) never changes. */
export type PaymentPatch = Partial<
  Omit<Payment, 'id' | 'saleId' | 'attempt' | 'idempotencyKey' | 'method' | 'amount' | 'state' | 'createdAt'>
>;

export function transition(
  payment: Payment,
  to: PaymentState,
  at: number,
  patch: PaymentPatch = {},
): Payment {
  if (!canTransition(payment.state, to)) {
    throw new KassaError('state.conflict', `Payment ${payment.id} cannot go from ${payment.state} to ${to}.`);
  }
  const next: Payment = { ...payment, ...patch, state: to, updatedAt: at };
  // An empty reason clears the earlier one (a confirmed retry drops "refund not confirmed …").
  if (patch.reason === '') {
    delete next.reason;
  }
  return next;
}
