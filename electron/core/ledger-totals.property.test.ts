/**
 * The running totals read from the ledger's keys equal a recomputation from its events (docs/architecture.md §8),
 * for random days of trading: sales paid in cash, by QR, split, declined then voided, voided outright, and paid
 * payments refunded in part or in full, on the same day or later — some refunds losing their answer and settled on
 * the next try by reading the bank. Over the whole history they also equal what the current-state rows say
 * (payments ever paid, refunded amounts, sales paid, refunded in full and voided).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SalesReport } from '../../shared/channels/journal';
import type { Payment } from '../../shared/domain';
import { MINUTE, SECOND } from '../kernel/clock';
import { nextLocalDay, startOfLocalDay } from '../kernel/local-day';
import type { JournalEntry } from '../storage/journal';
import { cleanupRig, rig, type Rig } from '../testing/till-rig';

const CODES = ['8650001000015', '8650001000022', '8650001000039', '8650001000046'];

type Op =
  | { kind: 'sale'; codes: string[]; pay: 'cash' | 'qr' | 'split' | 'declined' | 'void' }
  | { kind: 'refund'; pick: number; part: 'half' | 'all'; lost: boolean }
  | { kind: 'wait'; minutes: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    codes: fc.array(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }),
    pay: fc.constantFrom('cash', 'qr', 'split', 'declined', 'void' as const),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    part: fc.constantFrom('half', 'all' as const),
    lost: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 20 * 60 }) }),
);

interface Expected {
  salesPaid: number;
  salesVoided: number;
  salesRefunded: number;
  methods: Record<string, { count: number; amount: number; refundCount: number; refunded: number }>;
}

/** The report recomputed by reading every event of the range. */
function recompute(entries: JournalEntry[]): Expected {
  const expected: Expected = { salesPaid: 0, salesVoided: 0, salesRefunded: 0, methods: {} };
  for (const { event } of entries) {
    if (event.type === 'sale' && event.what === 'refunded') {
      // Refunded in full: counted as refunded and no longer as a sale.
      expected.salesRefunded += 1;
      expected.salesPaid -= 1;
    } else if (event.type === 'sale' && event.from !== event.to) {
      expected.salesPaid += event.to === 'paid' ? 1 : 0;
      expected.salesVoided += event.to === 'voided' ? 1 : 0;
    } else if (event.type === 'payment') {
      const m = (expected.methods[event.method] ??= { count: 0, amount: 0, refundCount: 0, refunded: 0 });
      if (event.to === 'paid' && event.from !== 'paid') {
        m.count += 1;
        m.amount += event.amount;
      } else if (
        (event.to === 'refunded' || event.to === 'partly_refunded') &&
        (event.from === 'refunding' || event.from === 'refund_failed')
      ) {
        m.refundCount += 1;
        m.refunded += event.refund ?? 0;
      }
    }
  }
  // A method with nothing counted has no row in a report.
  expected.methods = Object.fromEntries(
    Object.entries(expected.methods).filter(([, m]) => m.count + m.refundCount > 0),
  );
  return expected;
}

function asExpected(report: SalesReport): Expected {
  return {
    salesPaid: report.salesPaid,
    salesVoided: report.salesVoided,
    salesRefunded: report.salesRefunded,
    methods: Object.fromEntries(report.methods.map(({ method, ...m }) => [method, m])),
  };
}

async function run(r: Rig, ops: Op[]): Promise<void> {
  let n = 0;
  const paid: Payment[] = [];
  const qr = async (saleId: string, amount?: number): Promise<Payment> => {
    const p = (await r.call('payment:start', {
      saleId,
      method: 'socialpay.qr',
      ...(amount !== undefined ? { amount } : {}),
    })) as Payment;
    if (r.bank.script.declineAfterPolls === undefined) {
      r.bank.pay(p.idempotencyKey);
    }
    await r.scheduler.advance(1 * SECOND);
    return r.till.engine.get(p.id);
  };
  for (const o of ops) {
    if (o.kind === 'wait') {
      r.clock.advance(o.minutes * MINUTE);
      continue;
    }
    if (o.kind === 'refund') {
      const open = paid.map((p) => r.till.engine.get(p.id)).filter((p) => p.amount.amount > p.refundedAmount);
      const p = open[o.pick % Math.max(open.length, 1)];
      if (p) {
        const left = p.amount.amount - p.refundedAmount;
        const amount = o.part === 'all' ? left : Math.max(1, Math.floor(left / 2));
        if (o.lost && p.method !== 'cash') {
          // The bank refunds but the answer is lost; the next press settles it from the bank, never twice.
          r.bank.script.refundAnswerLost = true;
          expect(await r.till.engine.refund(p.id, amount)).toMatchObject({ state: 'refund_failed' });
          r.bank.script.refundAnswerLost = false;
          const settled = await r.till.engine.refund(p.id, amount);
          expect(settled.refundedAmount).toBe(p.refundedAmount + amount);
          expect(r.bank.invoices.get(p.idempotencyKey)?.refunded).toBe(settled.refundedAmount);
        } else {
          await r.till.engine.refund(p.id, amount);
        }
      }
      continue;
    }
    n += 1;
    const saleId = `S${n}`;
    await r.call('sale:new', {});
    for (const code of o.codes) {
      await r.call('sale:add-line', { kind: 'catalog', code });
    }
    if (o.pay === 'void') {
      await r.call('sale:void', {});
    } else if (o.pay === 'declined') {
      r.bank.script = { start: 'ok', declineAfterPolls: 1 };
      await qr(saleId);
      r.bank.script = { start: 'ok' };
      await r.call('sale:void', { reason: 'declined' });
    } else if (o.pay === 'cash') {
      paid.push((await r.call('payment:start', { saleId, method: 'cash' })) as Payment);
    } else if (o.pay === 'qr') {
      paid.push(await qr(saleId));
    } else {
      const total = r.till.sales.get(saleId).totals.total;
      paid.push(await qr(saleId, Math.floor(total / 2)));
      paid.push((await r.call('payment:start', { saleId, method: 'cash', tendered: total })) as Payment);
    }
    r.clock.advance(3 * MINUTE);
  }
}

describe('running totals', () => {
  it('equal a recomputation from the events, per day and over all days, and agree with the rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const r = rig();
        try {
          const first = startOfLocalDay(r.clock.now());
          await run(r, ops);
          const end = r.clock.now() + 1;
          for (let day = first; day < end; day = nextLocalDay(day)) {
            const report = (await r.call('journal:report', { from: day, to: day + 1 })) as SalesReport;
            expect(report.from).toBe(day);
            expect(asExpected(report)).toEqual(
              recompute(r.journal.scan({ from: day, to: nextLocalDay(day) })),
            );
          }
          const all = (await r.call('journal:report', { from: first, to: end })) as SalesReport;
          expect(asExpected(all)).toEqual(recompute(r.journal.scan()));
          // The rows, without the events: every payment ever paid, every refund confirmed, every sale settled.
          const sales = [...Array(ops.length).keys()].flatMap((i) => r.journal.sale(`S${i + 1}`) ?? []);
          const payments = sales.flatMap((s) => r.journal.paymentsForSale(s.id));
          const everPaid = payments.filter((p) =>
            ['paid', 'refunding', 'refunded', 'partly_refunded', 'refund_failed'].includes(p.state),
          );
          const refundedInFull = sales.filter((s) => {
            const view = r.till.sales.view(s);
            return s.status === 'paid' && view.refund === 'full';
          });
          expect(all.salesRefunded).toBe(refundedInFull.length);
          expect(all.salesPaid).toBe(sales.filter((s) => s.status === 'paid').length - refundedInFull.length);
          // A partial refund never labels the payment refunded; a full one always does.
          for (const p of payments.filter((x) => x.refundedAmount > 0)) {
            expect(p.state).toBe(p.refundedAmount === p.amount.amount ? 'refunded' : 'partly_refunded');
          }
          expect(all.salesVoided).toBe(sales.filter((s) => s.status === 'voided').length);
          expect(all.methods.reduce((a, m) => a + m.count, 0)).toBe(everPaid.length);
          expect(all.total).toBe(everPaid.reduce((a, p) => a + p.amount.amount - p.refundedAmount, 0));
          expect(sales.filter((s) => s.status === 'paying')).toEqual([]);
        } finally {
          await cleanupRig();
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
