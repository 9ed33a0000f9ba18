import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import { computeSaleTotals, type Payment, type Sale } from '../../shared/domain';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { openJournal, type Journal } from './journal';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) {
    await fn();
  }
});

function sale(id: string, number: number, status: Sale['status'], lines: number): Sale {
  const base = {
    currency: 'MNT' as const,
    discount: null,
    lines: Array.from({ length: lines }, (_, i) => ({
      id: `L${i + 1}`,
      sku: 'MN-MILK-1L',
      barcode: '8650001000015',
      name: 'Сүү 1 л',
      unitPrice: { amount: 4500, currency: 'MNT' as const },
      measure: 'each' as const,
      quantity: 1,
      discount: null,
      vatBasisPoints: 1000,
      cityTaxBasisPoints: 0,
    })),
  };
  return { ...base, id, number, status, totals: computeSaleTotals(base), createdAt: T0, updatedAt: T0 };
}

function cash(id: string, saleId: string, state: Payment['state'], amount: number): Payment {
  return {
    id,
    saleId,
    attempt: 1,
    method: 'cash',
    amount: { amount, currency: 'MNT' },
    state,
    idempotencyKey: `${saleId}A1`,
    createdAt: T0,
    updatedAt: T0,
    refundedAmount: 0,
    refunds: [],
  };
}

/** A journal as the first layout wrote it: a JSON `log` of whole records (and its current tables). */
async function writeLayout1(dataDir: string): Promise<void> {
  const dir = join(dataDir, 'journal');
  mkdirSync(dir, { recursive: true });
  const env = open<unknown, string>({ path: dir, encoding: 'json', maxDbs: 12, overlappingSync: false });
  const log = env.openDB<unknown, [number, number]>({ name: 'log', encoding: 'json' });
  const records = [
    { type: 'sale', at: T0, sale: sale('S1', 1, 'open', 0) },
    { type: 'sale', at: T0 + 1, sale: sale('S1', 1, 'open', 1) },
    { type: 'sale', at: T0 + 2, sale: sale('S1', 1, 'paying', 1) },
    { type: 'payment', at: T0 + 3, from: null, payment: cash('p1', 'S1', 'created', 4500) },
    { type: 'payment', at: T0 + 3, from: 'created', payment: cash('p1', 'S1', 'paid', 4500) },
    { type: 'sale', at: T0 + 4, sale: sale('S1', 1, 'paid', 1) },
    { type: 'sale', at: T0 + 5, sale: sale('S2', 2, 'open', 0) },
    { type: 'sale', at: T0 + 6, sale: sale('S2', 2, 'open', 2) },
    { type: 'sale', at: T0 + 7, sale: sale('S2', 2, 'held', 2) },
  ];
  await env.transaction(() => {
    records.forEach((r, i) => {
      log.putSync([r.at, i + 1], r);
    });
  });
  await env.close();
}

describe('journal layout 1 → 2', () => {
  it('carries the old log over once: rows, indices, sale numbers, events and the day totals', async () => {
    const tmp = tempDataDir('kassa-migrate-');
    cleanups.push(tmp.cleanup);
    await writeLayout1(tmp.dir);
    let journal: Journal = openJournal({ dataDir: tmp.dir });
    expect(journal.sale('S1')?.status).toBe('paid');
    expect(journal.payment('p1')?.state).toBe('paid');
    expect(journal.lastSaleNumber()).toBe(2);
    expect(journal.listActiveSales().map((s) => s.id)).toEqual(['S2']);
    expect(journal.salesPage({ from: T0, to: T0 + 1000, limit: 10 }).sales.map((s) => s.id)).toEqual([
      'S2',
      'S1',
    ]);
    expect(
      journal
        .scan()
        .map((e) =>
          e.event.type === 'sale'
            ? `sale:${e.event.what}`
            : `${e.event.type}:${e.event.type === 'drawer' ? e.event.by : e.event.to}`,
        ),
    ).toEqual([
      'sale:opened',
      'sale:line.added',
      'sale:paying',
      'payment:created',
      'payment:paid',
      'sale:paid',
      'sale:opened',
      'sale:line.added',
      'sale:held',
    ]);
    const report = journal.totalsForDays({ from: T0, to: T0 + 1 }).totals;
    expect(report).toMatchObject({ salesPaid: 1, methods: [{ method: 'cash', count: 1, amount: 4500 }] });
    await journal.close();
    // Once: opening again does not count the history twice.
    journal = openJournal({ dataDir: tmp.dir });
    cleanups.push(() => journal.close());
    expect(journal.scan()).toHaveLength(9);
    expect(journal.totalsForDays({ from: T0, to: T0 + 1 }).totals.salesPaid).toBe(1);
  });
});
