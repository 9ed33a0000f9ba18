/**
 * A start without a usable answer (docs/payment-outcomes.md): the payment is `unknown` with `startLostAt`, and
 * the engine asks the provider about it a few times, with back-off, by the merchant reference (or, where the
 * API documents it, by re-sending the same start under the same idempotency key). Pure decisions only; the
 * status check (status-check.ts) asks and journals.
 *
 * - at most three probes per failed start, 5 s, 20 s and 60 s after it (never one a second);
 * - `not_found` is believed from 20 s on (before that the request may still be on its way);
 * - a QR or link the customer never saw cannot be paid: when the bank has no such payment, or still cannot be
 *   asked after the last probe, the attempt is `abandoned` and the cashier can start again;
 * - a phone invoice or a microloan reaches the customer without the till: only the bank's answer resolves it,
 *   so after the last probe it stays `unknown` (the cashier's "check" asks again; a manager resolves it).
 */
import type { Payment, PaymentMethod } from '../../shared/domain';
import { SECOND } from '../kernel/clock';
import type { Move, StatusStep } from './outcomes';
import type { StatusResult } from './provider';

/** How long after the failed start each probe is made. */
export const START_PROBE_AGES: readonly number[] = [5 * SECOND, 20 * SECOND, 60 * SECOND];

/** From when on a `not_found` answer is believed. */
export const NOT_FOUND_BELIEVED_AFTER = 20 * SECOND;

/** Methods whose invoice reaches the customer without the till (a phone invoice, a loan application). */
export function reachesCustomerWithoutTill(method: PaymentMethod): boolean {
  return method === 'socialpay.phone' || method === 'baas.microloan';
}

/** Whether the payment is a start without an answer that the probes are still about. */
export function isLostStart(payment: Payment): payment is Payment & { startLostAt: number } {
  return payment.state === 'unknown' && payment.startLostAt !== undefined;
}

/** How long until the next probe of a lost start; undefined when every probe has been made. */
export function nextProbeDelay(payment: Payment & { startLostAt: number }, now: number): number | undefined {
  const age = now - payment.startLostAt;
  const next = START_PROBE_AGES.find((at) => at > age);
  return next === undefined ? undefined : next - age;
}

/** The attempt is closed: nothing can be paid on it, the cashier can start again. */
export function abandon(reason: string): Move {
  return { to: 'abandoned', patch: { reason } };
}

/**
 * What one probe's answer (`status` undefined: the provider could not be asked) means for a lost start.
 * Settled answers (paid, declined …) are handled by the caller as for any waiting payment.
 */
export function afterProbe(
  payment: Payment & { startLostAt: number },
  status: StatusResult | undefined,
  now: number,
): StatusStep | undefined {
  const age = now - payment.startLostAt;
  const lastProbeDone = age >= (START_PROBE_AGES.at(-1) ?? 0);
  if (status?.status === 'not_found') {
    if (age < NOT_FOUND_BELIEVED_AFTER) {
      return { kind: 'wait', revive: false };
    }
    return {
      kind: 'move',
      move: abandon('The bank never received this request; nothing was charged. Start the payment again.'),
    };
  }
  if (status !== undefined) {
    return undefined;
  }
  if (!lastProbeDone || reachesCustomerWithoutTill(payment.method)) {
    // A phone invoice / loan may exist and be paid without the till: only the bank's answer settles it.
    return { kind: 'wait', revive: false };
  }
  return {
    kind: 'move',
    move: abandon(
      'The bank could not confirm this request and the customer never saw its QR, so it cannot be paid. Start again.',
    ),
  };
}
