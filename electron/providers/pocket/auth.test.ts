import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { PocketSettingsSchema } from '../../../shared/settings/pocket';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { type Clock } from '../../kernel/clock';
import { createPocketClient, type PocketClient, type PocketClientOptions } from './client';
import { startPocketSimulator, type PocketSimulator } from './simulator';
import { testContext } from '../testing/context';

let sim: PocketSimulator;
const MNT = (n: number) => money(n, 'MNT');

function clientFor(options: { clock?: Clock } & PocketClientOptions = {}): PocketClient {
  const { ctx } = testContext(sim.sandbox.secrets, options.clock ? { clock: options.clock } : {});
  return createPocketClient(
    ctx,
    PocketSettingsSchema.parse(sim.sandbox.settings),
    options.refreshAheadMs === undefined ? {} : { refreshAheadMs: options.refreshAheadMs },
  );
}
const tokenRequests = () => sim.requests.filter((r) => r.path.endsWith('/openid-connect/token')).length;

beforeEach(async () => {
  sim = await startPocketSimulator();
});
afterEach(async () => {
  await sim.close();
});

describe('Pocket merchant token', () => {
  it('20 concurrent calls share one token request', async () => {
    const client = clientFor();
    const { invoiceId } = await clientFor().createInvoice({
      orderNumber: 'C20',
      amount: MNT(500),
      info: 'x',
    });
    const before = tokenRequests();
    const results = await Promise.all(Array.from({ length: 20 }, () => client.statusByInvoiceId(invoiceId)));
    expect(results.every((r) => r.invoiceId === invoiceId)).toBe(true);
    expect(tokenRequests() - before).toBe(1);
    expect(client.tokens.fetchCount).toBe(1);
  });

  it('refreshes with the refresh token before expiry, then keeps using the new token', async () => {
    const clock = new ManualClock(Date.now());
    const client = clientFor({ clock });
    await client.getFallbackUrl();
    expect(sim.grants).toEqual({ client_credentials: 1, refresh_token: 0 });
    clock.advance(590_000); // inside the 30 s refresh-ahead window of the 600 s token
    await client.getFallbackUrl();
    expect(sim.grants).toEqual({ client_credentials: 1, refresh_token: 1 });
    const bearers = sim.requests
      .filter((r) => r.path.endsWith('/pg/config'))
      .map((r) => r.headers.authorization);
    expect(bearers).toHaveLength(2);
    expect(bearers[0]).not.toBe(bearers[1]);
  });

  it('401 on an expired token mid-flow: one re-auth, the call succeeds', async () => {
    const client = clientFor();
    const { invoiceId } = await client.createInvoice({ orderNumber: 'X1', amount: MNT(500), info: 'x' });
    sim.expireTokens();
    sim.markPaid(invoiceId);
    const status = await client.statusByInvoiceId(invoiceId);
    expect(status.status).toBe('paid');
    expect(sim.grants.client_credentials).toBe(2);
    const calls = sim.requests.filter((r) => r.path.endsWith('/invoice-id'));
    expect(calls).toHaveLength(2); // the refused one and the retry
  });

  it('a token that runs out by the server clock (ms lifetime) is renewed through the 401 path', async () => {
    sim.setTokenLifetime(100);
    // The client's clock stands still, so only the server knows the token expired.
    const client = clientFor({ clock: new ManualClock(Date.now()), refreshAheadMs: 0 });
    await client.getFallbackUrl();
    await new Promise((resolve) => setTimeout(resolve, 150));
    sim.setTokenLifetime(600_000);
    await client.setFallbackUrl('https://relay.example.mn/hook');
    expect(sim.grants.client_credentials).toBe(2);
    expect(await client.getFallbackUrl()).toBe('https://relay.example.mn/hook');
  });

  it('the merchant API answers 401 with the documented body for a wrong or missing bearer', async () => {
    const url = `${sim.sandbox.settings.baseUrl}/pg/config`;
    const attempts: Record<string, string>[] = [{ authorization: 'Bearer sim_not_issued' }, {}];
    for (const headers of attempts) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: 'Unauthorized' });
    }
  });

  it('the realm answers a wrong client secret with invalid_client', async () => {
    const res = await fetch(`${sim.sandbox.settings.ssoUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sim.sandbox.settings.clientId,
        client_secret: 'x',
      }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });
});
