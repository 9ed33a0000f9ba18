/** Transport and shape faults on the BaaS client: each becomes the right ProviderError kind. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaasSettingsSchema } from '../../../shared/settings/baas';
import { closedPortUrl, providerFailure, testContext } from '../testing/context';
import { createBaasClient } from './client';
import { baasFixture, CARD, type BaasFixture } from './fixture';

let fx: BaasFixture;
beforeEach(async () => {
  fx = await baasFixture({ timeoutMs: 600 });
  await fx.client.checkToken();
});
afterEach(async () => {
  await fx.sim.close();
});

describe('BaaS faults', () => {
  it('no answer: timeout, may have arrived', async () => {
    fx.sim.failNext('hang');
    expect(await providerFailure(fx.client.attachCard(CARD))).toMatchObject({
      kind: 'timeout',
      mayHaveReachedProvider: true,
    });
  });

  it('slow: timeout, then the next call works', async () => {
    fx.sim.setLatency(1200);
    expect(await providerFailure(fx.client.attachCard(CARD))).toMatchObject({ kind: 'timeout' });
    fx.sim.setLatency(0);
    expect((await fx.client.attachCard(CARD)).attachId).toBeTruthy();
  });

  it('connection refused: network, never arrived', async () => {
    const client = createBaasClient(
      testContext(fx.sim.sandbox.secrets, { timeoutMs: 600 }).ctx,
      BaasSettingsSchema.parse({ ...fx.sim.sandbox.settings, baseUrl: await closedPortUrl() }),
    );
    expect(await providerFailure(client.attachCard(CARD))).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: false,
    });
  });

  it('reset: network, may have arrived', async () => {
    fx.sim.failNext('reset');
    expect(await providerFailure(fx.client.attachCard(CARD))).toMatchObject({
      kind: 'network',
      mayHaveReachedProvider: true,
    });
  });

  it('500, HTML and malformed JSON are unexpected', async () => {
    fx.sim.failNext('http500');
    expect(await providerFailure(fx.client.attachCard(CARD))).toMatchObject({
      kind: 'unexpected',
      status: 500,
    });
    fx.sim.failNext('html');
    expect((await providerFailure(fx.client.attachCard(CARD))).message).toMatch(/HTML/);
    fx.sim.failNext('malformed-json');
    expect((await providerFailure(fx.client.attachCard(CARD))).message).toMatch(/not valid JSON/);
  });

  it('schema drift in the result or in the envelope is unexpected and names the field', async () => {
    fx.sim.dropFieldNext('result.attachId');
    const inResult = await providerFailure(fx.client.attachCard(CARD));
    expect(inResult.kind).toBe('unexpected');
    expect(inResult.message).toContain('result.attachId');
    fx.sim.dropFieldNext('id');
    const inEnvelope = await providerFailure(fx.client.attachCard({ ...CARD, pan: '8600000000000001' }));
    expect(inEnvelope).toMatchObject({ kind: 'unexpected' });
    expect(inEnvelope.message).toMatch(/unexpected shape \(id:/);
  });
});
