import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { computeSaleTotals, type Payment, type Sale } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { assertStorable, openJournal, type Journal } from './journal';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function sale(id: string, at: number, status: Sale['status'] = 'open'): Sale {
  const base = { currency: 'MNT' as const, lines: [], discount: null };
  return { ...base, id, number: 1, status, totals: computeSaleTotals(base), createdAt: at, updatedAt: at };
}

function payment(id: string, saleId: string, state: Payment['state'], at: number): Payment {
  return {
    id,
    saleId,
    attempt: 1,
    method: 'socialpay.qr',
    amount: { amount: 5000, currency: 'MNT' },
    state,
    idempotencyKey: `${saleId}A1`,
    qr: 'payment-link-000201',
    createdAt: at,
    updatedAt: at,
    refundedAmount: 0,
    refunds: [],
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) {
    await fn();
  }
});

function fresh(): { dir: string; journal: Journal } {
  const tmp = tempDataDir('kassa-journal-');
  const journal = openJournal({ dataDir: tmp.dir });
  cleanups.push(tmp.cleanup, () => journal.close());
  return { dir: tmp.dir, journal };
}

describe('journal', () => {
  it('keeps everything after close and reopen (sales, payments, open set, log order)', async () => {
    const { dir, journal } = fresh();
    await journal.append({ type: 'sale', at: T0, sale: sale('S1', T0) });
    await journal.append({
      type: 'payment',
      at: T0 + 1,
      from: null,
      payment: payment('P1', 'S1', 'created', T0 + 1),
    });
    await journal.append({
      type: 'payment',
      at: T0 + 2,
      from: 'created',
      payment: payment('P1', 'S1', 'awaiting_customer', T0 + 2),
    });
    await journal.append({
      type: 'payment',
      at: T0 + 3,
      from: null,
      payment: payment('P2', 'S1', 'paid', T0 + 3),
    });
    await journal.close();

    const again = openJournal({ dataDir: dir });
    cleanups.push(() => again.close());
    expect(again.scan().map((e) => e.record.type)).toEqual(['sale', 'payment', 'payment', 'payment']);
    expect(again.sale('S1')?.id).toBe('S1');
    expect(again.payment('P1')?.state).toBe('awaiting_customer');
    expect(again.paymentsForSale('S1').map((p) => p.id)).toEqual(['P1', 'P2']);
    expect(again.listOpenPayments().map((p) => p.id)).toEqual(['P1']);
    // Sequence numbers continue after a reopen instead of restarting (no key collision).
    const next = await again.append({ type: 'sale', at: T0 + 4, sale: sale('S2', T0 + 4) });
    expect(next.seq).toBe(5);
  });

  it('orders by time then sequence and never lets a clock step back reorder the log', async () => {
    const { journal } = fresh();
    await journal.append({ type: 'sale', at: T0 + 10, sale: sale('A', T0 + 10) });
    await journal.append({ type: 'sale', at: T0 + 10, sale: sale('B', T0 + 10) });
    await journal.append({ type: 'sale', at: T0 + 5, sale: sale('C', T0 + 5) }); // clock went back
    const ids = journal.scan().map((e) => (e.record.type === 'sale' ? e.record.sale.id : ''));
    expect(ids).toEqual(['A', 'B', 'C']);
    expect(journal.scan().map((e) => e.at)).toEqual([T0 + 10, T0 + 10, T0 + 10]);
  });

  it('range-scans [from, to) by time', async () => {
    const { journal } = fresh();
    for (let i = 0; i < 10; i++) {
      await journal.append({ type: 'sale', at: T0 + i * 1000, sale: sale(`S${i}`, T0 + i * 1000) });
    }
    const mid = journal.scan({ from: T0 + 3000, to: T0 + 6000 });
    expect(mid.map((e) => e.at)).toEqual([T0 + 3000, T0 + 4000, T0 + 5000]);
    expect(journal.scan({ from: T0 + 8000 })).toHaveLength(2);
    expect(journal.scan({ to: T0 + 1 })).toHaveLength(1);
    expect(journal.sales({ from: T0 + 8000 }).map((s) => s.id)).toEqual(['S8', 'S9']);
  });

  it('scans newest first, tracks active sales and the highest sale number', async () => {
    const { journal } = fresh();
    await journal.append({ type: 'sale', at: T0, sale: { ...sale('S1', T0), number: 1 } });
    await journal.append({ type: 'sale', at: T0 + 1, sale: { ...sale('S2', T0 + 1, 'held'), number: 2 } });
    await journal.append({ type: 'sale', at: T0 + 2, sale: { ...sale('S1', T0, 'paid'), number: 1 } });
    expect(journal.scan({ reverse: true, limit: 2 }).map((e) => e.at)).toEqual([T0 + 2, T0 + 1]);
    expect(journal.scan({ reverse: true, from: T0 + 1, to: T0 + 2 }).map((e) => e.at)).toEqual([T0 + 1]);
    expect(journal.listActiveSales().map((s) => s.id)).toEqual(['S2']);
    expect(journal.lastSaleNumber()).toBe(2);
  });

  it('refuses records carrying receipt qrData, lottery or secrets, and writes nothing', async () => {
    const { journal } = fresh();
    const bad = {
      type: 'sale',
      at: T0,
      sale: { ...sale('S1', T0), receipt: { id: 'r', status: 'issued', qrData: '1234' } },
    };
    // @ts-expect-error -- the type forbids it too; this proves the runtime check for untyped callers.
    await expect(journal.append(bad)).rejects.toThrow(/qrData/);
    expect(() => {
      assertStorable({ a: [{ lottery: 'AB 12345678' }] });
    }).toThrow(KassaError);
    expect(() => {
      assertStorable({ nested: { clientSecret: 'x' } });
    }).toThrow(/clientSecret/);
    expect(() => {
      assertStorable({ qr: 'payment link is fine' });
    }).not.toThrow();
    expect(journal.scan()).toHaveLength(0);
  });

  it('fuzz: whatever is appended comes back in append order, validated', async () => {
    const { journal } = fresh();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5000 }),
            fc.constantFrom('open', 'held', 'paid', 'voided' as const),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (items) => {
          const before = journal.scan().length;
          const start = T0 + 1_000_000 * before;
          for (const [i, [offset, status]] of items.entries()) {
            await journal.append({
              type: 'sale',
              at: start + offset,
              sale: sale(`F${before}x${i}`, start, status),
            });
          }
          const added = journal.scan().slice(before);
          expect(added.map((e) => (e.record.type === 'sale' ? e.record.sale.status : ''))).toEqual(
            items.map((x) => x[1]),
          );
          const keys = journal.scan().map((e) => [e.at, e.seq] as const);
          for (let i = 1; i < keys.length; i++) {
            const [a, b] = [keys[i - 1], keys[i]];
            expect(
              a !== undefined && b !== undefined && (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
