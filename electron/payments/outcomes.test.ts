import { describe, expect, it } from 'vitest';
import { SECOND } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import { ProviderError } from '../providers/errors';
import { paymentIn, T0 } from './testing/sample-payment';
import {
  afterCancel,
  afterStartAccepted,
  afterStartFailed,
  afterStatus,
  isDefinitiveRefusal,
} from './outcomes';

const payment = paymentIn;

const providerError = (kind: ProviderError['kind'], mayHaveReachedProvider?: boolean): ProviderError =>
  new ProviderError({
    provider: 'socialpay',
    kind,
    message: kind,
    ...(mayHaveReachedProvider === undefined ? {} : { mayHaveReachedProvider }),
  });

describe('start outcomes', () => {
  it('a local refusal, a refusal by the bank and a request that never left are definitive', () => {
    expect(isDefinitiveRefusal(new KassaError('validation', 'bad phone'))).toBe(true);
    expect(isDefinitiveRefusal(providerError('rejected'))).toBe(true);
    expect(isDefinitiveRefusal(providerError('auth'))).toBe(true);
    expect(isDefinitiveRefusal(providerError('network', false))).toBe(true);
    expect(isDefinitiveRefusal(providerError('timeout', true))).toBe(false);
    expect(isDefinitiveRefusal(new Error('socket hang up'))).toBe(false);
  });

  it('a failed start is declined with the reason, or unknown and waiting from now', () => {
    expect(afterStartFailed(providerError('rejected'), T0)).toEqual({
      to: 'declined',
      patch: { reason: 'rejected' },
    });
    expect(afterStartFailed(providerError('timeout', true), T0)).toEqual({
      to: 'unknown',
      patch: {
        reason: expect.stringMatching(/same reference/) as string,
        waitingSince: T0,
        startLostAt: T0,
      },
    });
  });

  it('an accepted start waits for the customer until the provider’s expiry, or the default one', () => {
    expect(afterStartAccepted({ providerRef: 'r1', qr: 'q' }, T0, 10_000)).toEqual({
      to: 'awaiting_customer',
      patch: { providerRef: 'r1', qr: 'q', expiresAt: T0 + 10_000, waitingSince: T0 },
    });
    expect(afterStartAccepted({ providerRef: 'r1', expiresAt: T0 + 5 }, T0, 10_000).patch.expiresAt).toBe(
      T0 + 5,
    );
  });
});

describe('afterStatus', () => {
  const timing = T0 + 10 * SECOND;
  const waiting = payment('awaiting_customer', { expiresAt: T0 + 60 * SECOND });

  it('paid, declined, cancelled and expired answers settle the payment', () => {
    expect(afterStatus(waiting, { status: 'paid' }, timing)).toEqual({
      kind: 'move',
      move: { to: 'paid', patch: {} },
    });
    expect(afterStatus(waiting, { status: 'declined' }, timing)).toEqual({
      kind: 'move',
      move: { to: 'declined', patch: { reason: 'Declined by the bank.' } },
    });
    expect(afterStatus(waiting, { status: 'cancelled', reason: 'by customer' }, timing)).toEqual({
      kind: 'move',
      move: { to: 'cancelled', patch: { reason: 'by customer' } },
    });
    expect(afterStatus(waiting, { status: 'expired' }, timing)).toEqual({
      kind: 'move',
      move: { to: 'expired', patch: {} },
    });
  });

  it('pending waits, expires past expiresAt, and first revives an unknown payment', () => {
    expect(afterStatus(waiting, { status: 'pending' }, timing)).toEqual({ kind: 'wait', revive: false });
    expect(afterStatus(waiting, { status: 'pending' }, T0 + 60 * SECOND)).toEqual({
      kind: 'expire',
      revive: false,
    });
    expect(afterStatus(payment('unknown'), { status: 'pending' }, timing)).toEqual({
      kind: 'wait',
      revive: true,
    });
  });

  it('not_found never settles a payment by itself (a lost start is probe-policy.ts); past expiry it expires', () => {
    expect(afterStatus(payment('unknown'), { status: 'not_found' }, T0 + 60 * SECOND)).toEqual({
      kind: 'wait',
      revive: false,
    });
    expect(afterStatus(waiting, { status: 'not_found' }, T0 + 60 * SECOND)).toEqual({
      kind: 'expire',
      revive: false,
    });
  });

  it('an unreadable status keeps waiting, except past expiry it is unknown', () => {
    expect(afterStatus(waiting, undefined, timing)).toEqual({ kind: 'wait', revive: false });
    expect(afterStatus(waiting, undefined, T0 + 60 * SECOND)).toMatchObject({
      kind: 'move',
      move: { to: 'unknown' },
    });
    expect(afterStatus(payment('unknown', { expiresAt: T0 }), undefined, timing)).toEqual({
      kind: 'wait',
      revive: false,
    });
  });
});

describe('afterCancel', () => {
  it('the status decides: paid stays paid; otherwise cancelled, saying whether the bank withdrew it', () => {
    expect(afterCancel({ status: 'paid' }, true)).toEqual({ to: 'paid', patch: {} });
    expect(afterCancel({ status: 'pending' }, true)).toEqual({
      to: 'cancelled',
      patch: { reason: 'Cancelled by the cashier.' },
    });
    expect(afterCancel(undefined, true).to).toBe('cancelled');
    expect(afterCancel({ status: 'pending' }, false).patch.reason).toMatch(/stays open until it expires/);
  });

  it('a provider that cannot withdraw must at least confirm the payment is unpaid', () => {
    expect(() => afterCancel(undefined, false)).toThrow(
      expect.objectContaining({ code: 'provider.network' }) as Error,
    );
  });

  it('a QR from a start without an answer was never shown: cancelled without the bank', () => {
    expect(afterCancel(undefined, false, true).to).toBe('cancelled');
  });
});
