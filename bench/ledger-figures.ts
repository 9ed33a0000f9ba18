/**
 * The ledger's figures (docs/architecture.md §8), through the real gate, sale service, payment engine and
 * journal on disk, with an in-process bank that answers at once — so a payment step's time is all overhead:
 *   payment:start (QR)   gate + checks + commit (sale paying, created, requesting) + bank + commit (answer)
 *   payment paid step    status query + commit (payment paid + sale paid + day totals)
 *   payment:start (cash) one commit: created + paid + sale paid + totals
 *   disk per sale        data.mdb bytes per sale after sales made through the till (3 lines, cash or QR)
 *   X report, journal:list page   at 1 000 sales and again at 10 000 (flat: they read totals keys and one page
 *                        of the sales-by-time index). Sales after the first `tillSales` are committed straight
 *                        to the journal — the same rows and events as the till writes, one command per sale —
 *                        because 50 000 more fsync'ed commands would only measure the disk.
 * Sales are spread over 30 business days.
 */
import { DEMO_CATALOG } from '../electron/sales/demo-catalog';
import { memoryCatalog } from '../electron/sales/testing/memory-catalog';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SaleView } from '../shared/channels/sale';
import type { Payment, Sale } from '../shared/domain';
import { createTill } from '../electron/core/till';
import { HOUR } from '../electron/kernel/clock';
import { FakeScheduler } from '../electron/kernel/testing/fake-scheduler';
import { ManualClock } from '../electron/kernel/testing/manual-clock';
import { tempDataDir } from '../electron/kernel/testing/temp-dir';
import { createLogger } from '../electron/log/logger';
import { FakePaymentProvider } from '../electron/payments/testing/fake-provider';
import { openJournal, type Journal } from '../electron/storage/journal';
import { handle, type AllHandlers, type HandleDeps } from '../electron/ipc/handle';
import { value } from '../electron/testing/till';
import { DEMO_CODES } from './core-figures';
import { timing, type Figure } from './figures';

const DAYS = 30;

export interface LedgerBenchOptions {
  /** Sales made through the till (payment steps and disk per sale are measured on these). */
  tillSales?: number;
  /** Sales in the journal when the reports are measured the second time. */
  totalSales?: number;
}

/** The same sale again as the till would have written it, committed as one command (history filler). */
async function commitCopy(journal: Journal, template: SaleView, number: number, at: number): Promise<void> {
  const id = `B${number}`;
  const sale: Sale = { ...template.sale, id, number, status: 'paid', createdAt: at, updatedAt: at };
  const total = sale.totals.total;
  const payment: Payment = {
    id: `p${id}`,
    saleId: id,
    attempt: 1,
    method: 'cash',
    amount: { amount: total, currency: sale.currency },
    state: 'paid',
    idempotencyKey: `${id}A1`,
    createdAt: at,
    updatedAt: at,
    refundedAmount: 0,
    refunds: [],
    cash: { tendered: total, change: 0 },
  };
  const base = { type: 'sale' as const, saleId: id, currency: sale.currency, total };
  await journal.commit({
    at,
    events: [
      { ...base, what: 'opened', from: null, to: 'open', total: 0 },
      ...sale.lines.map((l) => ({
        ...base,
        what: 'line.added' as const,
        from: 'open' as const,
        to: 'open' as const,
        lineId: l.id,
      })),
      {
        type: 'payment',
        paymentId: payment.id,
        saleId: id,
        method: 'cash',
        from: null,
        to: 'created',
        currency: sale.currency,
        amount: total,
      },
      {
        type: 'payment',
        paymentId: payment.id,
        saleId: id,
        method: 'cash',
        from: 'created',
        to: 'paid',
        currency: sale.currency,
        amount: total,
      },
      { ...base, what: 'paid', from: 'open', to: 'paid' },
    ],
    sales: [sale],
    payments: [payment],
  });
}

export async function ledgerFigures(options: LedgerBenchOptions = {}): Promise<Figure[]> {
  const tillSales = options.tillSales ?? 1000;
  const totalSales = options.totalSales ?? 10_000;
  const spacing = Math.floor((DAYS * 24 * HOUR) / totalSales);
  const t = tempDataDir('kassa-bench-ledger-');
  const clock = new ManualClock(Date.UTC(2026, 9, 1, 2));
  const log = createLogger({ level: 'silent' });
  const journal = openJournal({ dataDir: t.dir });
  const bank = new FakePaymentProvider(clock, { id: 'socialpay' });
  const till = createTill({
    journal,
    clock,
    scheduler: new FakeScheduler(clock),
    logger: log.logger,
    country: () => 'MN',
    provider: (id) => (id === 'socialpay' ? bank : undefined),
    events: { sale: () => undefined, payment: () => undefined },
    catalog: memoryCatalog(DEMO_CATALOG.MN),
  });
  // The gate as the product runs it (createKassa: outputs are not re-validated), over the till's handlers only.
  const handlers: Partial<AllHandlers> = till.handlers;
  const deps: HandleDeps = { handlers: handlers as AllHandlers, ...log, validateOutput: false };
  const call = async <T>(channel: string, input: unknown): Promise<T> =>
    value<T>(await handle(deps, 'cashier', channel, input));
  const timed = async (samples: number[], step: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await step();
    samples.push(performance.now() - started);
  };

  const qrStart: number[] = [];
  const paidStep: number[] = [];
  const cashStart: number[] = [];
  let template: SaleView | undefined;
  for (let i = 0; i < tillSales; i += 1) {
    const view = await call<SaleView>('sale:new', {});
    for (const code of DEMO_CODES.slice(0, 3)) {
      template = await call<SaleView>('sale:add-line', { kind: 'catalog', code: code });
    }
    if (i % 3 === 0) {
      let started: Payment | undefined;
      await timed(qrStart, async () => {
        started = await call<Payment>('payment:start', { saleId: view.sale.id, method: 'socialpay.qr' });
      });
      if (started) {
        bank.pay(started.idempotencyKey);
        const id = started.id;
        await timed(paidStep, () => call('payment:check', { paymentId: id }));
      }
    } else {
      await timed(cashStart, () => call('payment:start', { saleId: view.sale.id, method: 'cash' }));
    }
    clock.advance(spacing);
  }
  const dataFile = join(t.dir, 'journal', 'data.mdb');
  const diskPerSale = statSync(dataFile).size / 1024 / tillSales;
  // The floor under every step: one flushed commit (a sale row and one event).
  const floor: number[] = [];
  const floorSale = template?.sale;
  for (let i = 0; floorSale && i < 200; i += 1) {
    await timed(floor, () =>
      journal.commit({
        at: clock.now(),
        events: [
          {
            type: 'sale',
            saleId: floorSale.id,
            what: 'buyer',
            from: floorSale.status,
            to: floorSale.status,
            currency: floorSale.currency,
            total: 0,
          },
        ],
        sales: [{ ...floorSale, updatedAt: clock.now() }],
      }),
    );
  }

  const reads = async (): Promise<{ report: number[]; list: number[]; history: number[] }> => {
    const report: number[] = [];
    const list: number[] = [];
    const history: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      await timed(report, () => call('journal:report', {}));
      await timed(list, () => call('journal:list', {}));
      await timed(history, () => call('journal:report', { from: 0, to: clock.now() + 1 }));
    }
    return { report, list, history };
  };
  const at1k = await reads();
  if (!template) {
    throw new Error('no sale was made');
  }
  for (let n = journal.lastSaleNumber() + 1; n <= totalSales; n += 1) {
    await commitCopy(journal, template, n, clock.now());
    clock.advance(spacing);
  }
  const atAll = await reads();
  const mark = (n: number): string => (n >= 1000 ? `${String(n / 1000)}k` : String(n));
  till.stop();
  await journal.close();
  if (process.env.KASSA_BENCH_KEEP === '1') {
    process.stderr.write(`kept ${t.dir}\n`);
  } else {
    t.cleanup();
  }
  return [
    timing(
      'payment:start qr',
      'QR start, bank answers at once: 2 commits (write-ahead, answer) + checks',
      qrStart,
      {
        p95: 5,
      },
    ),
    timing('payment paid step', 'status query → payment paid + sale paid + totals in one commit', paidStep, {
      p95: 5,
    }),
    timing('payment:start cash', 'cash: created + paid + sale paid + totals in one commit', cashStart, {
      p95: 5,
    }),
    timing(
      'flushed commit alone',
      'one flushed commit (a sale row and an event): the floor under each step above',
      floor,
    ),
    {
      name: 'disk per sale',
      what: `journal data.mdb per sale after ${String(tillSales)} sales through the till (3 lines, cash or QR)`,
      unit: 'KiB',
      value: diskPerSale,
      atMost: 2,
    },
    timing(`X report @${mark(tillSales)}`, "today's report from the day's totals key", at1k.report, {
      p95: 10,
    }),
    timing(`X report @${mark(totalSales)}`, "today's report from the day's totals key", atAll.report, {
      p95: 10,
    }),
    timing(
      `X report 30 days @${mark(totalSales)}`,
      'a report over all history (one key per day)',
      atAll.history,
    ),
    timing(`journal:list @${mark(tillSales)}`, "one page (50) of today's sales, newest first", at1k.list, {
      p95: 10,
    }),
    timing(`journal:list @${mark(totalSales)}`, "one page (50) of today's sales, newest first", atAll.list, {
      p95: 10,
    }),
  ];
}
