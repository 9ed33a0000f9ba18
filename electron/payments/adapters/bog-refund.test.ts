/**
 * Refunds through the BoG adapter against the Payments API simulator, driven by the real engine (issue 11,
 * finding 6): a refund whose answer was lost is settled by reading the payment's refunded amount at the bank
 * before anything else, and a retry sends the same Idempotency-Key, so the bank never refunds twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { SECOND } from '../../kernel/clock';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { FakeScheduler } from '../../kernel/testing/fake-scheduler';
import { tempDataDir } from '../../kernel/testing/temp-dir';
import { createCapturingLogger } from '../../log/logger';
import { bogFixture, type BogFixture } from '../../providers/bog/fixture';
import { openJournal, type Journal } from '../../storage/journal';
import { PaymentEngine } from '../engine';
import type { PaymentProvider } from '../provider';
import { createPaymentRegistry } from '../registry';
import { bogPaymentProvider } from './bog';

let fx: BogFixture;
let provider: PaymentProvider;
let journal: Journal;
let dataDir: string;
let engine: PaymentEngine;
let clock: ManualClock;
let scheduler: FakeScheduler;
let cleanup: () => void;

function newEngine(): PaymentEngine {
  return new PaymentEngine({
    journal,
    registry: createPaymentRegistry({
      country: () => 'GE',
      provider: (id) => (id === 'bog' ? provider : undefined),
    }),
    clock,
    scheduler,
    logger: createCapturingLogger('warn').logger,
    emit: () => undefined,
  });
}

beforeEach(async () => {
  // Short client timeout: a lost answer is a cut connection, which fails at once anyway.
  fx = await bogFixture('payments', { timeoutMs: 2_000 });
  provider = bogPaymentProvider(fx.client);
  const tmp = tempDataDir('kassa-bog-refund-');
  cleanup = tmp.cleanup;
  dataDir = tmp.dir;
  journal = openJournal({ dataDir });
  clock = new ManualClock();
  scheduler = new FakeScheduler(clock);
  engine = newEngine();
});

afterEach(async () => {
  engine.stop();
  await journal.close();
  await fx.sim.close();
  cleanup();
});

const REQUEST = {
  saleId: 'S1',
  method: 'bog.qr' as const,
  amount: money(1_000, 'GEL'),
  description: 'Sale #1',
};

async function paidPayment(): Promise<string> {
  const started = await engine.start(REQUEST);
  fx.sim.markPaid(started.providerRef ?? '');
  await scheduler.advance(5 * SECOND);
  expect(engine.get(started.id).state).toBe('paid');
  return started.id;
}

const refundCalls = () => fx.sim.requests.filter((r) => r.path.includes('/payment/refund/'));

describe('BoG Payments API refunds', () => {
  it('a partial refund whose answer was lost is settled from the bank: refunded once, 3.00 at both ends', async () => {
    const id = await paidPayment();
    const orderId = engine.get(id).providerRef ?? '';
    fx.sim.failNext('lost-answer');
    const lost = await engine.refund(id, 300);
    expect(lost).toMatchObject({ state: 'refund_failed', refundedAmount: 0 });
    expect(lost.reason).toMatch(/^Refund not confirmed/);
    expect(fx.sim.order(orderId)?.refunded).toBe(300);

    // The cashier presses refund 3.00 again: the bank is read first and says 3.00 is already refunded.
    const settled = await engine.refund(id, 300);
    expect(settled).toMatchObject({ state: 'partly_refunded', refundedAmount: 300 });
    expect(settled.reason).not.toMatch(/not confirmed/);
    expect(fx.sim.order(orderId)?.refunded).toBe(300);
    expect(refundCalls()).toHaveLength(1);
  });

  it('sends the refund key as Idempotency-Key, the same on a retry of the same refund', async () => {
    const id = await paidPayment();
    fx.sim.failNext('http500');
    expect(await engine.refund(id, 300)).toMatchObject({ state: 'refund_failed' });
    // The bank shows nothing refunded, so the same refund goes again under the same key.
    expect(await engine.refund(id)).toMatchObject({ state: 'partly_refunded', refundedAmount: 300 });
    const keys = refundCalls().map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // The next refund is another refund: a new key.
    expect(await engine.refund(id)).toMatchObject({ state: 'refunded', refundedAmount: 1_000 });
    expect(refundCalls()[2]?.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it('the simulator replays a refund under a key it has seen instead of refunding again', async () => {
    const id = await paidPayment();
    const orderId = engine.get(id).providerRef ?? '';
    await fx.client.refund(orderId, money(300, 'GEL'), 'S1A1R1');
    await fx.client.refund(orderId, money(300, 'GEL'), 'S1A1R1');
    expect(fx.sim.order(orderId)?.refunded).toBe(300);
    await expect(fx.client.refund(orderId, money(200, 'GEL'), 'S1A1R1')).rejects.toMatchObject({
      status: 409,
    });
    const status = await fx.client.status(orderId);
    expect(status).toMatchObject({ outcome: 'partially_refunded', refundedAmount: 300 });
  });

  it('a refund cut off by a restart is settled from the bank on recovery', async () => {
    const id = await paidPayment();
    const orderId = engine.get(id).providerRef ?? '';
    // Make the bank refund, then leave the journal as a crash would: refunding, no answer recorded.
    fx.sim.failNext('hang');
    const pending = engine.refund(id, 400);
    await expect.poll(() => refundCalls().length).toBe(1);
    expect(engine.get(id).state).toBe('refunding');
    await fx.client.refund(orderId, money(400, 'GEL'));
    engine.stop();
    await journal.close();
    await pending.catch(() => undefined);
    journal = openJournal({ dataDir });
    engine = newEngine();
    const [recovered] = await engine.recover();
    expect(recovered).toMatchObject({ id, state: 'partly_refunded', refundedAmount: 400 });
  });
});
