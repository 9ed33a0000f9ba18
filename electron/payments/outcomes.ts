/**
 * What a provider's answer (or its silence) means for a payment, as pure functions: each returns the
 * transition to make, and the engine journals it before anything else happens (docs/architecture.md, "Sales,
 * payments and the journal").
 *
 * - A start that may have reached the provider but gave no answer is `unknown` with `startLostAt`, settled by
 *   the bounded probes of probe-policy.ts; a start that certainly did not reach it (the token endpoint failed,
 *   the connection was refused), or that it refused, is `declined` (docs/payment-outcomes.md).
 */
import type { Payment, PaymentState } from '../../shared/domain';
import { errorText } from '../kernel/error-text';
import { KassaError } from '../kernel/errors';
import { isProviderError } from '../providers/errors';
import type { StartResult, StatusResult } from './provider';
import type { PaymentPatch } from './state-machine';

/** One transition to make: the state to go to and the fields that change with it. */
export interface Move {
  to: PaymentState;
  patch: PaymentPatch;
}

/**
 * States in which the engine waits for the customer or for the provider's answer, asking by status queries.
 */
export const WAITING_STATES: readonly PaymentState[] = ['awaiting_customer', 'unknown'];

export function isWaiting(state: PaymentState): boolean {
  return WAITING_STATES.includes(state);
}

/** The provider answered "no" (or the request never left): the attempt is over and a retry is a new one. */
export function isDefinitiveRefusal(error: unknown): boolean {
  // A KassaError from a provider client is a local refusal (bad input, missing secret, locked vault): it was
  // raised before anything was sent, so the bank cannot have this payment.
  if (error instanceof KassaError) {
    return true;
  }
  if (!isProviderError(error)) {
    return false;
  }
  return !error.mayHaveReachedProvider || error.kind === 'rejected' || error.kind === 'auth';
}

/** The provider's start threw: declined when it certainly has no payment, otherwise unknown. */
export function afterStartFailed(error: unknown, now: number): Move {
  if (isDefinitiveRefusal(error)) {
    return { to: 'declined', patch: { reason: errorText(error) } };
  }
  return {
    to: 'unknown',
    patch: {
      reason: `No answer from the bank (${errorText(error)}); checking with the same reference.`,
      waitingSince: now,
      startLostAt: now,
    },
  };
}

/** The provider took the start: the customer now pays (QR, deeplink, invoice) until it expires. */
export function afterStartAccepted(result: StartResult, now: number, defaultExpiryMs: number): Move {
  return {
    to: 'awaiting_customer',
    patch: {
      providerRef: result.providerRef,
      ...(result.qr !== undefined ? { qr: result.qr } : {}),
      ...(result.deeplink !== undefined ? { deeplink: result.deeplink } : {}),
      expiresAt: result.expiresAt ?? now + defaultExpiryMs,
      waitingSince: now,
    },
  };
}

/**
 * What to do after a status query of a waiting payment:
 * - `move`: the answer settles the payment (or, past expiry with no answer, makes it unknown);
 * - `wait`: ask again at the next poll; `expire`: withdraw the invoice and expire the payment.
 * `revive` first moves an `unknown` payment the provider reports as pending back to `awaiting_customer`.
 */
export type StatusStep = { kind: 'move'; move: Move } | { kind: 'wait' | 'expire'; revive: boolean };

/**
 * `status` is undefined when the provider could not be asked. A lost start's `not_found` and silence are
 * decided by probe-policy.ts before this is asked.
 */
export function afterStatus(payment: Payment, status: StatusResult | undefined, now: number): StatusStep {
  const expired = payment.expiresAt !== undefined && now >= payment.expiresAt;
  if (!status) {
    // The outcome cannot be read. While the QR is still valid keep waiting; past its expiry say so.
    return expired && payment.state === 'awaiting_customer'
      ? moveTo('unknown', { reason: 'The payment expired but the bank could not be asked; still checking.' })
      : { kind: 'wait', revive: false };
  }
  switch (status.status) {
    case 'paid':
      return moveTo('paid', {});
    case 'declined':
      return moveTo('declined', { reason: status.reason ?? 'Declined by the bank.' });
    case 'cancelled':
      return moveTo('cancelled', { reason: status.reason ?? 'Cancelled at the bank.' });
    case 'expired':
      return moveTo('expired', {});
    case 'not_found':
      return { kind: expired ? 'expire' : 'wait', revive: false };
    case 'pending':
      return { kind: expired ? 'expire' : 'wait', revive: payment.state === 'unknown' };
  }
}

/** The customer did not pay before the payment's expiry. */
export const EXPIRED_UNPAID: Move = { to: 'expired', patch: { reason: 'The customer did not pay in time.' } };

/**
 * After the cashier cancelled a waiting payment and the provider was asked for its status (`status`
 * undefined: it could not be asked). The status decides, whatever the cancel call said: the customer may have
 * paid a moment ago. `withdrawn`: the provider confirmed it withdrew the invoice. Without a status, only a
 * confirmed withdrawal — or a QR the customer never saw (a lost start, probe-policy.ts) — lets it be cancelled.
 */
export function afterCancel(status: StatusResult | undefined, withdrawn: boolean, neverShown = false): Move {
  if (status?.status === 'paid') {
    return { to: 'paid', patch: {} };
  }
  if (!status && !withdrawn && !neverShown) {
    throw new KassaError(
      'provider.network',
      'The bank could not be reached to confirm the payment is unpaid; try again.',
    );
  }
  return {
    to: 'cancelled',
    patch: {
      reason: withdrawn
        ? 'Cancelled by the cashier.'
        : 'Cancelled at the till; the bank invoice stays open until it expires.',
    },
  };
}

function moveTo(to: PaymentState, patch: PaymentPatch): StatusStep {
  return { kind: 'move', move: { to, patch } };
}
