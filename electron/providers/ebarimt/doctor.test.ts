import type { SecretName } from '../../../shared/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorEasyRegister, doctorPosApi } from './doctor';
import { startEbarimtSimulators, type EbarimtSimulators } from './simulators';
import { refusedUrl, testContext } from './test-support';

let sims: EbarimtSimulators;
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
});

const ctx = (secrets: Partial<Record<SecretName, string>> = sims.sandbox.secrets) =>
  testContext(secrets, { timeoutMs: 400 });

describe('eBarimt doctor', () => {
  it('PosAPI: reports version, posNo and lotteries from /rest/info', async () => {
    const line = await doctorPosApi(ctx(), sims.sandbox.settings);
    expect(line).toMatchObject({ provider: 'ebarimt.posapi', ok: true });
    expect(line.detail).toContain(sims.posApi.identity.posNo);
    expect(line.detail).toMatch(/\d+ lotteries left/);
  });

  it('PosAPI: not running, not activated, wrong merchant, not PosAPI', async () => {
    const down = await doctorPosApi(ctx(), { ...sims.sandbox.settings, posApiUrl: await refusedUrl() });
    expect(down).toMatchObject({ ok: false });
    expect(down.detail).toMatch(/is the PosAPI service running/);

    sims.posApi.setActivated(false);
    const inactive = await doctorPosApi(ctx(), sims.sandbox.settings);
    sims.posApi.setActivated(true);
    expect(inactive.detail).toMatch(/not activated/);

    const merchant = await doctorPosApi(ctx(), { ...sims.sandbox.settings, merchantTin: '12345678901' });
    expect(merchant).toMatchObject({ ok: false });
    expect(merchant.detail).toMatch(/12345678901 is not registered/);

    sims.posApi.failNext('html');
    expect((await doctorPosApi(ctx(), sims.sandbox.settings)).detail).toMatch(/not PosAPI 3.0/);
  });

  it('Easy Register: token obtainable; wrong password and missing secret have actionable causes', async () => {
    expect(await doctorEasyRegister(ctx(), sims.sandbox.settings)).toMatchObject({
      provider: 'ebarimt.easy-register',
      ok: true,
    });
    const wrong = await doctorEasyRegister(ctx({ 'ebarimt.password': 'nope-nope' }), sims.sandbox.settings);
    expect(wrong.ok).toBe(false);
    expect(wrong.detail).toMatch(/refused user "kassa-sandbox"/);
    expect(wrong.detail).not.toContain('nope-nope');
    const missing = await doctorEasyRegister(ctx({}), sims.sandbox.settings);
    expect(missing.detail).toMatch(/kassa secrets set ebarimt.password/);
    const down = await doctorEasyRegister(ctx(), {
      ...sims.sandbox.settings,
      tokenUrl: `${await refusedUrl()}/auth/realms/Staging/protocol/openid-connect/token`,
    });
    expect(down.detail).toMatch(/cannot reach/);
  });
});
