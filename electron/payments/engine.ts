/**
 * The payment engine: drives each payment attempt through the state machine against its provider.
 *
 * Rules it keeps (ARCHITECTURE §5):
 * - Write-ahead: every transition is awaited into the journal before it is emitted, handed to onChange, or
 *   acted on — in particular `requesting` is on disk before the provider's start is called, so a crash during
 *   the call is recovered as "may have reached the provider".
 * - One idempotency key per attempt (keys.ts), reused for every status query, cancel and refund of it.
 * - A start that may have reached the provider but gave no answer becomes `unknown`, resolved only by status
 *   queries with the same key; the request is never sent again. A start that certainly did not reach it, or
 *   that the provider answered with a refusal, is `declined`; trying again is a new attempt with a new key.
 * - Polling is the primary path (adaptive interval, poll-policy.ts); webhooks/push only call checkNow().
 * - Operations on one payment run one at a time (a per-payment queue), so a webhook's checkNow, a poll and a
 *   cashier's cancel can never interleave their read-modify-journal steps.
 */
import { randomBytes } from 'node:crypto';
import {
  isFinalPaymentState,
  type Payment,
  type PaymentMethod,
  type PaymentState,
} from '../../shared/domain';
import { money, type Money } from '../../shared/money';
import { SECOND, MINUTE, type Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import { isProviderError } from '../providers/errors';
import type { Journal } from '../storage/journal';
import { idempotencyKeyFor, refundKeyFor } from './keys';
import type { PaymentProvider, PaymentRef, StartRequest, StartResult, StatusResult } from './provider';
import type { PaymentRegistry } from './registry';
import { defaultPollPolicy, type PollPolicy } from './poll-policy';
import type { CancelTimer, Scheduler } from '../kernel/scheduler';
import { KeyedSerialQueue } from '../kernel/serial-queue';
import { transition, type PaymentPatch } from './state-machine';
import { errorText } from '../kernel/error-text';

export interface PaymentEngineDeps {
  journal: Journal;
  registry: Pick<PaymentRegistry, 'providerFor'>;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  /** Called with the whole payment after each journaled transition: wire to events.emit('payment:updated'). */
  emit(payment: Payment): void;
  /** Called after emit (sales marks the sale paid); awaited, so its own journal write is ordered after ours. */
  onChange?(payment: Payment): Promise<void>;
  pollPolicy?: PollPolicy;
  /** When the provider gives no expiry. Default 10 min. */
  defaultExpiryMs?: number;
  /**
   * How long after a start with an unknown outcome a `not_found` answer is believed (the request may still be
   * in flight at the provider before that). Default 60 s.
   */
  notFoundGraceMs?: number;
  newId?(): string;
}

export interface StartPaymentRequest {
  saleId: string;
  method: PaymentMethod;
  amount: Money;
  description: string;
  phone?: string;
  lines?: StartRequest['lines'];
  /** Cash: what the customer handed over (minor units, ≥ amount). */
  tendered?: number;
}

const WAITING_STATES: readonly PaymentState[] = ['awaiting_customer', 'unknown'];

export class PaymentEngine {
  readonly #deps: PaymentEngineDeps;
  readonly #timers = new Map<string, CancelTimer>();
  readonly #queues = new KeyedSerialQueue();
  /** Start requests are remembered (in memory) for retries of declined attempts within this run. */
  readonly #requests = new Map<string, StartPaymentRequest>();
  #stopped = false;

  constructor(deps: PaymentEngineDeps) {
    this.#deps = deps;
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

  /** A new attempt for a sale. Resolves once the provider answered (or the outcome is known to be unknown). */
  start(request: StartPaymentRequest): Promise<Payment> {
    return this.#serial(`sale:${request.saleId}`, async () => {
      const now = this.#deps.clock.now();
      const attempt = this.#deps.journal.paymentsForSale(request.saleId).length + 1;
      const provider =
        request.method === 'cash' ? undefined : this.#deps.registry.providerFor(request.method);
      if (
        request.method === 'cash' &&
        request.tendered !== undefined &&
        request.tendered < request.amount.amount
      ) {
        throw new KassaError('validation', 'The cash handed over is less than the amount to pay.');
      }
      const created: Payment = {
        id: this.#newId(),
        saleId: request.saleId,
        attempt,
        method: request.method,
        amount: request.amount,
        state: 'created',
        idempotencyKey: idempotencyKeyFor(request.saleId, attempt),
        createdAt: now,
        updatedAt: now,
        refundedAmount: 0,
        refunds: [],
      };
      await this.#record(created, null);
      this.#requests.set(created.id, request);
      return this.#serial(created.id, () =>
        provider ? this.#send(created, provider, request) : this.#payCash(created, request),
      );
    });
  }

  /** After declined / cancelled / expired: the same method and amount as a new attempt (new key). */
  async retry(paymentId: string): Promise<Payment> {
    const previous = this.get(paymentId);
    if (!['declined', 'cancelled', 'expired'].includes(previous.state)) {
      throw new KassaError(
        'state.conflict',
        `Only a declined, cancelled or expired payment can be tried again (this one is ${previous.state}).`,
      );
    }
    const request = this.#requests.get(paymentId) ?? {
      saleId: previous.saleId,
      method: previous.method,
      amount: previous.amount,
      description: `Sale ${previous.saleId}`,
    };
    return this.start(request);
  }

  /** Webhooks, push notifications and the cashier's "check" button: ask the provider now. */
  checkNow(paymentId: string): Promise<Payment> {
    return this.#serial(paymentId, () => this.#check(this.get(paymentId), 'check'));
  }

  cancel(paymentId: string): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      if (payment.state === 'created') {
        return this.#move(payment, 'cancelled', { reason: 'Cancelled before it was sent.' });
      }
      if (!WAITING_STATES.includes(payment.state)) {
        throw new KassaError('state.conflict', `A ${payment.state} payment cannot be cancelled.`);
      }
      const provider = this.#deps.registry.providerFor(payment.method);
      if (provider.capabilities.cancel) {
        try {
          await provider.cancel(this.#ref(payment));
        } catch (error) {
          this.#deps.logger.warn(
            { paymentId, err: errorText(error) },
            'payments: cancel failed; checking status',
          );
        }
      }
      // Whatever cancel said, the provider's status decides: the customer may have paid a moment ago.
      const status = await this.#status(provider, payment);
      if (status?.status === 'paid') {
        return this.#move(payment, 'paid', {});
      }
      if (!status && !provider.capabilities.cancel) {
        throw new KassaError(
          'provider.network',
          'The bank could not be reached to confirm the payment is unpaid; try again.',
        );
      }
      return this.#move(payment, 'cancelled', {
        reason: provider.capabilities.cancel
          ? 'Cancelled by the cashier.'
          : 'Cancelled at the till; the bank invoice stays open until it expires.',
      });
    });
  }

  refund(paymentId: string, amountMinor?: number): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      const remaining = payment.amount.amount - payment.refundedAmount;
      const amount = amountMinor ?? remaining;
      if (!['paid', 'refunded', 'refund_failed'].includes(payment.state) || remaining <= 0) {
        throw new KassaError(
          'state.conflict',
          'Only a paid payment with an amount left to refund can be refunded.',
        );
      }
      if (amount <= 0 || amount > remaining) {
        throw new KassaError(
          'validation',
          `A refund of this payment is between 1 and ${remaining} minor units.`,
        );
      }
      const provider =
        payment.method === 'cash' ? undefined : this.#deps.registry.providerFor(payment.method);
      if (
        provider &&
        (!provider.capabilities.refund ||
          (amount < payment.amount.amount && !provider.capabilities.partialRefund))
      ) {
        throw new KassaError('validation', `${provider.displayName} does not support this refund.`);
      }
      const ordinal = payment.refunds.length + 1;
      const refundId = `${payment.id}-r${ordinal}`;
      const now = this.#deps.clock.now();
      const refunding = await this.#move(payment, 'refunding', {
        refunds: [...payment.refunds, { id: refundId, amount, state: 'refunding', at: now }],
      });
      try {
        await provider?.refund(
          this.#ref(payment),
          money(amount, payment.amount.currency),
          refundKeyFor(payment.idempotencyKey, ordinal),
        );
      } catch (error) {
        return this.#move(refunding, 'refund_failed', {
          refunds: settleRefund(refunding, refundId, 'refund_failed', errorText(error)),
          reason: `Refund not confirmed: ${errorText(error)}. Check the bank's merchant portal before refunding again.`,
        });
      }
      return this.#move(refunding, 'refunded', {
        refunds: settleRefund(refunding, refundId, 'refunded'),
        refundedAmount: payment.refundedAmount + amount,
      });
    });
  }

  submitCode(paymentId: string, code: string): Promise<Payment> {
    return this.#serial(paymentId, async () => {
      const payment = this.get(paymentId);
      const provider = this.#deps.registry.providerFor(payment.method);
      if (payment.state !== 'awaiting_customer' || !provider.confirmCode) {
        throw new KassaError('state.conflict', 'This payment is not waiting for an SMS code.');
      }
      await provider.confirmCode(this.#ref(payment), code);
      return this.#check(payment, 'check');
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
          switch (payment.state) {
            case 'created':
              // `requesting` is journaled before the provider is called, so this one was never sent.
              return this.#move(payment, 'cancelled', {
                reason: 'Interrupted before it was sent to the bank.',
              });
            case 'requesting': {
              const unknown = await this.#move(payment, 'unknown', {
                reason: 'Interrupted while the request was being sent; asking the bank.',
                waitingSince: this.#deps.clock.now(),
              });
              return this.#check(unknown, 'recovery');
            }
            case 'awaiting_customer':
            case 'unknown':
              return this.#check(payment, 'recovery');
            case 'refunding': {
              const last = payment.refunds.at(-1);
              return this.#move(payment, 'refund_failed', {
                refunds: last
                  ? settleRefund(payment, last.id, 'refund_failed', 'interrupted by a restart')
                  : payment.refunds,
                reason: 'A refund was interrupted by a restart; check the bank before refunding again.',
              });
            }
            case 'paid':
            case 'declined':
            case 'cancelled':
            case 'expired':
            case 'refunded':
            case 'refund_failed':
              return payment; // settled meanwhile
          }
        }),
      );
    }
    return recovered;
  }

  /** Stops all timers (app shutdown, tests). In-flight calls finish; nothing new is scheduled. */
  stop(): void {
    this.#stopped = true;
    for (const cancel of this.#timers.values()) {
      cancel();
    }
    this.#timers.clear();
  }

  // --- internals ------------------------------------------------------------------------------------------

  async #payCash(created: Payment, request: StartPaymentRequest): Promise<Payment> {
    const tendered = request.tendered ?? created.amount.amount;
    return this.#move(created, 'paid', { cash: { tendered, change: tendered - created.amount.amount } });
  }

  async #send(created: Payment, provider: PaymentProvider, request: StartPaymentRequest): Promise<Payment> {
    const requesting = await this.#move(created, 'requesting', {});
    let result: StartResult;
    try {
      result = await provider.start({
        method: request.method,
        idempotencyKey: requesting.idempotencyKey,
        amount: requesting.amount,
        description: request.description,
        ...(request.phone !== undefined ? { phone: request.phone } : {}),
        ...(request.lines !== undefined ? { lines: request.lines } : {}),
      });
    } catch (error) {
      if (isDefinitiveRefusal(error)) {
        return this.#move(requesting, 'declined', { reason: errorText(error) });
      }
      this.#deps.logger.warn(
        { paymentId: requesting.id, err: errorText(error) },
        'payments: start outcome unknown',
      );
      return this.#move(requesting, 'unknown', {
        reason: `No answer from the bank (${errorText(error)}); checking with the same reference.`,
        waitingSince: this.#deps.clock.now(),
      });
    }
    const now = this.#deps.clock.now();
    return this.#move(requesting, 'awaiting_customer', {
      providerRef: result.providerRef,
      ...(result.qr !== undefined ? { qr: result.qr } : {}),
      ...(result.deeplink !== undefined ? { deeplink: result.deeplink } : {}),
      expiresAt: result.expiresAt ?? now + (this.#deps.defaultExpiryMs ?? 10 * MINUTE),
      waitingSince: now,
    });
  }

  /** One status query and the transition it implies. Never throws for provider trouble. */
  async #check(payment: Payment, why: 'poll' | 'check' | 'recovery' | 'expiry'): Promise<Payment> {
    if (!WAITING_STATES.includes(payment.state)) {
      return payment;
    }
    const provider = this.#deps.registry.providerFor(payment.method);
    const now = this.#deps.clock.now();
    const expired = payment.expiresAt !== undefined && now >= payment.expiresAt;
    const status = await this.#status(provider, payment);
    if (!status) {
      // The outcome cannot be read. While the QR is still valid keep waiting; past its expiry say so.
      return expired && payment.state === 'awaiting_customer'
        ? this.#move(payment, 'unknown', {
            reason: 'The payment expired but the bank could not be asked; still checking.',
          })
        : this.#reschedule(payment);
    }
    this.#deps.logger.debug({ paymentId: payment.id, why, status: status.status }, 'payments: status');
    switch (status.status) {
      case 'paid':
        return this.#move(payment, 'paid', {});
      case 'declined':
        return this.#move(payment, 'declined', { reason: status.reason ?? 'Declined by the bank.' });
      case 'cancelled':
        return this.#move(payment, 'cancelled', { reason: status.reason ?? 'Cancelled at the bank.' });
      case 'expired':
        return this.#move(payment, 'expired', {});
      case 'not_found':
        if (
          payment.state === 'unknown' &&
          now - payment.createdAt >= (this.#deps.notFoundGraceMs ?? 60 * SECOND)
        ) {
          return this.#move(payment, 'declined', {
            reason: 'The bank never received this request; nothing was charged. Try again.',
          });
        }
        return expired ? this.#expire(payment, provider) : this.#reschedule(payment);
      case 'pending': {
        const waiting =
          payment.state === 'unknown' ? await this.#move(payment, 'awaiting_customer', {}) : payment;
        return expired ? this.#expire(waiting, provider) : this.#reschedule(waiting);
      }
    }
  }

  async #expire(payment: Payment, provider: PaymentProvider): Promise<Payment> {
    if (provider.capabilities.cancel) {
      try {
        // Withdraw the invoice so a customer who scans late is not charged for an expired payment.
        await provider.cancel(this.#ref(payment));
      } catch (error) {
        this.#deps.logger.warn(
          { paymentId: payment.id, err: errorText(error) },
          'payments: cancel at expiry failed',
        );
      }
    }
    return this.#move(payment, 'expired', { reason: 'The customer did not pay in time.' });
  }

  async #status(provider: PaymentProvider, payment: Payment): Promise<StatusResult | undefined> {
    try {
      return await provider.status(this.#ref(payment));
    } catch (error) {
      this.#deps.logger.warn(
        { paymentId: payment.id, err: errorText(error) },
        'payments: status query failed',
      );
      return undefined;
    }
  }

  /** Journal first, then tell the world, then act (schedule / unschedule). */
  async #move(payment: Payment, to: PaymentState, patch: PaymentPatch): Promise<Payment> {
    const next = transition(payment, to, this.#deps.clock.now(), patch);
    await this.#record(next, payment.state);
    return this.#reschedule(next);
  }

  async #record(payment: Payment, from: PaymentState | null): Promise<void> {
    await this.#deps.journal.append({ type: 'payment', at: payment.updatedAt, from, payment });
    this.#deps.emit(payment);
    await this.#deps.onChange?.(payment);
  }

  #reschedule(payment: Payment): Payment {
    const existing = this.#timers.get(payment.id);
    if (existing !== undefined) {
      existing();
      this.#timers.delete(payment.id);
    }
    if (this.#stopped || isFinalPaymentState(payment.state) || !WAITING_STATES.includes(payment.state)) {
      return payment;
    }
    const now = this.#deps.clock.now();
    let delay = (this.#deps.pollPolicy ?? defaultPollPolicy)(
      now - (payment.waitingSince ?? payment.createdAt),
    );
    if (payment.expiresAt !== undefined && payment.state === 'awaiting_customer') {
      delay = Math.min(delay, Math.max(0, payment.expiresAt - now));
    }
    const cancel = this.#deps.scheduler.schedule(delay, async () => {
      this.#timers.delete(payment.id);
      await this.#serial(payment.id, () => this.#check(this.get(payment.id), 'poll'));
    });
    this.#timers.set(payment.id, cancel);
    return payment;
  }

  #ref(payment: Payment): PaymentRef {
    return {
      method: payment.method,
      idempotencyKey: payment.idempotencyKey,
      amount: payment.amount,
      ...(payment.providerRef !== undefined ? { providerRef: payment.providerRef } : {}),
    };
  }

  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.#queues.run(key, task);
  }

  #newId(): string {
    return this.#deps.newId?.() ?? `p${this.#deps.clock.now().toString(36)}${randomBytes(4).toString('hex')}`;
  }
}

/** The provider answered "no" (or the request never left): the attempt is over and a retry is a new one. */
function isDefinitiveRefusal(error: unknown): boolean {
  // A KassaError from a provider client is a local refusal (bad input, missing secret, locked vault): it was
  // raised before anything was sent, so the bank cannot have this payment.
  if (error instanceof KassaError) {
    return true;
  }
  if (!isProviderError(error)) {
    return false;
  }
  return !error.mayHaveReachedProvider || error.kind === 'rejected' || error.kind === 'auth';
}

function settleRefund(
  payment: Payment,
  refundId: string,
  state: 'refunded' | 'refund_failed',
  reason?: string,
): Payment['refunds'] {
  return payment.refunds.map((r) => (r.id === refundId ? { ...r, state, ...(reason ? { reason } : {}) } : r));
}
