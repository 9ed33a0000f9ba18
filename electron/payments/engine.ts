/**
 * The payment engine: drives each payment attempt through the state machine against its provider
 * (docs/architecture.md, "Sales, payments and the journal"). This class is the public face; the rules live in
 * the files it composes:
 * - attempts.ts, outcomes.ts, probe-policy.ts, resolution.ts, refunds.ts, recovery.ts: pure decisions (what a
 *   request, an answer, a lost start, a manager's word or a restart means for a payment);
 * - write-ahead.ts: every transition is journaled before it is emitted or acted on;
 * - poller.ts: polling is the primary path (adaptive interval); webhooks and pushes only call checkNow();
 * - status-check.ts: one status query and the transition it implies.
 * One idempotency key per attempt (keys.ts), reused for every status query, cancel and refund of it.
 * Operations on one payment run one at a time (a per-payment queue), so a webhook's checkNow, a poll and a
 * cashier's cancel can never interleave their read-modify-journal steps.
 */
import { randomBytes } from 'node:crypto';
import type { Payment } from '../../shared/domain';
import { MINUTE, type Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import { KassaError } from '../kernel/errors';
import type { Scheduler } from '../kernel/scheduler';
import { KeyedSerialQueue } from '../kernel/serial-queue';
import type { Logger } from '../log/logger';
import type { Journal } from '../storage/journal';
import {
  cashPaid,
  checkTendered,
  newAttempt,
  retryRequestFor,
  startRequestFor,
  type StartPaymentRequest,
} from './attempts';
import { afterCancel, afterStartAccepted, afterStartFailed, isWaiting } from './outcomes';
import { defaultPollPolicy, type PollPolicy } from './poll-policy';
import { PaymentPoller } from './poller';
import { paymentRefOf, type PaymentProvider, type StartResult } from './provider';
import { isLostStart, reachesCustomerWithoutTill } from './probe-policy';
import { recoveryStep } from './recovery';
import { resolutionMove, type ResolutionInput } from './resolution';
import { runRefund, settleInterruptedRefund, type RefundFlowDeps } from './refund-flow';
import type { PaymentRegistry } from './registry';
import { StatusCheck } from './status-check';
import { PaymentRecorder, type PaymentListener } from './write-ahead';

export type { StartPaymentRequest } from './attempts';

export interface PaymentEngineDeps extends PaymentListener {
  journal: Journal;
  registry: Pick<PaymentRegistry, 'providerFor'>;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  pollPolicy?: PollPolicy;
  /** When the provider gives no expiry. Default 10 min. */
  defaultExpiryMs?: number;
  newId?(): string;
}

export class PaymentEngine {
  readonly #deps: PaymentEngineDeps;
  readonly #queues = new KeyedSerialQueue();
  readonly #poller: PaymentPoller;
  readonly #recorder: PaymentRecorder;
  readonly #status: StatusCheck;
  /** Start requests are remembered (in memory) for retries of declined attempts within this run. */
  readonly #requests = new Map<string, StartPaymentRequest>();

  constructor(deps: PaymentEngineDeps) {
    this.#deps = deps;
    this.#poller = new PaymentPoller({
      clock: deps.clock,
      scheduler: deps.scheduler,
      policy: deps.pollPolicy ?? defaultPollPolicy,
      poll: (paymentId) => this.#serial(paymentId, () => this.#status.check(this.get(paymentId), 'poll')),
    });
    this.#recorder = new PaymentRecorder({
      journal: deps.journal,
      clock: deps.clock,
      listener: deps,
      afterMove: (payment) => this.#poller.reschedule(payment),
    });
    this.#status = new StatusCheck({
      registry: deps.registry,
      clock: deps.clock,
      logger: deps.logger,
      recorder: this.#recorder,
      poller: this.#poller,
      defaultExpiryMs: deps.defaultExpiryMs ?? 10 * MINUTE,
    });
  }

  get(paymentId: string): Payment {
    const payment = this.#deps.journal.payment(paymentId);
    if (!payment) {
      throw new KassaError('not_found', `There is no payment ${paymentId}.`);
    }
    return payment;
  }

  listForSale(saleId: string): Payment[] {
    return this.#deps.journal.paymentsForSale(saleId);
  }

  /**
   * A new attempt for a sale. Resolves once the provider answered (or the outcome is known to be unknown).
   */
  start(request: StartPaymentRequest): Promise<Payment> {
    return this.startFor(request.saleId, () => request);
  }

  /**
   * A new attempt whose request is built inside the sale's queue: what is still due is read after every
   * earlier start of the sale has been committed, so two starts at once cannot both take it (finding 1).
   */
  startFor(saleId: string, build: () => StartPaymentRequest): Promise<Payment> {
    return this.#serial(`sale:${saleId}`, async () => {
      const request = build();
      const now = this.#deps.clock.now();
      const attempt = this.#deps.journal.paymentsForSale(request.saleId).length + 1;
      const provider =
        request.method === 'cash' ? undefined : this.#deps.registry.providerFor(request.method);
      checkTendered(request);
      const created = newAttempt(request, this.#newId(), attempt, now);
      // One commit holds what must be on disk before the provider is called: the sale `paying` (effects),
      // `created` and `requesting` (write-ahead.ts). Cash is settled in that same commit.
      const first = await this.#recorder.begin(
        created,
        provider ? { to: 'requesting', patch: {} } : cashPaid(created, request),
      );
      this.#requests.set(created.id, request);
      return provider ? this.#serial(created.id, () => this.#send(first, provider, request)) : first;
    });
  }

  /** After declined / cancelled / expired / abandoned: the same method and amount as a new attempt (new key). */
  async retry(paymentId: string): Promise<Payment> {
    return this.start(retryRequestFor(this.get(paymentId), this.#requests.get(paymentId)));
  }

  /** Webhooks, push notifications and the cashier's "check" button: ask the provider now. */
  checkNow(paymentId: string): Promise<Payment> {
    return this.#serial(paymentId, () => this.#status.check(this.get(paymentId), 'check'));
  }

  cancel(paymentId: string): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      if (payment.state === 'created') {
        return this.#recorder.move(payment, {
          to: 'cancelled',
          patch: { reason: 'Cancelled before it was sent.' },
        });
      }
      if (!isWaiting(payment.state)) {
        throw new KassaError('state.conflict', `A ${payment.state} payment cannot be cancelled.`);
      }
      const provider = this.#deps.registry.providerFor(payment.method);
      const withdrawn = await this.#status.withdraw(
        provider,
        payment,
        'payments: cancel failed; checking status',
      );
      // Whatever the withdrawal said, the provider's status decides (outcomes.ts, afterCancel) — except that a
      // QR from a start without an answer was never shown, so nobody can have paid it.
      const status = await this.#status.query(provider, payment);
      const neverShown = isLostStart(payment) && !reachesCustomerWithoutTill(payment.method);
      return this.#recorder.move(payment, afterCancel(status, withdrawn, neverShown));
    });
  }

  /** A manager settles a stuck payment (resolution.ts); journaled with the sale's change in one command. */
  resolve(paymentId: string, input: ResolutionInput, by: string): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      return this.#recorder.move(payment, resolutionMove(payment, input, by, this.#deps.clock.now()));
    });
  }

  /** A refund (refund-flow.ts): an unsettled earlier one is settled by reading the bank first. */
  refund(paymentId: string, amountMinor?: number): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      const provider =
        payment.method === 'cash' ? undefined : this.#deps.registry.providerFor(payment.method);
      return runRefund(this.#refundDeps(), payment, provider, amountMinor);
    });
  }

  #refundDeps(): RefundFlowDeps {
    return {
      now: () => this.#deps.clock.now(),
      move: (payment, move) => this.#recorder.move(payment, move),
    };
  }

  submitCode(paymentId: string, code: string): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      const provider = this.#deps.registry.providerFor(payment.method);
      if (payment.state !== 'awaiting_customer' || !provider.confirmCode) {
        throw new KassaError('state.conflict', 'This payment is not waiting for an SMS code.');
      }
      await provider.confirmCode(paymentRefOf(payment), code);
      return this.#status.check(payment, 'check');
    });
  }

  /**
   * After a restart: every payment the journal holds in a non-final state is settled or re-checked, and
   * polling resumes. Never re-sends a start.
   */
  async recover(): Promise<Payment[]> {
    const recovered: Payment[] = [];
    for (const open of this.#deps.journal.listOpenPayments()) {
      recovered.push(
        await this.#serial(open.id, async () => {
          const payment = this.get(open.id);
          const step = recoveryStep(payment, this.#deps.clock.now());
          switch (step.kind) {
            case 'settled':
              return payment;
            case 'move':
              return this.#recorder.move(payment, step.move);
            case 'settle-refund':
              return settleInterruptedRefund(
                this.#refundDeps(),
                payment,
                payment.method === 'cash' ? undefined : this.#deps.registry.providerFor(payment.method),
                (error) => {
                  this.#deps.logger.warn(
                    { paymentId: payment.id, err: errorText(error) },
                    'payments: could not read the refund at the bank; left to settle on the next refund',
                  );
                },
              );
            case 'check': {
              const asking = step.first ? await this.#recorder.move(payment, step.first) : payment;
              return this.#status.check(asking, 'recovery');
            }
          }
        }),
      );
    }
    return recovered;
  }

  /** Stops all timers (app shutdown, tests). In-flight calls finish; nothing new is scheduled. */
  stop(): void {
    this.#poller.stop();
  }

  /** `requesting` is on disk: ask the provider, then commit its answer (the step's second commit). */
  async #send(
    requesting: Payment,
    provider: PaymentProvider,
    request: StartPaymentRequest,
  ): Promise<Payment> {
    let result: StartResult;
    try {
      result = await provider.start(startRequestFor(requesting, request));
    } catch (error) {
      const failed = afterStartFailed(error, this.#deps.clock.now());
      if (failed.to === 'unknown') {
        this.#deps.logger.warn(
          { paymentId: requesting.id, err: errorText(error) },
          'payments: start outcome unknown',
        );
      }
      return this.#recorder.move(requesting, failed);
    }
    const expiry = this.#deps.defaultExpiryMs ?? 10 * MINUTE;
    return this.#recorder.move(requesting, afterStartAccepted(result, this.#deps.clock.now(), expiry));
  }

  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.#queues.run(key, task);
  }

  #newId(): string {
    return this.#deps.newId?.() ?? `p${this.#deps.clock.now().toString(36)}${randomBytes(4).toString('hex')}`;
  }
}
