/**
 * Asking the provider where a waiting payment stands and making the transition its answer implies
 * (outcomes.ts). Provider trouble never throws out of here: an unreadable status is one of the answers.
 */
import type { Payment } from '../../shared/domain';
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import type { Logger } from '../log/logger';
import { afterStatus, EXPIRED_UNPAID, isWaiting } from './outcomes';
import type { PaymentPoller } from './poller';
import { paymentRefOf, type PaymentProvider, type StatusResult } from './provider';
import type { PaymentRegistry } from './registry';
import { revivedPatch } from './revival';
import type { PaymentRecorder } from './write-ahead';

/** What prompted the query; logged with its answer. */
export type CheckReason = 'poll' | 'check' | 'recovery' | 'expiry';

export interface StatusCheckDeps {
  registry: Pick<PaymentRegistry, 'providerFor'>;
  clock: Clock;
  logger: Logger;
  recorder: PaymentRecorder;
  poller: PaymentPoller;
  notFoundGraceMs: number;
}

export class StatusCheck {
  readonly #deps: StatusCheckDeps;

  constructor(deps: StatusCheckDeps) {
    this.#deps = deps;
  }

  /** One status query of a waiting payment (any other is returned as it is) and the transition it implies. */
  async check(payment: Payment, why: CheckReason): Promise<Payment> {
    if (!isWaiting(payment.state)) {
      return payment;
    }
    const { recorder, poller } = this.#deps;
    const provider = this.#deps.registry.providerFor(payment.method);
    const now = this.#deps.clock.now();
    const status = await this.query(provider, payment);
    if (status) {
      this.#deps.logger.debug({ paymentId: payment.id, why, status: status.status }, 'payments: status');
    }
    const step = afterStatus(payment, status, { now, notFoundGraceMs: this.#deps.notFoundGraceMs });
    if (step.kind === 'move') {
      return recorder.move(payment, step.move);
    }
    const waiting = step.revive
      ? await recorder.move(payment, { to: 'awaiting_customer', patch: revivedPatch(payment, status) })
      : payment;
    return step.kind === 'expire' ? this.#expire(waiting, provider) : poller.reschedule(waiting);
  }

  /** The provider's status of the payment, or undefined when it could not be asked (logged). */
  async query(provider: PaymentProvider, payment: Payment): Promise<StatusResult | undefined> {
    try {
      return await provider.status(paymentRefOf(payment));
    } catch (error) {
      this.#deps.logger.warn(
        { paymentId: payment.id, err: errorText(error) },
        'payments: status query failed',
      );
      return undefined;
    }
  }

  /**
   * Withdraws the payment's invoice where the provider can; a failure is only logged (`failure` says where).
   */
  async withdraw(provider: PaymentProvider, payment: Payment, failure: string): Promise<void> {
    if (!provider.capabilities.cancel) {
      return;
    }
    try {
      await provider.cancel(paymentRefOf(payment));
    } catch (error) {
      this.#deps.logger.warn({ paymentId: payment.id, err: errorText(error) }, failure);
    }
  }

  async #expire(payment: Payment, provider: PaymentProvider): Promise<Payment> {
    // Withdraw the invoice so a customer who scans late is not charged for an expired payment.
    await this.withdraw(provider, payment, 'payments: cancel at expiry failed');
    return this.#deps.recorder.move(payment, EXPIRED_UNPAID);
  }
}
