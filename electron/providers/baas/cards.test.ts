import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { KassaError } from '../../kernel/errors';
import { baasFailure, baasFixture, CARD, PAN, type BaasFixture } from './fixture';

let fx: BaasFixture;
const clock = new ManualClock();
beforeEach(async () => {
  fx = await baasFixture({ clock, smsTtlMs: 120_000 });
});
afterEach(async () => {
  await fx.sim.close();
});

const code = async (p: Promise<unknown>): Promise<number> => (await baasFailure(p)).baasCode;

describe('BaaS card attach with SMS confirmation', () => {
  it('send → 1007 on an early resend → confirm → 1011 on a second attach', async () => {
    const started = await fx.client.attachCard(CARD);
    expect(started).toMatchObject({
      maskedPan: '8600********9012',
      resendAvailableAt: clock.now() + 120_000,
    });
    expect(started.maskedPhone).toMatch(/\*/);
    const req = fx.sim.requests.at(-1);
    const body = req?.body as { id: string; params: Record<string, unknown> };
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.params).toEqual({
      pan: PAN,
      expiry: '2812',
      processingType: 'UZCARD',
      phoneNumber: '998901234567',
    });

    clock.advance(60_000);
    expect(await code(fx.client.attachCard(CARD))).toBe(1007);

    const card = await fx.client.confirmCardAttach({
      attachId: started.attachId,
      smsCode: fx.sim.smsCodeFor(started.attachId),
    });
    expect(card.cardToken).toBe(fx.sim.attachment(started.attachId)?.cardToken);
    expect(card).toMatchObject({ processingType: 'UZCARD' });
    expect(card.maskedPan).not.toContain(PAN);
    expect(card).not.toHaveProperty('expiry');

    expect(await code(fx.client.attachCard(CARD))).toBe(1011);
  });

  it('after the code expires: confirm is 1009, a resend is allowed and sends a new code', async () => {
    const first = await fx.client.attachCard(CARD);
    const oldCode = fx.sim.smsCodeFor(first.attachId);
    clock.advance(120_000);
    expect(await code(fx.client.confirmCardAttach({ attachId: first.attachId, smsCode: oldCode }))).toBe(
      1009,
    );
    const second = await fx.client.attachCard(CARD);
    expect(second.attachId).not.toBe(first.attachId);
    await fx.client.confirmCardAttach({
      attachId: second.attachId,
      smsCode: fx.sim.smsCodeFor(second.attachId),
    });
    expect(fx.sim.attachment(second.attachId)?.state).toBe('attached');
  });

  it('a wrong code is a code-4 error on smsCode; an unknown attachment is 1008', async () => {
    const started = await fx.client.attachCard(CARD);
    const wrong = fx.sim.smsCodeFor(started.attachId) === '000000' ? '111111' : '000000';
    const error = await baasFailure(
      fx.client.confirmCardAttach({ attachId: started.attachId, smsCode: wrong }),
    );
    expect(error).toMatchObject({ baasCode: 4, field: 'smsCode' });
    expect(
      await code(fx.client.confirmCardAttach({ attachId: crypto.randomUUID(), smsCode: '123456' })),
    ).toBe(1008);
  });

  it('HUMO cards attach too; card data is checked before anything is sent', async () => {
    await fx.client.attachCard({
      ...CARD,
      pan: '9860 1234 5678 9012',
      processingType: 'HUMO',
      phoneNumber: '+998 90 765-43-21',
    });
    expect((fx.sim.requests.at(-1)?.body as { params: unknown }).params).toMatchObject({
      pan: '9860123456789012',
      phoneNumber: '998907654321',
    });
    const before = fx.sim.requests.length;
    for (const bad of [
      { ...CARD, pan: '8600 1234' },
      { ...CARD, expiry: '2813' },
      { ...CARD, expiry: '12/28' },
      { ...CARD, phoneNumber: '7901234567' },
      { ...CARD, processingType: 'VISA' as 'HUMO' },
    ]) {
      await expect(fx.client.attachCard(bad)).rejects.toBeInstanceOf(KassaError);
    }
    expect(fx.sim.requests.length).toBe(before);
  });
});
