import { describe, expect, it } from 'vitest';
import { SECOND } from '../kernel/clock';
import {
  afterProbe,
  isLostStart,
  nextProbeDelay,
  reachesCustomerWithoutTill,
  START_PROBE_AGES,
} from './probe-policy';
import { paymentIn, T0 } from './testing/sample-payment';

const lostQr = { ...paymentIn('unknown'), startLostAt: T0 };
const lostPhone = { ...lostQr, method: 'socialpay.phone' as const };

describe('the probes of a start without an answer', () => {
  it('are three, 5 s, 20 s and 60 s after the failed start, then none', () => {
    expect(START_PROBE_AGES).toEqual([5 * SECOND, 20 * SECOND, 60 * SECOND]);
    expect(nextProbeDelay(lostQr, T0)).toBe(5 * SECOND);
    expect(nextProbeDelay(lostQr, T0 + 5 * SECOND)).toBe(15 * SECOND);
    expect(nextProbeDelay(lostQr, T0 + 21 * SECOND)).toBe(39 * SECOND);
    expect(nextProbeDelay(lostQr, T0 + 60 * SECOND)).toBeUndefined();
  });

  it('apply only to an unknown payment whose start was lost', () => {
    expect(isLostStart(lostQr)).toBe(true);
    expect(isLostStart(paymentIn('unknown'))).toBe(false);
    expect(isLostStart({ ...lostQr, state: 'awaiting_customer' })).toBe(false);
  });

  it('not_found is believed from 20 s on: the attempt is abandoned', () => {
    expect(afterProbe(lostQr, { status: 'not_found' }, T0 + 5 * SECOND)).toEqual({
      kind: 'wait',
      revive: false,
    });
    expect(afterProbe(lostQr, { status: 'not_found' }, T0 + 20 * SECOND)).toMatchObject({
      kind: 'move',
      move: { to: 'abandoned' },
    });
    expect(afterProbe(lostPhone, { status: 'not_found' }, T0 + 20 * SECOND)).toMatchObject({
      move: { to: 'abandoned' },
    });
  });

  it('silence after the last probe: a QR nobody saw is abandoned, a phone invoice or a loan waits for the bank', () => {
    expect(afterProbe(lostQr, undefined, T0 + 20 * SECOND)).toEqual({ kind: 'wait', revive: false });
    expect(afterProbe(lostQr, undefined, T0 + 60 * SECOND)).toMatchObject({ move: { to: 'abandoned' } });
    expect(afterProbe(lostPhone, undefined, T0 + 60 * SECOND)).toEqual({ kind: 'wait', revive: false });
    expect(reachesCustomerWithoutTill('baas.microloan')).toBe(true);
    expect(reachesCustomerWithoutTill('bog.qr')).toBe(false);
  });

  it('any other answer is left to the ordinary status rules', () => {
    expect(afterProbe(lostQr, { status: 'pending' }, T0 + 5 * SECOND)).toBeUndefined();
    expect(afterProbe(lostQr, { status: 'paid' }, T0 + 60 * SECOND)).toBeUndefined();
  });
});
