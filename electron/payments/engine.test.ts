import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Payment } from '../../shared/domain';
import { money } from '../../shared/money';
import { SECOND, MINUTE } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import { ProviderError } from '../providers/errors';
import type { StartPaymentRequest } from './engine';
import { paymentCommand } from '../storage/testing/commands';
import { createHarness, journaledStates, type Harness } from './testing/harness';

const REQUEST: StartPaymentRequest = {
  saleId: 'S1',
  method: 'socialpay.qr',
  amount: money(25_000, 'MNT'),
  description: 'Sale 1',
};

let h: Harness;
afterEach(async () => {
  await h.close();
});

function setup(options: Parameters<typeof createHarness>[0] = {}): Harness {
  h = createHarness(options);
  return h;
}

describe('PaymentEngine', () => {
  it('happy path: journals created → requesting → awaiting_customer, polls, ends paid, stops polling', async () => {
    setup();
    h.bank.script = { start: 'ok', payAfterPolls: 3 };
    const started = await h.engine.start(REQUEST);
    expect(started).toMatchObject({
      state: 'awaiting_customer',
      attempt: 1,
      idempotencyKey: 'S1A1',
      qr: 'fakepay://S1A1',
    });
    expect(h.bank.calls.start).toHaveLength(1);
    expect(h.bank.calls.start[0]).toMatchObject({
      idempotencyKey: 'S1A1',
      amount: { amount: 25_000, currency: 'MNT' },
    });

    await h.scheduler.advance(2 * SECOND);
    expect(h.engine.get(started.id).state).toBe('awaiting_customer');
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(started.id).state).toBe('paid');
    expect(journaledStates(h.journal, started.id)).toEqual([
      'created',
      'requesting',
      'awaiting_customer',
      'paid',
    ]);
    expect(h.events.map((p) => p.state)).toEqual(['created', 'requesting', 'awaiting_customer', 'paid']);
    expect(h.scheduler.pending).toBe(0);
    await h.scheduler.advance(60 * SECOND);
    expect(h.bank.calls.status).toHaveLength(3);
    expect(h.journal.listOpenPayments()).toEqual([]);
  });

  it('decline, then retry is a new attempt with a new key (the declined one is never re-sent)', async () => {
    setup();
    h.bank.script = { start: 'ok', declineAfterPolls: 1 };
    const first = await h.engine.start(REQUEST);
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(first.id)).toMatchObject({ state: 'declined', reason: 'insufficient funds' });

    h.bank.script = { start: 'ok', payAfterPolls: 1 };
    const second = await h.engine.retry(first.id);
    expect(second).toMatchObject({ attempt: 2, idempotencyKey: 'S1A2', state: 'awaiting_customer' });
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(second.id).state).toBe('paid');
    expect(h.bank.calls.start.map((r) => r.idempotencyKey)).toEqual(['S1A1', 'S1A2']);
    await expect(h.engine.retry(second.id)).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('a start refused before reaching the bank is declined; the retry is a new attempt', async () => {
    setup();
    h.bank.script = { start: 'refused' };
    const first = await h.engine.start(REQUEST);
    expect(first).toMatchObject({ state: 'declined', reason: 'connection refused' });
    expect(h.scheduler.pending).toBe(0);
    h.bank.script = { start: 'ok' };
    expect((await h.engine.retry(first.id)).idempotencyKey).toBe('S1A2');
  });

  it('a start the bank answered with a refusal is declined (its answer is the outcome)', async () => {
    setup();
    h.bank.script = { start: 'rejected' };
    expect((await h.engine.start(REQUEST)).state).toBe('declined');
  });

  it('a start the client refused locally (bad input, missing secret) is declined, never unknown', async () => {
    setup();
    const start = vi
      .spyOn(h.bank, 'start')
      .mockRejectedValueOnce(
        new KassaError('validation', 'Ipoteka-bank: the phone number must be 12 digits starting with 998'),
      );
    const payment = await h.engine.start(REQUEST);
    expect(payment.state).toBe('declined');
    expect(payment.reason).toMatch(/phone number/);
    expect(start).toHaveBeenCalledTimes(1);
    expect(h.scheduler.pending).toBe(0);
  });

  it('cancel while waiting: withdraws the invoice at the bank, stops polling', async () => {
    setup();
    const started = await h.engine.start(REQUEST);
    await h.scheduler.advance(2 * SECOND);
    const cancelled = await h.engine.cancel(started.id);
    expect(cancelled.state).toBe('cancelled');
    expect(h.bank.calls.cancel).toEqual(['S1A1']);
    expect(h.scheduler.pending).toBe(0);
    await expect(h.engine.cancel(started.id)).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('cancel finds the customer already paid: the payment is paid, not cancelled', async () => {
    setup();
    const started = await h.engine.start(REQUEST);
    h.bank.pay('S1A1');
    expect((await h.engine.cancel(started.id)).state).toBe('paid');
  });

  it('expires at expiresAt (asks once more, withdraws the invoice)', async () => {
    setup();
    h.bank.script = { start: 'ok', expiresInMs: 5 * SECOND };
    const started = await h.engine.start(REQUEST);
    expect(started.expiresAt).toBe(h.clock.now() + 5 * SECOND);
    await h.scheduler.advance(4 * SECOND);
    expect(h.engine.get(started.id).state).toBe('awaiting_customer');
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(started.id)).toMatchObject({ state: 'expired' });
    expect(h.bank.calls.cancel).toEqual(['S1A1']);
    expect(h.scheduler.pending).toBe(0);
  });

  it('timeout on start → unknown → resolved by status with the same key; the bank saw exactly ONE start', async () => {
    setup();
    h.bank.script = { start: 'timeout' };
    const started = await h.engine.start(REQUEST);
    expect(started.state).toBe('unknown');
    await h.scheduler.advance(1 * SECOND);
    // Not asked a second after: the first probe is 5 s after the lost start (probe-policy.ts).
    expect(h.bank.calls.status).toHaveLength(0);
    await h.scheduler.advance(4 * SECOND);
    // The invoice exists at the bank and is pending: unknown resolves to awaiting_customer.
    expect(h.engine.get(started.id).state).toBe('awaiting_customer');
    h.bank.pay('S1A1');
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(started.id).state).toBe('paid');
    expect(h.bank.calls.start).toHaveLength(1);
    expect(journaledStates(h.journal, started.id)).toEqual([
      'created',
      'requesting',
      'unknown',
      'awaiting_customer',
      'paid',
    ]);
  });

  it('unknown whose request never arrived: probed at 5 s and 20 s, not_found believed from 20 s → abandoned', async () => {
    setup();
    h.bank.script = { start: 'lost' };
    const started = await h.engine.start(REQUEST);
    await h.scheduler.advance(19 * SECOND);
    expect(h.engine.get(started.id).state).toBe('unknown');
    expect(h.bank.calls.status).toHaveLength(1);
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(started.id)).toMatchObject({ state: 'abandoned' });
    expect(h.engine.get(started.id).reason).toMatch(/never received/);
    expect(h.bank.calls.status).toHaveLength(2);
    await h.scheduler.advance(10 * 60 * SECOND);
    expect(h.bank.calls.status).toHaveLength(2);
    expect(h.bank.calls.start).toHaveLength(1);
  });

  it('restart recovery: a new engine over the reopened journal resumes polling and ends paid exactly once', async () => {
    setup();
    const started = await h.engine.start(REQUEST);
    await h.scheduler.advance(2 * SECOND);
    const engine = await h.restart(); // the old engine is gone, its timers with it
    h.bank.pay('S1A1');
    await engine.recover();
    expect(engine.get(started.id).state).toBe('paid');
    await h.scheduler.advance(60 * SECOND);
    expect(journaledStates(h.journal, started.id).filter((s) => s === 'paid')).toHaveLength(1);
    expect(h.bank.calls.start).toHaveLength(1);
  });

  it('restart recovery: still pending → polling resumes on the new engine', async () => {
    setup();
    const started = await h.engine.start(REQUEST);
    const engine = await h.restart();
    await engine.recover();
    expect(engine.get(started.id).state).toBe('awaiting_customer');
    expect(h.scheduler.pending).toBe(1);
    h.bank.pay('S1A1');
    await h.scheduler.advance(1 * SECOND);
    expect(engine.get(started.id).state).toBe('paid');
  });

  it('restart recovery: crashed mid-start (requesting on disk) → unknown → status, never re-sent; created → cancelled', async () => {
    setup();
    h.bank.script = { start: 'ok' };
    // Simulate the crash windows by writing what the journal would hold at that moment.
    const base: Payment = {
      id: 'crash1',
      saleId: 'S9',
      attempt: 1,
      method: 'socialpay.qr',
      amount: money(1000, 'MNT'),
      state: 'created',
      idempotencyKey: 'S9A1',
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
      refundedAmount: 0,
      refunds: [],
    };
    await h.journal.commit(paymentCommand(base, h.clock.now(), null));
    await h.journal.commit(paymentCommand({ ...base, state: 'requesting' }, h.clock.now(), 'created'));
    const never: Payment = { ...base, id: 'crash2', saleId: 'S8', idempotencyKey: 'S8A1' };
    await h.journal.commit(paymentCommand(never, h.clock.now(), null));
    // The request did reach the bank before the crash:
    await h.bank.start({
      method: 'socialpay.qr',
      idempotencyKey: 'S9A1',
      amount: base.amount,
      description: 'x',
    });
    h.bank.pay('S9A1');

    const engine = await h.restart();
    await engine.recover();
    expect(journaledStates(h.journal, 'crash1')).toEqual(['created', 'requesting', 'unknown', 'paid']);
    expect(engine.get('crash2').state).toBe('cancelled');
    expect(h.bank.calls.start).toHaveLength(1); // only the pre-crash one
  });

  it('webhook checkNow racing the poller transitions once', async () => {
    setup();
    const started = await h.engine.start(REQUEST);
    h.bank.pay('S1A1');
    await Promise.all([
      h.engine.checkNow(started.id),
      h.engine.checkNow(started.id),
      h.scheduler.advance(1 * SECOND),
    ]);
    expect(journaledStates(h.journal, started.id).filter((s) => s === 'paid')).toHaveLength(1);
  });

  it('write-ahead: every event and every provider call comes after the journal holds the transition', async () => {
    const seen: string[] = [];
    setup({
      emit: (p) => {
        // At emit time the journal must already hold this very transition (created and requesting are committed
        // together, so the payment's row is already `requesting` when `created` is emitted).
        seen.push(
          `${p.state}:${journaledStates(h.journal, p.id).includes(p.state) ? 'journaled' : 'missing'}`,
        );
      },
    });
    const realStart = h.bank.start.bind(h.bank);
    h.bank.start = (req) => {
      const onDisk = h.journal.paymentsForSale('S1').at(-1)?.state;
      seen.push(`provider.start:${onDisk ?? 'missing'}`);
      return realStart(req);
    };
    h.bank.script = { start: 'ok', payAfterPolls: 1 };
    await h.engine.start(REQUEST);
    await h.scheduler.advance(1 * SECOND);
    expect(seen).toEqual([
      'created:journaled',
      'requesting:journaled',
      'provider.start:requesting',
      'awaiting_customer:journaled',
      'paid:journaled',
    ]);
  });

  it('adaptive polling: 1 s for the first 30 s, then 3 s, then 10 s after 2 min', async () => {
    setup();
    h.bank.script = { start: 'ok', expiresInMs: 10 * MINUTE };
    const t0 = h.clock.now();
    await h.engine.start(REQUEST);
    await h.scheduler.advance(4 * MINUTE);
    const offsets = h.bank.calls.status.map((t) => t - t0);
    const gaps = offsets.slice(1).map((t, i) => t - (offsets[i] ?? 0));
    expect(offsets[0]).toBe(1 * SECOND);
    expect(offsets.filter((t) => t <= 30 * SECOND)).toHaveLength(30);
    expect(new Set(gaps.filter((_g, i) => (offsets[i] ?? 0) < 30 * SECOND))).toEqual(new Set([1 * SECOND]));
    expect(
      new Set(gaps.filter((_g, i) => (offsets[i] ?? 0) >= 30 * SECOND && (offsets[i] ?? 0) < 120 * SECOND)),
    ).toEqual(new Set([3 * SECOND]));
    expect(new Set(gaps.filter((_g, i) => (offsets[i] ?? 0) >= 120 * SECOND))).toEqual(
      new Set([10 * SECOND]),
    );
  });

  it('status errors while waiting keep waiting; past expiry an unreadable outcome is unknown', async () => {
    setup();
    h.bank.script = {
      start: 'ok',
      expiresInMs: 3 * SECOND,
      statusError: new ProviderError({ provider: 'socialpay', kind: 'timeout', message: 'slow' }),
    };
    const started = await h.engine.start(REQUEST);
    await h.scheduler.advance(2 * SECOND);
    expect(h.engine.get(started.id).state).toBe('awaiting_customer');
    await h.scheduler.advance(1 * SECOND);
    expect(h.engine.get(started.id).state).toBe('unknown');
    h.bank.script = { start: 'ok' };
    h.bank.pay('S1A1');
    await h.scheduler.advance(10 * SECOND);
    expect(h.engine.get(started.id).state).toBe('paid');
  });

  it('cash: paid at once with change; full and partial refunds track the refunded amount', async () => {
    setup();
    const cash = await h.engine.start({
      ...REQUEST,
      method: 'cash',
      amount: money(7_500, 'MNT'),
      tendered: 10_000,
    });
    expect(cash).toMatchObject({ state: 'paid', cash: { tendered: 10_000, change: 2_500 } });
    await expect(
      h.engine.start({ ...REQUEST, method: 'cash', amount: money(7_500, 'MNT'), tendered: 5_000 }),
    ).rejects.toMatchObject({ code: 'validation' });

    h.bank.script = { start: 'ok', payAfterPolls: 1 };
    const qr = await h.engine.start(REQUEST);
    await h.scheduler.advance(1 * SECOND);
    const partial = await h.engine.refund(qr.id, 5_000);
    expect(partial).toMatchObject({ state: 'partly_refunded', refundedAmount: 5_000 });
    await expect(h.engine.refund(qr.id, 20_001)).rejects.toMatchObject({ code: 'validation' });
    const rest = await h.engine.refund(qr.id);
    expect(rest).toMatchObject({ state: 'refunded', refundedAmount: 25_000 });
    expect(rest.refunds.map((r) => [r.amount, r.state])).toEqual([
      [5_000, 'refunded'],
      [20_000, 'refunded'],
    ]);
    expect(h.bank.calls.refund).toEqual(['S1A2R1', 'S1A2R2']);
    await expect(h.engine.refund(qr.id)).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('a failed refund is refund_failed with the reason, and may be tried again', async () => {
    setup();
    h.bank.script = { start: 'ok', payAfterPolls: 1 };
    const qr = await h.engine.start(REQUEST);
    await h.scheduler.advance(1 * SECOND);
    h.bank.script.refundError = new ProviderError({
      provider: 'socialpay',
      kind: 'rejected',
      message: 'too late',
    });
    expect(await h.engine.refund(qr.id)).toMatchObject({ state: 'refund_failed', refundedAmount: 0 });
    h.bank.script.refundError = undefined;
    expect(await h.engine.refund(qr.id)).toMatchObject({ state: 'refunded', refundedAmount: 25_000 });
  });

  it('only offers the country’s providers', async () => {
    setup({ country: 'GE' });
    await expect(h.engine.start(REQUEST)).rejects.toMatchObject({ code: 'validation' });
    expect(h.registry.methods().map((m) => m.method)).toEqual(['cash', 'bog.qr']);
  });
});
