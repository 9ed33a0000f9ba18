/**
 * Asking the provider where a waiting payment stands and making the transition its answer implies
 * (outcomes.ts). Provider trouble never throws out of here: an unreadable status is one of the answers.
 */
import type { Payment } from '../../shared/domain';
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import type { Logger } from '../log/logger';
import {
  afterStartAccepted,
  afterStatus,
  EXPIRED_UNPAID,
  isWaiting,
  type Move,
  type StatusStep,
} from './outcomes';
import type { PaymentPoller } from './poller';
import { afterProbe, isLostStart } from './probe-policy';
import { paymentRefOf, type PaymentProvider, type StartRequest, type StatusResult } from './provider';
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
  /** When the provider gives no expiry (a lost start found waiting at the bank). */
  defaultExpiryMs: number;
}

/** A re-sent start carries what the first one did: key, amount and description (attempts.ts). */
function startRequestOf(payment: Payment): StartRequest {
  return {
    method: payment.method,
    idempotencyKey: payment.idempotencyKey,
    amount: payment.amount,
    description: payment.description ?? `Sale ${payment.saleId}`,
  };
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
    if (isLostStart(payment) && payment.providerRef === undefined && provider.probeStart) {
      const found = await this.#resend(provider, payment);
      if (found) {
        return recorder.move(payment, found);
      }
    }
    const status =
      isLostStart(payment) && provider.probeStart && payment.providerRef === undefined
        ? undefined
        : await this.query(provider, payment);
    if (status) {
      this.#deps.logger.debug({ paymentId: payment.id, why, status: status.status }, 'payments: status');
    }
    const step: StatusStep =
      (isLostStart(payment) ? afterProbe(payment, status, now) : undefined) ??
      afterStatus(payment, status, now);
    if (step.kind === 'move') {
      if (step.move.to === 'abandoned') {
        // Withdraw whatever may exist at the bank, so nobody can pay an attempt the till has closed.
        await this.withdraw(provider, payment, 'payments: withdrawing an abandoned attempt failed');
      }
      return recorder.move(payment, step.move);
    }
    const revived = this.#revive(payment, now);
    // A late answer keeps what the bank named (revival.ts) besides leaving the lost-start probing.
    const waiting = step.revive
      ? await recorder.move(payment, {
          ...revived,
          patch: { ...revivedPatch(payment, status), ...revived.patch },
        })
      : payment;
    return step.kind === 'expire' ? this.#expire(waiting, provider) : poller.reschedule(waiting);
  }

  /** The provider has the payment pending after all: the customer pays it as any waiting one. */
  #revive(payment: Payment, now: number): Move {
    return {
      to: 'awaiting_customer',
      patch: {
        startLostAt: undefined,
        waitingSince: now,
        expiresAt: payment.expiresAt ?? now + this.#deps.defaultExpiryMs,
      },
    };
  }

  /** A lost start re-sent under its idempotency key: the provider's first answer, or undefined. */
  async #resend(provider: PaymentProvider, payment: Payment): Promise<Move | undefined> {
    try {
      const result = await provider.probeStart?.(startRequestOf(payment));
      if (!result) {
        return undefined;
      }
      const now = this.#deps.clock.now();
      const accepted = afterStartAccepted(result, now, this.#deps.defaultExpiryMs);
      return { to: accepted.to, patch: { ...accepted.patch, startLostAt: undefined } };
    } catch (error) {
      this.#deps.logger.warn(
        { paymentId: payment.id, err: errorText(error) },
        'payments: re-sending the start under its key failed',
      );
      return undefined;
    }
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
   * True when the provider confirmed the withdrawal.
   */
  async withdraw(provider: PaymentProvider, payment: Payment, failure: string): Promise<boolean> {
    if (!provider.capabilities.cancel) {
      return false;
    }
    try {
      await provider.cancel(paymentRefOf(payment));
      return true;
    } catch (error) {
      this.#deps.logger.warn({ paymentId: payment.id, err: errorText(error) }, failure);
      return false;
    }
  }

  async #expire(payment: Payment, provider: PaymentProvider): Promise<Payment> {
    // Withdraw the invoice so a customer who scans late is not charged for an expired payment.
    await this.withdraw(provider, payment, 'payments: cancel at expiry failed');
    return this.#deps.recorder.move(payment, EXPIRED_UNPAID);
  }
}
