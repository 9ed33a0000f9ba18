import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from './provider';
import { planRefund, refundAmount, refundConfirmed, refundInterrupted, refundNotConfirmed } from './refunds';
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
      refunds: [{ id: 'p1-r1', amount: 100, state: 'refund_failed', at: T0 }],
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
      to: 'refunded',
      patch: { refunds: [{ id: 'p1-r1', amount: 250, state: 'refunded', at: T0 }], refundedAmount: 250 },
    });
    const failed = refundNotConfirmed(refunding, plan, 'too late');
    expect(failed.to).toBe('refund_failed');
    expect(failed.patch.refunds).toEqual([
      { id: 'p1-r1', amount: 250, state: 'refund_failed', at: T0, reason: 'too late' },
    ]);
    expect(failed.patch.reason).toMatch(/^Refund not confirmed: too late\./);
    expect(refundInterrupted(refunding).patch.refunds?.[0]).toMatchObject({
      state: 'refund_failed',
      reason: 'interrupted by a restart',
    });
  });
});
