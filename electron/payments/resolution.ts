/**
 * A manager settles a payment that cannot settle by itself (docs/payment-outcomes.md, "Manager resolution"):
 * paid, with the approval code the bank's merchant portal shows, or failed; always with a reason. Pure: the
 * engine journals the move — the payment's state, its `resolution` and what the sale becomes — in one command.
 */
import type { Payment, PaymentResolution } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { Move } from './outcomes';

/** States a payment can be stuck in: its outcome is not known and nothing else will settle it for sure. */
export const RESOLVABLE_STATES: readonly Payment['state'][] = [
  'created',
  'requesting',
  'awaiting_customer',
  'unknown',
];

export interface ResolutionInput {
  outcome: 'paid' | 'failed';
  approvalCode?: string | undefined;
  reason: string;
}

export function resolutionMove(payment: Payment, input: ResolutionInput, by: string, at: number): Move {
  if (!RESOLVABLE_STATES.includes(payment.state)) {
    throw new KassaError('state.conflict', `A ${payment.state} payment is settled already.`);
  }
  if (payment.method === 'cash') {
    throw new KassaError('state.conflict', 'A cash payment settles when it is recorded.');
  }
  const approvalCode = input.approvalCode?.trim();
  if (input.outcome === 'paid' && (approvalCode === undefined || approvalCode === '')) {
    throw new KassaError('validation', "Paid needs the approval code from the bank's portal.", {
      issues: [{ path: 'approvalCode', message: "the approval code from the bank's portal" }],
    });
  }
  const resolution: PaymentResolution = {
    by,
    at,
    outcome: input.outcome,
    ...(input.outcome === 'paid' && approvalCode !== undefined ? { approvalCode } : {}),
    reason: input.reason.trim(),
  };
  const text = `Resolved by ${by}: ${resolution.reason}`.slice(0, 300);
  return input.outcome === 'paid'
    ? { to: 'paid', patch: { resolution, reason: text } }
    : { to: 'declined', patch: { resolution, reason: text } };
}
