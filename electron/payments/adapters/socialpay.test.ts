/**
 * The SocialPay adapter against the protocol-faithful simulator, driven by the real engine: the whole path a
 * sandbox till takes (client → HTTP → simulator), with fake time only for the poller.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { SocialpaySettingsSchema } from '../../../shared/settings/socialpay';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { SECOND } from '../../kernel/clock';
import { createCapturingLogger } from '../../log/logger';
import { createSocialpayClient } from '../../providers/socialpay/client';
import { startSocialpaySimulator, type SocialpaySimulator } from '../../providers/socialpay/simulator';
import { testContext } from '../../providers/testing/context';
import { openJournal, type Journal } from '../../storage/journal';
import { tempDataDir } from '../../kernel/testing/temp-dir';
import { PaymentEngine } from '../engine';
import type { PaymentProvider } from '../provider';
import { createPaymentRegistry } from '../registry';
import { FakeScheduler } from '../../kernel/testing/fake-scheduler';
import { socialpayPaymentProvider } from './socialpay';

let sim: SocialpaySimulator;
let provider: PaymentProvider;
let journal: Journal;
let engine: PaymentEngine;
let scheduler: FakeScheduler;
let cleanup: () => void;

beforeEach(async () => {
  sim = await startSocialpaySimulator();
  const { ctx } = testContext({ 'socialpay.checksumKey': sim.sandbox.secrets['socialpay.checksumKey'] });
  provider = socialpayPaymentProvider(
    createSocialpayClient(ctx, SocialpaySettingsSchema.parse(sim.sandbox.settings)),
  );
  const tmp = tempDataDir('kassa-sp-adapter-');
  cleanup = tmp.cleanup;
  journal = openJournal({ dataDir: tmp.dir });
  const clock = new ManualClock();
  scheduler = new FakeScheduler(clock);
  engine = new PaymentEngine({
    journal,
    registry: createPaymentRegistry({
      country: () => 'MN',
      provider: (id) => (id === 'socialpay' ? provider : undefined),
    }),
    clock,
    scheduler,
    logger: createCapturingLogger('warn').logger,
    emit: () => undefined,
  });
});

afterEach(async () => {
  engine.stop();
  await journal.close();
  await sim.close();
  cleanup();
});

const REQUEST = {
  saleId: 'S1',
  method: 'socialpay.qr' as const,
  amount: money(15_000, 'MNT'),
  description: 'Sale #1',
};

describe('SocialPay adapter', () => {
  it('QR invoice under our key → customer pays → paid → full refund', async () => {
    const started = await engine.start(REQUEST);
    expect(started).toMatchObject({ state: 'awaiting_customer', providerRef: 'S1A1' });
    expect(started.qr).toBeTruthy();
    expect(sim.invoice('S1A1')?.state).toBe('pending');
    await scheduler.advance(1 * SECOND);
    expect(engine.get(started.id).state).toBe('awaiting_customer');
    sim.markPaid('S1A1');
    await scheduler.advance(1 * SECOND);
    expect(engine.get(started.id).state).toBe('paid');
    await expect(engine.refund(started.id, 5_000)).rejects.toMatchObject({ code: 'validation' });
    expect(await engine.refund(started.id)).toMatchObject({ state: 'refunded', refundedAmount: 15_000 });
    expect(sim.invoice('S1A1')?.state).toBe('refunded');
  });

  it('cancel withdraws the invoice at SocialPay; a declined check is declined with the bank text', async () => {
    const first = await engine.start(REQUEST);
    expect((await engine.cancel(first.id)).state).toBe('cancelled');
    expect(sim.invoice('S1A1')?.state).toBe('cancelled');
    const second = await engine.start(REQUEST);
    sim.markDeclined(second.idempotencyKey);
    await scheduler.advance(1 * SECOND);
    expect(engine.get(second.id)).toMatchObject({ state: 'declined' });
  });

  it('status of an invoice SocialPay never saw is not_found (what resolves a lost start)', async () => {
    const status = await provider.status({
      method: 'socialpay.qr',
      idempotencyKey: 'NEVER1',
      amount: money(1, 'MNT'),
    });
    expect(status.status).toBe('not_found');
  });
});
