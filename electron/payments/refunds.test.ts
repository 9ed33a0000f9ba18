import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from './provider';
import {
  interruptedThenSettled,
  planRefund,
  refundAmount,
  refundConfirmed,
  refundInterrupted,
  refundNotConfirmed,
  settleFromBank,
  unsettledRefund,
} from './refunds';
import { paymentIn, T0 } from './testing/sample-payment';

const bank = (refund: boolean, partialRefund: boolean) => ({
  displayName: 'Bank',
  capabilities: { ...NO_CAPABILITIES, refund, partialRefund },
});

describe('refunds', () => {
  it('refunds what is left by default, between 1 and what is left, of a paid payment only', () => {
    expect(refundAmount(paymentIn('paid'), undefined)).toBe(1000);
    expect(refundAmount(paymentIn('refunded', { refundedAmount: 400 }), undefined)).toBe(600);
    expect(() => refundAmount(paymentIn('paid'), 1001)).toThrow(
      expect.objectContaining({ code: 'validation' }) as Error,
    );
    expect(() => refundAmount(paymentIn('paid'), 0)).toThrow(
      expect.objectContaining({ code: 'validation' }) as Error,
    );
    expect(() => refundAmount(paymentIn('awaiting_customer'), 1)).toThrow(
      expect.objectContaining({ code: 'state.conflict' }) as Error,
    );
    expect(() => refundAmount(paymentIn('refunded', { refundedAmount: 1000 }), undefined)).toThrow(
      expect.objectContaining({ code: 'state.conflict' }) as Error,
    );
  });

  it('plans the next refund with its own id and key; a provider must support it (partial too)', () => {
    const paid = paymentIn('paid', {
      refunds: [{ id: 'p1-r1', amount: 100, state: 'refund_failed', at: T0, outcome: 'refused' }],
    });
    const plan = planRefund(paid, 300, bank(true, true), T0 + 1);
    expect(plan).toEqual({
      amount: 300,
      refundId: 'p1-r2',
      refundKey: 'S1A1R2',
      refunding: {
        to: 'refunding',
        patch: { refunds: [...paid.refunds, { id: 'p1-r2', amount: 300, state: 'refunding', at: T0 + 1 }] },
      },
    });
    expect(planRefund(paid, 300, undefined, T0).refundKey).toBe('S1A1R2'); // cash
    expect(() => planRefund(paid, 300, bank(true, false), T0)).toThrow(/does not support/);
    expect(() => planRefund(paid, 1000, bank(false, false), T0)).toThrow(/does not support/);
    expect(planRefund(paid, 1000, bank(true, false), T0).amount).toBe(1000);
  });

  it('settles the planned refund: confirmed adds to the refunded amount, not confirmed says why', () => {
    const plan = planRefund(paymentIn('paid', { refundedAmount: 0 }), 250, undefined, T0);
    const refunding = paymentIn('refunding', {
      refunds: [{ id: 'p1-r1', amount: 250, state: 'refunding', at: T0 }],
    });
    expect(refundConfirmed(refunding, plan)).toEqual({
      to: 'partly_refunded',
      patch: {
        refunds: [{ id: 'p1-r1', amount: 250, state: 'refunded', at: T0 }],
        refundedAmount: 250,
        reason: '',
      },
    });
    const failed = refundNotConfirmed(refunding, plan, 'too late', false);
    expect(failed.to).toBe('refund_failed');
    expect(failed.patch.refunds).toEqual([
      { id: 'p1-r1', amount: 250, state: 'refund_failed', at: T0, reason: 'too late', outcome: 'unknown' },
    ]);
    expect(failed.patch.reason).toMatch(/^Refund not confirmed: too late\./);
    expect(refundInterrupted(refunding).patch.refunds?.[0]).toMatchObject({
      state: 'refund_failed',
      reason: 'interrupted by a restart',
    });
  });

  describe('a refund whose outcome is unknown', () => {
    const lost = paymentIn('refund_failed', {
      refunds: [{ id: 'p1-r1', amount: 300, state: 'refund_failed', at: T0, outcome: 'unknown' }],
      reason: 'Refund not confirmed: timeout.',
    });

    it('blocks any other refund until the bank was read; the same refund keeps its id and key', () => {
      expect(unsettledRefund(lost)?.id).toBe('p1-r1');
      expect(refundAmount(lost, undefined)).toBe(300);
      expect(() => planRefund(lost, 500, bank(true, true), T0)).toThrow(
        expect.objectContaining({ code: 'refund.unsettled' }) as Error,
      );
      const again = planRefund(lost, 300, bank(true, true), T0 + 5);
      expect(again).toMatchObject({ refundId: 'p1-r1', refundKey: 'S1A1R1', amount: 300 });
      expect(again.refunding.patch.refunds).toEqual([
        { id: 'p1-r1', amount: 300, state: 'refunding', at: T0 + 5 },
      ]);
    });

    it('once the bank shows it did not happen, another amount is a new refund and the old one is refused', () => {
      const other = planRefund(lost, 500, bank(true, true), T0 + 5, true);
      expect(other).toMatchObject({ refundId: 'p1-r2', refundKey: 'S1A1R2', amount: 500 });
      expect(other.refunding.patch.refunds?.[0]).toMatchObject({ id: 'p1-r1', outcome: 'refused' });
    });

    it('the bank’s refunded amount settles it without a second call: partly or fully refunded', () => {
      expect(settleFromBank(lost, 0)).toBeUndefined();
      expect(settleFromBank(lost, 300)).toMatchObject({
        to: 'partly_refunded',
        patch: { refundedAmount: 300, refunds: [{ id: 'p1-r1', amount: 300, state: 'refunded' }] },
      });
      // The bank refunded more than the till asked: the till records what the bank says.
      expect(settleFromBank(lost, 1000)).toMatchObject({
        to: 'refunded',
        patch: {
          refundedAmount: 1000,
          refunds: [{ amount: 1000, reason: 'the bank refunded 1000, not 300' }],
        },
      });
      expect(settleFromBank(paymentIn('paid'), 300)).toBeUndefined();
    });

    it('a refused refund is settled: nothing blocks the next one', () => {
      const refused = paymentIn('refund_failed', {
        refunds: [{ id: 'p1-r1', amount: 300, state: 'refund_failed', at: T0, outcome: 'refused' }],
      });
      expect(unsettledRefund(refused)).toBeUndefined();
      expect(planRefund(refused, 500, bank(true, true), T0).refundId).toBe('p1-r2');
    });

    it('after a restart: settled from the bank when it could be read, else refund_failed (unknown)', () => {
      const cut = paymentIn('refunding', {
        refunds: [{ id: 'p1-r1', amount: 300, state: 'refunding', at: T0 }],
      });
      expect(interruptedThenSettled(cut, 300)).toMatchObject({
        to: 'partly_refunded',
        patch: { refundedAmount: 300 },
      });
      expect(interruptedThenSettled(cut, 0)).toMatchObject({ to: 'refund_failed' });
      expect(interruptedThenSettled(cut, undefined).patch.refunds?.[0]).toMatchObject({ outcome: 'unknown' });
    });
  });
});
