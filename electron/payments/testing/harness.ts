/** Shared set-up for payment and sales tests: a real journal in a temp dir, fake time, a fake bank. */
import type { Payment } from '../../../shared/domain';
import type { Country } from '../../../shared/settings';
import { ManualClock } from '../../kernel/testing/manual-clock';
import { createCapturingLogger } from '../../log/logger';
import { openJournal, type Journal } from '../../storage/journal';
import { tempDataDir } from '../../kernel/testing/temp-dir';
import { PaymentEngine, type PaymentEngineDeps } from '../engine';
import type { PaymentProvider } from '../provider';
import { createPaymentRegistry, type PaymentRegistry } from '../registry';
import { FakePaymentProvider } from './fake-provider';
import { FakeScheduler } from '../../kernel/testing/fake-scheduler';

export interface Harness {
  dir: string;
  clock: ManualClock;
  scheduler: FakeScheduler;
  journal: Journal;
  bank: FakePaymentProvider;
  registry: PaymentRegistry;
  events: Payment[];
  engine: PaymentEngine;
  /**
   * A restart: the old engine stops, the journal is closed and reopened from disk, and a new engine is built
   * over it (the caller then runs recover()).
   */
  restart(): Promise<PaymentEngine>;
  close(): Promise<void>;
}

export function createHarness(
  options: { country?: Country; onChange?: PaymentEngineDeps['onChange']; emit?: (p: Payment) => void } = {},
): Harness {
  const tmp = tempDataDir('kassa-payments-');
  const clock = new ManualClock();
  const scheduler = new FakeScheduler(clock);
  let journal = openJournal({ dataDir: tmp.dir });
  const bank = new FakePaymentProvider(clock, { id: 'socialpay' });
  const providers = new Map<string, PaymentProvider>([
    ['socialpay', bank],
    ['pocket', bank],
    ['bog', bank],
    ['baas', bank],
  ]);
  const registry = createPaymentRegistry({
    country: () => options.country ?? 'MN',
    provider: (id) => providers.get(id),
  });
  const events: Payment[] = [];
  const { logger } = createCapturingLogger('warn');
  let counter = 0;
  const makeEngine = (): PaymentEngine =>
    new PaymentEngine({
      journal,
      registry,
      clock,
      scheduler,
      logger,
      emit: (p) => {
        events.push(p);
        options.emit?.(p);
      },
      ...(options.onChange ? { onChange: options.onChange } : {}),
      newId: () => `pay${++counter}`,
    });
  const harness: Harness = {
    dir: tmp.dir,
    clock,
    scheduler,
    get journal() {
      return journal;
    },
    bank,
    registry,
    events,
    engine: makeEngine(),
    async restart() {
      harness.engine.stop();
      await journal.close();
      journal = openJournal({ dataDir: tmp.dir });
      harness.engine = makeEngine();
      return harness.engine;
    },
    async close() {
      harness.engine.stop();
      await journal.close();
      tmp.cleanup();
    },
  };
  return harness;
}

/** The journaled transitions of one payment, in order: the states it went through. */
export function journaledStates(journal: Journal, paymentId: string): string[] {
  return journal
    .scan()
    .flatMap((e) => (e.event.type === 'payment' && e.event.paymentId === paymentId ? [e.event.to] : []));
}
