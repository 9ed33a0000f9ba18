/**
 * What a restart does with a payment the journal left open, as a pure decision. A start is never sent again:
 * `requesting` is journaled before the provider is called, so a payment still `created` was never sent, and
 * one in `requesting` may have reached the provider and is asked about.
 */
import type { Payment } from '../../shared/domain';
import type { Move } from './outcomes';

export type RecoveryStep =
  /** Settled meanwhile: nothing to do. */
  | { kind: 'settled' }
  /** Settled without asking anyone. */
  | { kind: 'move'; move: Move }
  /** Ask the provider for its status, after journaling `first` when given. */
  | { kind: 'check'; first?: Move }
  /** A refund was cut off: settle it from the bank's refunded amount (refund-flow.ts). */
  | { kind: 'settle-refund' };

export function recoveryStep(payment: Payment, now: number): RecoveryStep {
  switch (payment.state) {
    case 'created':
      return {
        kind: 'move',
        move: { to: 'cancelled', patch: { reason: 'Interrupted before it was sent to the bank.' } },
      };
    case 'requesting':
      return {
        kind: 'check',
        first: {
          to: 'unknown',
          patch: {
            reason: 'Interrupted while the request was being sent; asking the bank.',
            waitingSince: now,
            // The probes count from when the request was sent, not from the restart (probe-policy.ts).
            startLostAt: payment.updatedAt,
          },
        },
      };
    case 'awaiting_customer':
    case 'unknown':
      return { kind: 'check' };
    case 'refunding':
      return { kind: 'settle-refund' };
    case 'paid':
    case 'declined':
    case 'cancelled':
    case 'expired':
    case 'abandoned':
    case 'refunded':
    case 'partly_refunded':
    case 'refund_failed':
      return { kind: 'settled' };
  }
}
