/**
 * One transaction per command, seen from the till (docs/architecture.md §8): what payment:start commits before
 * the provider is called, a payment's `paid` and its sale's `paid` in one commit, and journal:list paging a day.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalSaleSummary, SalesReport } from '../../shared/channels/journal';
import type { Payment } from '../../shared/domain';
import { HOUR, SECOND } from '../kernel/clock';
import type { LedgerCommand } from '../storage/journal';
import { cleanupRig, rig, type Rig } from '../testing/till-rig';

const MILK = '8650001000015';
const VODKA = '8650001000046';

afterEach(async () => {
  await cleanupRig();
});

/** Every command the till commits from now on, in order (the commits still happen). */
function recordCommits(r: Rig): LedgerCommand[] {
  const commands: LedgerCommand[] = [];
  const commit = r.journal.commit.bind(r.journal);
  vi.spyOn(r.journal, 'commit').mockImplementation((command) => {
    commands.push(command);
    return commit(command);
  });
  return commands;
}

/** Event names of a command: `payment:<to>` and `sale:<to>`. */
const eventsOf = (c: LedgerCommand | undefined): string[] =>
  (c?.events ?? []).map((e) => `${e.type}:${e.type === 'drawer' ? e.by : e.to}`);

describe('one transaction per command', () => {
  it('payment:start: sale paying + created + requesting in one commit before the bank is called, its answer in a second', async () => {
    const r = rig();
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'catalog', code: MILK });
    const commands = recordCommits(r);
    let onDiskAtStart: string[] = [];
    const start = r.bank.start.bind(r.bank);
    r.bank.start = (request) => {
      onDiskAtStart = [
        r.journal.sale('S1')?.status ?? 'none',
        r.journal.paymentsForSale('S1')[0]?.state ?? 'none',
      ];
      return start(request);
    };
    const payment = (await r.call('payment:start', { saleId: 'S1', method: 'socialpay.qr' })) as Payment;
    expect(payment.state).toBe('awaiting_customer');
    expect(onDiskAtStart).toEqual(['paying', 'requesting']);
    expect(commands.map(eventsOf)).toEqual([
      ['payment:created', 'payment:requesting', 'sale:paying'],
      ['payment:awaiting_customer'],
    ]);
    // Both transitions were emitted, in order, after the commit that holds them.
    expect(r.payments.map((p) => p.state)).toEqual(['created', 'requesting', 'awaiting_customer']);
  });

  it('cash is one commit: the payment created and paid, and the sale paid, with the day totals', async () => {
    const r = rig();
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'catalog', code: MILK });
    const commands = recordCommits(r);
    await r.call('payment:start', { saleId: 'S1', method: 'cash', tendered: 5000 });
    expect(commands.map(eventsOf)).toEqual([['payment:created', 'payment:paid', 'sale:paid']]);
    expect(commands[0]?.sales?.map((s) => s.status)).toEqual(['paid']);
    expect(await r.call('journal:report', {})).toMatchObject({ salesPaid: 1, total: 4500, cashNet: 4500 });
  });

  it('a payment becomes paid and its sale paid in the same commit; a failed commit leaves neither', async () => {
    const r = rig();
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'catalog', code: VODKA });
    const qr = (await r.call('payment:start', { saleId: 'S1', method: 'socialpay.qr' })) as Payment;
    const commit = r.journal.commit.bind(r.journal);
    // The disk fails on the commit that would record the payment paid (as a crash there would).
    const failing = vi
      .spyOn(r.journal, 'commit')
      .mockImplementation((command) =>
        command.events.some((e) => e.type === 'payment' && e.to === 'paid')
          ? Promise.reject(new Error('disk failed'))
          : commit(command),
      );
    r.bank.pay(qr.idempotencyKey);
    await r.scheduler.advance(1 * SECOND).catch(() => undefined);
    expect([r.journal.payment(qr.id)?.state, r.journal.sale('S1')?.status]).toEqual([
      'awaiting_customer',
      'paying',
    ]);
    failing.mockRestore();
    // Asked again, the payment and its sale become paid, together.
    const commands = recordCommits(r);
    await r.till.engine.checkNow(qr.id);
    expect(commands.map(eventsOf)).toEqual([['payment:paid', 'sale:paid']]);
    expect([r.journal.payment(qr.id)?.state, r.journal.sale('S1')?.status]).toEqual(['paid', 'paid']);
  });

  it('a payment for more than is left is refused inside the transaction, and nothing is written', async () => {
    const r = rig();
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'catalog', code: MILK });
    const before = r.journal.scan().length;
    await expect(
      r.till.engine.start({
        saleId: 'S1',
        method: 'cash',
        amount: { amount: 9999, currency: 'MNT' },
        description: 'x',
      }),
    ).rejects.toMatchObject({ code: 'state.conflict' });
    expect(r.journal.scan()).toHaveLength(before);
    expect(r.journal.sale('S1')?.status).toBe('open');
  });

  it('two payment:start for one sale at the same moment (two presses, two windows): one payment, one refusal', async () => {
    const r = rig();
    await r.call('sale:new', {});
    await r.call('sale:add-line', { kind: 'catalog', code: MILK });
    const both = await Promise.allSettled([
      r.call('payment:start', { saleId: 'S1', method: 'socialpay.qr' }),
      r.call('payment:start', { saleId: 'S1', method: 'socialpay.qr' }),
    ]);
    expect(both.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect(both.find((x) => x.status === 'rejected')).toMatchObject({ reason: { code: 'state.conflict' } });
    expect(r.journal.paymentsForSale('S1')).toHaveLength(1);
    expect(r.bank.calls.start).toHaveLength(1);
  });
});

describe('journal:list and journal:report read indices and totals', () => {
  it('pages a day newest first with a cursor, and lists another day by `day`', async () => {
    const r = rig();
    const yesterday = r.clock.now();
    for (let i = 0; i < 2; i++) {
      await r.call('sale:new', {});
      await r.call('sale:add-line', { kind: 'catalog', code: MILK });
      await r.call('payment:start', { saleId: `S${i + 1}`, method: 'cash' });
    }
    r.clock.advance(24 * HOUR);
    for (let i = 2; i < 7; i++) {
      await r.call('sale:new', {});
      await r.call('sale:add-line', { kind: 'catalog', code: MILK });
      await r.call('payment:start', { saleId: `S${i + 1}`, method: 'cash' });
      r.clock.advance(1000);
    }
    const ids = (list: unknown): string[] => (list as JournalSaleSummary[]).map((s) => s.id);
    const page1 = (await r.call('journal:list', { limit: 2 })) as JournalSaleSummary[];
    expect(ids(page1)).toEqual(['S7', 'S6']);
    const page2 = await r.call('journal:list', { limit: 2, cursor: page1.at(-1)?.cursor });
    expect(ids(page2)).toEqual(['S5', 'S4']);
    const page3 = (await r.call('journal:list', {
      limit: 2,
      cursor: (page2 as JournalSaleSummary[]).at(-1)?.cursor,
    })) as JournalSaleSummary[];
    expect(ids(page3)).toEqual(['S3']);
    expect(ids(await r.call('journal:list', { day: yesterday }))).toEqual(['S2', 'S1']);
    await expect(r.call('journal:list', { day: yesterday, from: yesterday })).rejects.toMatchObject({
      code: 'validation',
    });
    const report = (await r.call('journal:report', {})) as SalesReport;
    expect(report).toMatchObject({ salesPaid: 5, total: 5 * 4500 });
    const both = (await r.call('journal:report', { from: yesterday, to: r.clock.now() })) as SalesReport;
    expect(both).toMatchObject({ salesPaid: 7, total: 7 * 4500 });
    expect(both.from).toBeLessThanOrEqual(yesterday);
  });
});
