/**
 * The cashier's card attach flow against the BaaS simulator: SMS sent, code confirmed, the bank's refusals as
 * the till's card.* codes, and the card number nowhere but in the one request to the bank.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Country } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import { ManualClock } from '../kernel/testing/manual-clock';
import { createCapturingLogger } from '../log/logger';
import { baasFixture, PAN, type BaasFixture } from '../providers/baas/fixture';
import { CardAttachService } from './card-attach';

let fx: BaasFixture;
let country: Country;
let service: CardAttachService;
let serviceLines: string[];
const clock = new ManualClock();

beforeEach(async () => {
  fx = await baasFixture({ clock, smsTtlMs: 120_000 });
  country = 'UZ';
  const { logger, lines } = createCapturingLogger();
  serviceLines = lines;
  service = new CardAttachService({
    client: () => Promise.resolve(fx.client),
    country: () => country,
    logger,
  });
});
afterEach(async () => {
  await fx.sim.close();
});

const START = {
  pan: '8600 1234 5678 9012',
  expiry: '2812',
  processingType: 'UZCARD',
  phone: '+998 90 123-45-67',
} as const;

async function codeOf(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KassaError);
  return (error as KassaError).code;
}

describe('card attach (Ipoteka-bank) as the cashier runs it', () => {
  it('start → SMS code → attached; the view carries the masked number only', async () => {
    const started = await service.start(START);
    expect(started).toMatchObject({
      state: 'awaiting-code',
      maskedPan: '8600********9012',
      processingType: 'UZCARD',
      resendAvailableAt: clock.now() + 120_000,
    });
    const attached = await service.confirm(started.attachId, fx.sim.smsCodeFor(started.attachId));
    expect(attached).toMatchObject({ state: 'attached', maskedPan: '8600********9012' });
    expect(fx.sim.attachment(started.attachId)?.state).toBe('attached');
    // Confirming again answers the same, without asking the bank.
    const asked = fx.sim.requests.length;
    expect(await service.confirm(started.attachId, '000000')).toEqual(attached);
    expect(fx.sim.requests.length).toBe(asked);

    const token = fx.sim.attachment(started.attachId)?.cardToken ?? 'missing';
    const everything = JSON.stringify([started, attached]) + [...serviceLines, ...fx.lines].join('\n');
    expect(everything).not.toContain(PAN);
    expect(everything).not.toContain(token);
    expect(serviceLines.join('\n')).toContain('8600********9012');
  });

  it('maps the bank’s refusals to card.* codes', async () => {
    const started = await service.start(START);
    expect(await codeOf(service.confirm(started.attachId, '99999999'))).toBe('card.code-wrong');
    clock.advance(60_000);
    expect(await codeOf(service.start(START))).toBe('card.code-pending');
    clock.advance(61_000);
    expect(await codeOf(service.confirm(started.attachId, fx.sim.smsCodeFor(started.attachId)))).toBe(
      'card.code-expired',
    );
    const again = await service.start(START);
    await service.confirm(again.attachId, fx.sim.smsCodeFor(again.attachId));
    expect(await codeOf(service.start(START))).toBe('card.already-attached');
  });

  it('refuses a code for an attachment it never started, and outside Uzbekistan', async () => {
    expect(await codeOf(service.confirm('6f1c1d2e-0000-4000-8000-000000000000', '123456'))).toBe('not_found');
    country = 'MN';
    expect(await codeOf(service.start(START))).toBe('state.conflict');
    expect(fx.sim.requests.filter((r) => r.path.includes('cards'))).toHaveLength(0);
  });
});
