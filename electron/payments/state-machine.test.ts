import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES, type Payment, type PaymentState } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { TRANSITIONS, canTransition, transition } from './state-machine';

/** The legal moves, written out independently of the table so a typo in either fails the test. */
const LEGAL = new Set([
  'created>requesting',
  'created>paid',
  'created>cancelled',
  'created>declined',
  'requesting>awaiting_customer',
  'requesting>paid',
  'requesting>declined',
  'requesting>unknown',
  'awaiting_customer>paid',
  'awaiting_customer>declined',
  'awaiting_customer>cancelled',
  'awaiting_customer>expired',
  'awaiting_customer>unknown',
  'unknown>awaiting_customer',
  'unknown>paid',
  'unknown>declined',
  'unknown>cancelled',
  'unknown>expired',
  'unknown>abandoned',
  'paid>refunding',
  'refunding>refunded',
  'refunding>refund_failed',
  'refunding>partly_refunded',
  'refunded>refunding',
  'partly_refunded>refunding',
  'refund_failed>refunding',
  'refund_failed>refunded',
  'refund_failed>partly_refunded',
]);

function payment(state: PaymentState): Payment {
  return {
    id: 'p1',
    saleId: 'S1',
    attempt: 1,
    method: 'socialpay.qr',
    amount: { amount: 100, currency: 'MNT' },
    state,
    idempotencyKey: 'S1A1',
    createdAt: 1,
    updatedAt: 1,
    refundedAmount: 0,
    refunds: [],
  };
}

describe('payment state machine', () => {
  const pairs = PAYMENT_STATES.flatMap((from) => PAYMENT_STATES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s follows the table', (from, to) => {
    const legal = LEGAL.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(legal);
    if (legal) {
      const next = transition(payment(from), to, 42, { reason: 'x' });
      expect(next).toMatchObject({ state: to, updatedAt: 42, reason: 'x', id: 'p1', idempotencyKey: 'S1A1' });
    } else {
      expect(() => transition(payment(from), to, 42)).toThrow(KassaError);
      try {
        transition(payment(from), to, 42);
      } catch (error) {
        expect((error as KassaError).code).toBe('state.conflict');
      }
    }
  });

  it('has no exits from declined, cancelled, expired, abandoned', () => {
    expect(TRANSITIONS.abandoned).toEqual([]);
    expect(TRANSITIONS.declined).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
    expect(TRANSITIONS.expired).toEqual([]);
  });

  it('never lets unknown go back to requesting (no re-send)', () => {
    expect(canTransition('unknown', 'requesting')).toBe(false);
    expect(canTransition('awaiting_customer', 'requesting')).toBe(false);
  });
});
