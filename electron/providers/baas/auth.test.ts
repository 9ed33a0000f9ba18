import { afterEach, describe, expect, it } from 'vitest';
import { BaasSettingsSchema } from '../../../shared/settings/baas';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { closedPortUrl, providerFailure, testContext } from '../testing/context';
import { parseBasicAuth } from '../simulator-kit';
import { createBaasClient } from './client';
import { doctorBaas } from './doctor';
import { baasFixture, CARD, type BaasFixture } from './fixture';

let fx: BaasFixture | undefined;
afterEach(async () => {
  await fx?.sim.close();
  fx = undefined;
});

describe('BaaS token (Basic consumer key:secret + JSON password grant)', () => {
  it('sends the documented token request and caches the token for its expires_in', async () => {
    const clock = new ManualClock();
    fx = await baasFixture({ clock, tokenLifetimeMs: 3_600_000 });
    await fx.client.attachCard(CARD);
    const tokenReq = fx.sim.requests[0];
    expect(tokenReq?.path).toBe('/oauth2/token');
    expect(tokenReq?.headers['content-type']).toContain('application/json');
    expect(parseBasicAuth(tokenReq?.headers.authorization)).toEqual({
      user: fx.sim.sandbox.settings.consumerKey,
      pass: fx.sim.sandbox.secrets['baas.consumerSecret'],
    });
    expect(tokenReq?.body).toEqual({
      grant_type: 'password',
      username: fx.sim.sandbox.settings.username,
      password: fx.sim.sandbox.secrets['baas.password'],
    });
    clock.advance(3_000_000);
    await fx.client.applicationStatus(crypto.randomUUID()).catch(() => undefined);
    expect(fx.sim.tokenRequests()).toBe(1);
    clock.advance(600_000);
    await fx.client.applicationStatus(crypto.randomUUID()).catch(() => undefined);
    expect(fx.sim.tokenRequests()).toBe(2);
  });

  it('401 invalid_token (expired) → exactly one re-auth and the call succeeds', async () => {
    fx = await baasFixture();
    await fx.client.checkToken();
    fx.sim.expireTokens();
    const started = await fx.client.attachCard(CARD);
    expect(started.attachId).toBeTruthy();
    expect(fx.sim.tokenRequests()).toBe(2);
    expect(fx.sim.requests.map((r) => r.path)).toEqual([
      '/oauth2/token',
      '/cards/attach',
      '/oauth2/token',
      '/cards/attach',
    ]);
  });

  it('a second 401 is thrown as auth with the bank’s reason, after one re-auth only', async () => {
    fx = await baasFixture();
    fx.sim.setTokenLifetime(0);
    const error = await providerFailure(fx.client.attachCard(CARD));
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'invalid_token' });
    expect(error.message).toContain('The access token expired');
    expect(fx.sim.tokenRequests()).toBe(2);
  });

  it('wrong consumer secret or wrong password: auth at the token call; doctor says which settings', async () => {
    fx = await baasFixture();
    const settings = BaasSettingsSchema.parse(fx.sim.sandbox.settings);
    for (const secrets of [
      { ...fx.sim.sandbox.secrets, 'baas.consumerSecret': 'nope' },
      { ...fx.sim.sandbox.secrets, 'baas.password': 'nope' },
    ]) {
      const client = createBaasClient(testContext(secrets).ctx, settings);
      expect(await providerFailure(client.attachCard(CARD))).toMatchObject({ kind: 'auth' });
      const line = await doctorBaas(client);
      expect(line.ok).toBe(false);
      expect(line.detail).toMatch(/baas\.consumerKey.*baas\.password/);
    }
    expect(fx.sim.requests.filter((r) => r.path !== '/oauth2/token')).toHaveLength(0);
    expect(await doctorBaas(fx.client)).toMatchObject({ ok: true, provider: 'baas' });
    const missing = createBaasClient(testContext({}).ctx, settings);
    expect((await doctorBaas(missing)).detail).toMatch(/secret\.missing/);
    const dead = createBaasClient(testContext(fx.sim.sandbox.secrets, { timeoutMs: 600 }).ctx, {
      ...settings,
      baseUrl: await closedPortUrl(),
    });
    expect((await doctorBaas(dead)).detail).toMatch(/ECONNREFUSED.*Check the base URL/);
  });

  it('paths come from settings (the unconfirmed ones can be corrected without a release)', async () => {
    fx = await baasFixture();
    const settings = BaasSettingsSchema.parse({
      ...fx.sim.sandbox.settings,
      paths: { cardAttach: '/v2/cards/attach' },
    });
    const client = createBaasClient(testContext(fx.sim.sandbox.secrets).ctx, settings);
    await providerFailure(client.attachCard(CARD));
    expect(fx.sim.requests.at(-1)?.path).toBe('/v2/cards/attach');
    expect(settings.paths.cardAttachConfirm).toBe('/cards/attach/confirm');
  });
});
