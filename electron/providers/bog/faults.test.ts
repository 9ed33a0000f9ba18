/** Transport and shape faults, for both BoG APIs: each becomes the right ProviderError kind. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BogSettingsSchema } from '../../../shared/settings/bog';
import { createBogClient } from './client';
import type { BogApi } from '../../../shared/settings/bog';
import { bogFixture, orderRequest, type BogFixture } from './fixture';
import { closedPortUrl, providerFailure, testContext } from '../testing/context';
import { doctorBog } from './doctor';

const DRIFT: Record<BogApi, string> = { ipay: 'status', payments: 'order_status.key' };

describe.each(['ipay', 'payments'] as const)('BoG %s faults', (api) => {
  let fx: BogFixture;
  let orderId: string;
  beforeEach(async () => {
    fx = await bogFixture(api, { timeoutMs: 600 });
    ({ orderId } = await fx.client.createOrder(orderRequest(`fault-${api}`)));
  });
  afterEach(async () => {
    await fx.sim.close();
  });

  it('a request the bank never answers times out (may have arrived)', async () => {
    fx.sim.failNext('hang');
    expect(await providerFailure(fx.client.status(orderId))).toMatchObject({
      kind: 'timeout',
      mayHaveReachedProvider: true,
    });
  });

  it('a slow answer times out, then the next call works', async () => {
    fx.sim.setLatency(1200);
    expect(await providerFailure(fx.client.status(orderId))).toMatchObject({ kind: 'timeout' });
    fx.sim.setLatency(0);
    expect((await fx.client.status(orderId)).outcome).toBe('pending');
  });

  it('connection refused: network, certainly never arrived; doctor names the cause', async () => {
    const dead = await closedPortUrl();
    const { ctx } = testContext(fx.sim.sandbox.secrets, { timeoutMs: 600 });
    const client = createBogClient(
      ctx,
      BogSettingsSchema.parse({
        ...fx.sim.sandbox.settings,
        api,
        ipayBaseUrl: `${dead}/opay/api/v1`,
        paymentsBaseUrl: `${dead}/payments/v1`,
        paymentsTokenUrl: `${dead}/token`,
      }),
    );
    expect(await providerFailure(client.createOrder(orderRequest('x')))).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: false,
    });
    const line = await doctorBog(client);
    expect(line.ok).toBe(false);
    expect(line.detail).toMatch(/ECONNREFUSED.*Check the address/);
  });

  it('a reset connection is a network error that may have arrived', async () => {
    fx.sim.failNext('reset');
    expect(await providerFailure(fx.client.status(orderId))).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: true,
    });
  });

  it('500, an HTML page and malformed JSON are unexpected', async () => {
    fx.sim.failNext('http500');
    expect(await providerFailure(fx.client.status(orderId))).toMatchObject({
      kind: 'unexpected',
      status: 500,
    });
    fx.sim.failNext('html');
    expect((await providerFailure(fx.client.status(orderId))).kind).toBe('unexpected');
    fx.sim.failNext('malformed-json');
    expect((await providerFailure(fx.client.status(orderId))).message).toMatch(/not valid JSON/);
  });

  it('schema drift (a missing field) is unexpected and names the field', async () => {
    fx.sim.dropFieldNext(DRIFT[api]);
    const error = await providerFailure(fx.client.status(orderId));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain(DRIFT[api]);
  });

  it('a token answer without access_token is unexpected, not a crash', async () => {
    fx.sim.expireTokens();
    // status → 401 (error answers keep the drop pending) → token answer loses access_token.
    fx.sim.dropFieldNext('access_token');
    expect((await providerFailure(fx.client.status(orderId))).message).toMatch(/access_token/);
  });

  it('doctor: a working setup is ok; a wrong secret points at the secret', async () => {
    expect(await doctorBog(fx.client)).toMatchObject({ ok: true, provider: `bog.${api}` });
    const { ctx } = testContext({}, { timeoutMs: 600 });
    const noSecret = createBogClient(ctx, BogSettingsSchema.parse({ ...fx.sim.sandbox.settings, api }));
    expect((await doctorBog(noSecret)).detail).toMatch(/secret\.missing/);
    const secrets = {
      ...fx.sim.sandbox.secrets,
      'bog.ipaySecretKey': 'bad',
      'bog.paymentsClientSecret': 'bad',
    };
    const wrong = createBogClient(
      testContext(secrets).ctx,
      BogSettingsSchema.parse({ ...fx.sim.sandbox.settings, api }),
    );
    const line = await doctorBog(wrong);
    expect(line).toMatchObject({ ok: false });
    expect(line.detail).toMatch(api === 'ipay' ? /bog\.ipaySecretKey/ : /bog\.paymentsClientSecret/);
  });
});
