/**
 * Payment attempts as pure steps: the record of a new attempt (its key derived from the sale and the attempt
 * number, keys.ts), what the provider is sent, cash settled on the spot, and what a retry asks for.
 */
import type { Payment, PaymentMethod, PaymentState } from '../../shared/domain';
import type { Money } from '../../shared/money';
import { KassaError } from '../kernel/errors';
import { idempotencyKeyFor } from './keys';
import type { Move } from './outcomes';
import type { StartRequest } from './provider';

export interface StartPaymentRequest {
  saleId: string;
  method: PaymentMethod;
  amount: Money;
  description: string;
  phone?: string;
  lines?: StartRequest['lines'];
  /** Cash: what the customer handed over (minor units, ≥ amount). */
  tendered?: number;
}

/** States after which the customer did not pay and a new attempt may be made. */
export const RETRYABLE_STATES: readonly PaymentState[] = ['declined', 'cancelled', 'expired', 'abandoned'];

/** Refuses cash that does not cover the amount. */
export function checkTendered(request: StartPaymentRequest): void {
  if (
    request.method === 'cash' &&
    request.tendered !== undefined &&
    request.tendered < request.amount.amount
  ) {
    throw new KassaError('validation', 'The cash handed over is less than the amount to pay.');
  }
}

/** Attempt `attempt` (1 for a sale's first) of the request, in `created`. */
export function newAttempt(request: StartPaymentRequest, id: string, attempt: number, now: number): Payment {
  return {
    id,
    saleId: request.saleId,
    attempt,
    method: request.method,
    amount: request.amount,
    state: 'created',
    idempotencyKey: idempotencyKeyFor(request.saleId, attempt),
    description: request.description,
    createdAt: now,
    updatedAt: now,
    refundedAmount: 0,
    refunds: [],
  };
}

/** Cash is paid as soon as it is recorded; the change is what was handed over beyond the amount. */
export function cashPaid(created: Payment, request: StartPaymentRequest): Move {
  const tendered = request.tendered ?? created.amount.amount;
  return { to: 'paid', patch: { cash: { tendered, change: tendered - created.amount.amount } } };
}

/** What the provider's start is sent for an attempt: always the attempt's own key and amount. */
export function startRequestFor(requesting: Payment, request: StartPaymentRequest): StartRequest {
  return {
    method: request.method,
    idempotencyKey: requesting.idempotencyKey,
    amount: requesting.amount,
    description: request.description,
    ...(request.phone !== undefined ? { phone: request.phone } : {}),
    ...(request.lines !== undefined ? { lines: request.lines } : {}),
  };
}

/**
 * The request of a new attempt like `previous`, which must be over without the customer paying. `remembered`
 * is the request that started it, when this run still has it; otherwise the same method and amount.
 */
export function retryRequestFor(
  previous: Payment,
  remembered: StartPaymentRequest | undefined,
): StartPaymentRequest {
  if (!RETRYABLE_STATES.includes(previous.state)) {
    throw new KassaError(
      'state.conflict',
      `Only a declined, cancelled, expired or abandoned payment can be tried again (this one is ${previous.state}).`,
    );
  }
  return (
    remembered ?? {
      saleId: previous.saleId,
      method: previous.method,
      amount: previous.amount,
      description: previous.description ?? `Sale ${previous.saleId}`,
    }
  );
}
