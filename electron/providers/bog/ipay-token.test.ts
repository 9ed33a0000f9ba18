/**
 * iPay's `expires_in` quirk: an epoch-ms value that may be the expiry or the issue time. Whatever it says, a
 * token is never used once it is older than its safe lifetime (50 s), and a 401 costs exactly one re-auth.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { bogFixture, orderRequest, type BogFixture } from './fixture';
import { IPAY_SAFE_LIFETIME_MS, ipayTokenExpiry } from './ipay/token';
import { providerFailure } from '../testing/context';

let fx: BogFixture | undefined;
afterEach(async () => {
  await fx?.sim.close();
  fx = undefined;
});

function bearers(f: BogFixture): string[] {
  return f.sim.requests
    .filter((r) => !r.path.endsWith('/oauth2/token'))
    .map((r) => r.headers.authorization ?? '');
}

describe('ipayTokenExpiry', () => {
  const now = Date.UTC(2026, 0, 1);
  it('never reads an epoch-ms value as an expiry, either reading', () => {
    expect(ipayTokenExpiry(now, now)).toBe(now + 60_000); // issue-time reading
    expect(ipayTokenExpiry(now + 3_600_000, now)).toBe(now + 60_000); // far-future expiry reading
    expect(ipayTokenExpiry(now - 5_000, now)).toBe(now + 60_000); // server clock behind
  });
  it('a small value is the documented seconds, capped at the 60 s the bank may allow', () => {
    expect(ipayTokenExpiry(30, now)).toBe(now + 30_000);
    expect(ipayTokenExpiry(3600, now)).toBe(now + 60_000);
  });
});

describe.each(['expiry', 'issue-time'] as const)('iPay token with expires_in as the %s', (reading) => {
  it('is reused inside the safe lifetime and never used after it', async () => {
    const clock = new ManualClock();
    fx = await bogFixture('ipay', { clock, ipayExpiresIn: reading, tokenLifetimeMs: 60_000 });
    const { orderId } = await fx.client.createOrder(orderRequest('t-1'));
    clock.advance(IPAY_SAFE_LIFETIME_MS - 1);
    await fx.client.status(orderId);
    expect(fx.sim.tokenRequests('ipay')).toBe(1);
    const [first, second] = bearers(fx);
    expect(second).toBe(first);

    clock.advance(1);
    await fx.client.status(orderId);
    expect(fx.sim.tokenRequests('ipay')).toBe(2);
    expect(bearers(fx).at(-1)).not.toBe(first);
    // No request was ever refused: the old token was dropped before the bank's 60 s ran out.
    expect(fx.sim.requests.filter((r) => r.path.endsWith('/oauth2/token')).length).toBe(2);
  });
});

describe('iPay 401 handling', () => {
  it('a 401 on a cached token triggers exactly one re-auth and the call succeeds', async () => {
    fx = await bogFixture('ipay');
    const { orderId } = await fx.client.createOrder(orderRequest('t-2'));
    fx.sim.expireTokens();
    const before = fx.sim.requests.length;
    expect((await fx.client.status(orderId)).outcome).toBe('pending');
    expect(fx.sim.tokenRequests('ipay')).toBe(2);
    // status (401) → token → status (200)
    expect(fx.sim.requests.slice(before).map((r) => r.path.split('/').slice(-2).join('/'))).toEqual([
      `payment/${orderId}`,
      'oauth2/token',
      `payment/${orderId}`,
    ]);
  });

  it('a second 401 is the answer: thrown as auth, no third token request', async () => {
    fx = await bogFixture('ipay');
    fx.sim.setTokenLifetime(0);
    const error = await providerFailure(fx.client.createOrder(orderRequest('t-3')));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(fx.sim.tokenRequests('ipay')).toBe(2);
    expect(fx.sim.requests.filter((r) => r.path.endsWith('/checkout/orders'))).toHaveLength(2);
  });

  it('a wrong secret key fails at the token call as auth', async () => {
    fx = await bogFixture('ipay');
    fx.sim.sandbox.secrets['bog.ipaySecretKey'] = 'wrong';
    const error = await providerFailure(fx.client.createOrder(orderRequest('t-4')));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
  });
});
