/**
 * Test-only: the sale + payment side of a till (createTill) over a real journal in a temp dir, with fake time
 * and a scriptable fake bank, called through the real gate. `restart()` closes and reopens the journal and
 * builds a new till over it. Call `cleanupRig()` in afterEach.
 */
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { createTill, type Till } from '../core/till';
import { FakeScheduler } from '../kernel/testing/fake-scheduler';
import { ManualClock } from '../kernel/testing/manual-clock';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { FakePaymentProvider } from '../payments/testing/fake-provider';
import { DEMO_CATALOG } from '../sales/demo-catalog';
import { memoryCatalog } from '../sales/testing/memory-catalog';
import { openJournal, type Journal } from '../storage/journal';
import { gateFor, value } from './till';

export interface Rig {
  till: Till;
  journal: Journal;
  bank: FakePaymentProvider;
  clock: ManualClock;
  scheduler: FakeScheduler;
  sales: SaleView[];
  payments: Payment[];
  /**
   * Calls a channel as the cashier through the real gate (handle(): input and output checked against the
   * contract); a failed call is thrown as its error, code kept.
   */
  /** Through the gate as the cashier, or as `role` (a manager imports the catalog). */
  call(name: string, input: unknown, role?: 'cashier' | 'manager'): Promise<unknown>;
  restart(): Promise<void>;
}

let cleanup: (() => Promise<void>) | undefined;

export async function cleanupRig(): Promise<void> {
  await cleanup?.();
  cleanup = undefined;
}

export function rig(options: { clock?: ManualClock } = {}): Rig {
  const tmp = tempDataDir('kassa-till-');
  const clock = options.clock ?? new ManualClock();
  const scheduler = new FakeScheduler(clock);
  const bank = new FakePaymentProvider(clock, { id: 'socialpay' });
  const log = createCapturingLogger('warn');
  const { logger } = log;
  let saleCounter = 0;
  const r: Rig = {
    journal: openJournal({ dataDir: tmp.dir }),
    bank,
    clock,
    scheduler,
    sales: [],
    payments: [],
    till: undefined as unknown as Till,
    async call(name, input, role = 'cashier') {
      // The gate over the till built last (restart() builds a new one).
      return value(await gateFor(r.till.handlers, log)(name, input, role));
    },
    async restart() {
      r.till.stop();
      await r.journal.close();
      r.journal = openJournal({ dataDir: tmp.dir });
      build();
      await r.till.recover();
    },
  };
  const build = (): void => {
    r.till = createTill({
      journal: r.journal,
      clock,
      scheduler,
      logger,
      country: () => 'MN',
      provider: (id) => (id === 'socialpay' ? bank : undefined),
      events: { sale: (v) => r.sales.push(v), payment: (p) => r.payments.push(p) },
      newSaleId: () => `S${++saleCounter}`,
      catalog: memoryCatalog(DEMO_CATALOG.MN),
    });
  };
  build();
  cleanup = async () => {
    r.till.stop();
    await r.journal.close();
    tmp.cleanup();
  };
  return r;
}
