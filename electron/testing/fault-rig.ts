/**
 * Test-only: the fault matrix of one provider (docs/payment-outcomes.md). A till (createTill: sales, checkout,
 * engine, a real journal) with fake time, whose provider is the real adapter over the real client talking to
 * the provider's simulator on 127.0.0.1. A cell injects faults at the simulator (simulator-kit.ts `failOn` /
 * `replyOn`, or the simulator's own business-code controls), starts a payment through the real gate, lets fake
 * time run and reports where the payment ended, how many times the provider was asked about it, and whether the
 * sale could still be finished.
 */
import type { PaymentMethod, PaymentState, Payment } from '../../shared/domain';
import type { Country } from '../../shared/settings';
import { createTill, type Till } from '../core/till';
import { MINUTE, SECOND } from '../kernel/clock';
import { FakeScheduler } from '../kernel/testing/fake-scheduler';
import type { ManualClock } from '../kernel/testing/manual-clock';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import type { PaymentProvider } from '../payments/provider';
import type { Fault, PathMatch, SimReply, SimRequest, SimulatorControls } from '../providers/simulator-kit';
import { DEMO_CATALOG } from '../sales/demo-catalog';
import { memoryCatalog } from '../sales/testing/memory-catalog';
import { openJournal, type Journal } from '../storage/journal';
import { gateFor, value } from './till';

/** States a cell may end in: final, or `unknown` (a manager's resolution is its exit). */
export const SETTLED_OR_MANAGER: readonly PaymentState[] = [
  'paid',
  'declined',
  'cancelled',
  'expired',
  'abandoned',
  'unknown',
];

/** The transport faults every matrix injects: a cut, a hang, a server error and two kinds of garbage. */
export const TRANSPORT_FAULTS: readonly Fault[] = ['reset', 'hang', 'http500', 'html', 'malformed-json'];

/** A token-endpoint cell: the payment call never left, so the payment is declined and nothing was created. */
export interface TokenFailureCell {
  name: string;
  arrange: (sim: SimulatorControls) => void;
  ends: 'declined';
  creates: 0;
}

/** The token endpoint `token` fails with each transport fault, then refuses with `unauthorized` (a 401). */
export function tokenFailureCells(token: PathMatch, unauthorized: SimReply): TokenFailureCell[] {
  return [
    ...TRANSPORT_FAULTS.map((fault): TokenFailureCell => ({
      name: `token: ${fault}`,
      arrange: (sim) => {
        sim.failOn(token, fault);
      },
      ends: 'declined',
      creates: 0,
    })),
    {
      name: 'token: 401',
      arrange: (sim) => {
        sim.replyOn(token, unauthorized);
      },
      ends: 'declined',
      creates: 0,
    },
  ];
}

export interface FaultRigOptions {
  country: Country;
  /** The provider id the till asks for ('socialpay', 'pocket', 'bog', 'baas'). */
  providerId: string;
  provider: PaymentProvider;
  /** Every request the simulator saw, in order. */
  requests: readonly SimRequest[];
  clock: ManualClock;
}

export interface CellOutcome {
  payment: Payment;
  /** Requests matching `asked` while the payment was `unknown` after its start (the probes of a lost start). */
  probes: number;
  /** The states the payment went through, in order (as emitted after each commit). */
  states: PaymentState[];
  /** Requests matching `asked` after the start's own request (the probes, polls and re-sends). */
  asked: number;
  /** Requests matching `creates` made by the start and afterwards. */
  creates: number;
}

export interface FaultRig {
  till: Till;
  journal: Journal;
  clock: ManualClock;
  scheduler: FakeScheduler;
  call(name: string, input: unknown, role?: 'cashier' | 'manager'): Promise<unknown>;
  /**
   * A new sale of one demo product, a payment started with `method` (faults already injected), then `runFor` of
   * fake time. `creates` / `asked` say which simulator paths are the create and the status questions.
   */
  cell(options: {
    method: PaymentMethod;
    phone?: string;
    creates: PathMatch;
    asked: PathMatch;
    runFor?: number;
    /** Between the start and letting time run (e.g. inject status faults once the create is through). */
    afterStart?: (payment: Payment) => void;
  }): Promise<CellOutcome>;
  /** After a cell: resolve a stuck payment as failed, then pay the rest in cash. The sale must end `paid`. */
  finishSale(payment: Payment): Promise<void>;
  close(): Promise<void>;
}

const matches = (match: PathMatch, path: string): boolean =>
  typeof match === 'string' ? path === match : match.test(path);

export function faultRig(options: FaultRigOptions): FaultRig {
  const tmp = tempDataDir('kassa-faults-');
  const { clock } = options;
  const scheduler = new FakeScheduler(clock);
  const log = createCapturingLogger('error');
  const journal = openJournal({ dataDir: tmp.dir });
  let sales = 0;
  const seen: Payment[] = [];
  const till = createTill({
    journal,
    clock,
    scheduler,
    logger: log.logger,
    country: () => options.country,
    provider: (id) => (id === options.providerId ? options.provider : undefined),
    events: {
      sale: () => undefined,
      payment: (p) => {
        seen.push(p);
      },
    },
    catalog: memoryCatalog(DEMO_CATALOG[options.country]),
    newSaleId: () => `S${++sales}`,
  });
  const gate = gateFor(till.handlers, log);
  const call = async (name: string, input: unknown, role: 'cashier' | 'manager' = 'cashier') =>
    value(await gate(name, input, role));
  const count = (match: PathMatch, from: number): number =>
    options.requests.slice(from).filter((r) => matches(match, r.path)).length;

  return {
    till,
    journal,
    clock,
    scheduler,
    call,
    async cell({ method, phone, creates, asked, runFor = 12 * MINUTE, afterStart }) {
      await call('sale:new', {});
      const product = DEMO_CATALOG[options.country][0];
      if (product?.barcode === undefined) {
        throw new Error('the demo catalog has no product with a barcode');
      }
      await call('sale:add-line', { kind: 'catalog', code: product.barcode });
      const from = options.requests.length;
      const started = value<Payment>(
        await gate('payment:start', {
          saleId: `S${sales}`,
          method,
          ...(phone !== undefined ? { phone } : {}),
        }),
      );
      const startAsked = count(asked, from);
      const firstSeen = seen.findIndex((p) => p.id === started.id);
      afterStart?.(started);
      let probes = 0;
      for (let t = 0; t < runFor; t += 5 * SECOND) {
        const before = count(asked, from);
        const wasUnknown = till.engine.get(started.id).state === 'unknown';
        await scheduler.advance(5 * SECOND);
        if (wasUnknown) {
          probes += count(asked, from) - before;
        }
      }
      return {
        payment: till.engine.get(started.id),
        probes,
        states: seen
          .slice(firstSeen)
          .filter((p) => p.id === started.id)
          .map((p) => p.state),
        asked: count(asked, from) - startAsked,
        creates: count(creates, from),
      };
    },
    async finishSale(payment) {
      let current = till.engine.get(payment.id);
      if (current.state === 'unknown' || current.state === 'awaiting_customer') {
        current = value<Payment>(
          await gate(
            'payment:resolve',
            { paymentId: current.id, outcome: 'failed', reason: 'Not in the bank portal' },
            'manager',
          ),
        );
      }
      if (current.state !== 'paid') {
        await call('payment:start', { saleId: current.saleId, method: 'cash' });
      }
      const sale = journal.sale(current.saleId);
      if (sale?.status !== 'paid') {
        throw new Error(`sale ${current.saleId} is ${sale?.status ?? 'missing'} after the cell`);
      }
    },
    async close() {
      till.stop();
      await journal.close();
      tmp.cleanup();
    },
  };
}
