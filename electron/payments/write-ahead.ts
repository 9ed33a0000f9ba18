/**
 * Write-ahead for payments: every transition is committed to the journal — flushed to disk — before it is
 * emitted, handed to onChange, or acted on (docs/architecture.md §8). In particular `requesting` is on disk
 * before the provider's start is called, so a crash during the call is recovered as "may have reached the
 * provider".
 *
 * One command, one transaction: the transitions of one step (a new attempt's `created` and `requesting`, or
 * cash's `created` and `paid`), the payment's row and whatever the sale becomes because of them (`effects`,
 * wired by the composition root to the sale service) are committed together, so a payment is never `paid` on
 * disk while its sale is still `paying`.
 */
import type { Payment, PaymentState } from '../../shared/domain';
import type { Clock } from '../kernel/clock';
import type { Journal, LedgerCommand } from '../storage/journal';
import type { PaymentEvent } from '../storage/ledger-events';
import type { Move } from './outcomes';
import { RESOLVABLE_STATES } from './resolution';
import { transition } from './state-machine';

/** What a payment's transition changes elsewhere (the sale's rows and events), written in its transaction. */
export type PaymentEffects = Required<Pick<LedgerCommand, 'events' | 'sales'>>;

/** Who hears of each journaled transition, in this order. */
export interface PaymentListener {
  /**
   * Called synchronously while the command is built, with the payment as it will be and the state it left
   * (null: it is new): the sale rows and events to commit with it. Throwing refuses the whole command.
   */
  effects?(payment: Payment, from: PaymentState | null): PaymentEffects;
  /**
   * Called with the whole payment after each committed transition: wire to events.emit('payment:updated').
   */
  emit(payment: Payment): void;
  /** Called after emit with the step's last state (sales shows the sale as it now is). Awaited. */
  onChange?(payment: Payment): Promise<void>;
}

export interface PaymentRecorderDeps {
  journal: Journal;
  clock: Clock;
  listener: PaymentListener;
  /** Acts on a journaled transition (the poller reschedules); returns the payment. */
  afterMove(payment: Payment): Payment;
}

interface Step {
  payment: Payment;
  from: PaymentState | null;
}

/**
 * The event of one transition: states, amount and, on a refund's transitions, that refund's amount. A move out
 * of a stuck state that carries a resolution is the manager's (resolution.ts): it is marked, so the totals count
 * it apart.
 */
function eventOf({ payment, from }: Step): PaymentEvent {
  const resolved = from !== null && RESOLVABLE_STATES.includes(from) && payment.resolution !== undefined;
  const refund = ['refunding', 'refunded', 'partly_refunded', 'refund_failed'].includes(payment.state)
    ? payment.refunds.at(-1)?.amount
    : undefined;
  return {
    type: 'payment',
    paymentId: payment.id,
    saleId: payment.saleId,
    method: payment.method,
    from,
    to: payment.state,
    currency: payment.amount.currency,
    amount: payment.amount.amount,
    ...(refund !== undefined ? { refund } : {}),
    ...(resolved ? { resolved: true as const } : {}),
  };
}

export class PaymentRecorder {
  readonly #deps: PaymentRecorderDeps;

  constructor(deps: PaymentRecorderDeps) {
    this.#deps = deps;
  }

  /** A new attempt: `created` and its first move (requesting, or paid for cash) in one command. */
  async begin(created: Payment, first: Move): Promise<Payment> {
    const next = transition(created, first.to, this.#deps.clock.now(), first.patch);
    await this.#commit([
      { payment: created, from: null },
      { payment: next, from: created.state },
    ]);
    return this.#deps.afterMove(next);
  }

  /** Commit first, then tell the world, then act. Throws state.conflict for a move the table forbids. */
  async move(payment: Payment, { to, patch }: Move): Promise<Payment> {
    const next = transition(payment, to, this.#deps.clock.now(), patch);
    await this.#commit([{ payment: next, from: payment.state }]);
    return this.#deps.afterMove(next);
  }

  /** Records the steps of one payment (the last is its new state) with their effects in one transaction. */
  async #commit(steps: [Step, ...Step[]]): Promise<void> {
    const lastStep = steps[steps.length - 1] ?? steps[0];
    const final = lastStep.payment;
    // Built synchronously right before the commit, which is itself synchronous up to the flush (journal.ts): no
    // other command can change the sale between the read in effects() and the write.
    const effects = this.#deps.listener.effects?.(final, steps[0].from) ?? { events: [], sales: [] };
    await this.#deps.journal.commit({
      at: this.#deps.clock.now(),
      events: [...steps.map(eventOf), ...effects.events],
      payments: [final],
      sales: effects.sales,
    });
    for (const step of steps) {
      this.#deps.listener.emit(step.payment);
    }
    await this.#deps.listener.onChange?.(final);
  }
}
