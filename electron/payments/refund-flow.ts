/**
 * The refund of a payment, step by step around the provider (docs/architecture.md §8.2); the decisions are
 * the pure functions of refunds.ts. Runs inside the payment's serial queue (engine.ts), so nothing else
 * interleaves with it.
 *  1. A refund whose outcome is unknown is settled first by reading what the bank has refunded: if it went
 *     through, that is journaled and nothing is sent again.
 *  2. `refunding` is journaled before the provider is asked; the refund's key is the same on every retry.
 *  3. The answer: confirmed → refunded / partly_refunded; refused → refund_failed (refused, nothing moved);
 *     anything else → refund_failed (unknown, settled by step 1 next time).
 */
import type { Payment } from '../../shared/domain';
import { money } from '../../shared/money';
import { errorText } from '../kernel/error-text';
import { KassaError } from '../kernel/errors';
import { isProviderError } from '../providers/errors';
import type { Move } from './outcomes';
import { paymentRefOf, type PaymentProvider } from './provider';
import {
  interruptedThenSettled,
  planRefund,
  refundAmount,
  refundConfirmed,
  refundNotConfirmed,
  settleFromBank,
  unsettledRefund,
} from './refunds';

export interface RefundFlowDeps {
  now(): number;
  move(payment: Payment, move: Move): Promise<Payment>;
}

/** Whether a failed refund call certainly moved no money (the provider said no, or it never got there). */
function refused(error: unknown): boolean {
  if (isProviderError(error)) {
    return error.kind === 'rejected' || !error.mayHaveReachedProvider;
  }
  return error instanceof KassaError;
}

export async function runRefund(
  deps: RefundFlowDeps,
  payment: Payment,
  provider: PaymentProvider | undefined,
  amountMinor: number | undefined,
): Promise<Payment> {
  let bankChecked = false;
  if (unsettledRefund(payment) && provider?.refundedAmount) {
    const settled = settleFromBank(payment, await provider.refundedAmount(paymentRefOf(payment)));
    if (settled) {
      return deps.move(payment, settled);
    }
    bankChecked = true;
  }
  const amount = refundAmount(payment, amountMinor);
  const plan = planRefund(payment, amount, provider, deps.now(), bankChecked);
  const refunding = await deps.move(payment, plan.refunding);
  try {
    await provider?.refund(
      paymentRefOf(payment),
      money(plan.amount, payment.amount.currency),
      plan.refundKey,
    );
  } catch (error) {
    return deps.move(refunding, refundNotConfirmed(refunding, plan, errorText(error), refused(error)));
  }
  return deps.move(refunding, refundConfirmed(refunding, plan));
}

/**
 * A refund found in `refunding` after a restart: the bank's refunded amount settles it where the provider can
 * tell; otherwise (or when the bank cannot be read now) it becomes refund_failed (unknown) and the next refund
 * call settles it.
 */
export async function settleInterruptedRefund(
  deps: RefundFlowDeps,
  payment: Payment,
  provider: PaymentProvider | undefined,
  onReadFailed: (error: unknown) => void,
): Promise<Payment> {
  let bankRefunded: number | undefined;
  if (provider?.refundedAmount) {
    try {
      bankRefunded = await provider.refundedAmount(paymentRefOf(payment));
    } catch (error) {
      onReadFailed(error);
    }
  }
  return deps.move(payment, interruptedThenSettled(payment, bankRefunded));
}
