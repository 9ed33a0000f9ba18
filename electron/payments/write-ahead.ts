/**
 * Write-ahead for payments: every transition is awaited into the journal before it is emitted, handed to
 * onChange, or acted on (docs/architecture.md, "Sales, payments and the journal"). In particular `requesting`
 * is on disk before the provider's start is called, so a crash during the call is recovered as "may have
 * reached the provider".
 */
import type { Payment, PaymentState } from '../../shared/domain';
import type { Clock } from '../kernel/clock';
import type { Journal } from '../storage/journal';
import type { Move } from './outcomes';
import { transition } from './state-machine';

/** Who hears of each journaled transition, in this order. */
export interface PaymentListener {
  /**
   * Called with the whole payment after each journaled transition: wire to events.emit('payment:updated').
   */
  emit(payment: Payment): void;
  /**
   * Called after emit (sales marks the sale paid); awaited, so its own journal write is ordered after ours.
   */
  onChange?(payment: Payment): Promise<void>;
}

export interface PaymentRecorderDeps {
  journal: Journal;
  clock: Clock;
  listener: PaymentListener;
  /** Acts on a journaled transition (the poller reschedules); returns the payment. */
  afterMove(payment: Payment): Payment;
}

export class PaymentRecorder {
  readonly #deps: PaymentRecorderDeps;

  constructor(deps: PaymentRecorderDeps) {
    this.#deps = deps;
  }

  /** Journals the payment (`from` null: it is new), then tells the world. */
  async record(payment: Payment, from: PaymentState | null): Promise<void> {
    await this.#deps.journal.append({ type: 'payment', at: payment.updatedAt, from, payment });
    this.#deps.listener.emit(payment);
    await this.#deps.listener.onChange?.(payment);
  }

  /** Journal first, then tell the world, then act. Throws state.conflict for a move the table forbids. */
  async move(payment: Payment, { to, patch }: Move): Promise<Payment> {
    const next = transition(payment, to, this.#deps.clock.now(), patch);
    await this.record(next, payment.state);
    return this.#deps.afterMove(next);
  }
}
