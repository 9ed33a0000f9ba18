import { describe, expect, it } from 'vitest';
import { FINAL_PAYMENT_STATES } from '../../shared/domain';
import { SECOND } from '../kernel/clock';
import { defaultPollPolicy } from './poll-policy';
import { nextPollDelay } from './poller';
import { recoveryStep } from './recovery';
import { paymentIn, T0 } from './testing/sample-payment';

describe('recoveryStep', () => {
  it('never re-sends: created is cancelled, requesting becomes unknown and is asked about', () => {
    expect(recoveryStep(paymentIn('created'), T0)).toMatchObject({ kind: 'move', move: { to: 'cancelled' } });
    expect(recoveryStep(paymentIn('requesting'), T0 + 5)).toMatchObject({
      kind: 'check',
      first: { to: 'unknown', patch: { waitingSince: T0 + 5 } },
    });
  });

  it('waiting payments are asked about; an interrupted refund is settled from the bank; settled ones are left', () => {
    expect(recoveryStep(paymentIn('awaiting_customer'), T0)).toEqual({ kind: 'check' });
    expect(recoveryStep(paymentIn('unknown'), T0)).toEqual({ kind: 'check' });
    expect(recoveryStep(paymentIn('refunding'), T0)).toEqual({ kind: 'settle-refund' });
    for (const state of FINAL_PAYMENT_STATES) {
      expect(recoveryStep(paymentIn(state), T0)).toEqual({ kind: 'settled' });
    }
  });
});

describe('nextPollDelay', () => {
  it('follows the policy from when waiting began, never past an awaiting payment’s expiry', () => {
    const waiting = paymentIn('awaiting_customer', { waitingSince: T0, expiresAt: T0 + 100 * SECOND });
    expect(nextPollDelay(waiting, T0, defaultPollPolicy)).toBe(1 * SECOND);
    expect(nextPollDelay(waiting, T0 + 40 * SECOND, defaultPollPolicy)).toBe(3 * SECOND);
    expect(nextPollDelay(waiting, T0 + 99 * SECOND, defaultPollPolicy)).toBe(1 * SECOND);
    expect(nextPollDelay(waiting, T0 + 101 * SECOND, defaultPollPolicy)).toBe(0);
    // An unknown payment is asked about at the policy's pace even past its expiry.
    const unknown = paymentIn('unknown', { expiresAt: T0 });
    expect(nextPollDelay(unknown, T0 + 200 * SECOND, defaultPollPolicy)).toBe(10 * SECOND);
  });
});
