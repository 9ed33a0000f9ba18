/**
 * Polling is how the engine learns an outcome (webhooks and pushes only ask earlier): one timer per waiting
 * payment, at the adaptive interval of poll-policy.ts (a lost start: the bounded probes of probe-policy.ts), never
 * later than an awaiting payment's expiry. Every
 * transition reschedules, so a payment that stops waiting stops being polled.
 */
import type { Payment } from '../../shared/domain';
import type { Clock } from '../kernel/clock';
import type { CancelTimer, Scheduler } from '../kernel/scheduler';
import { isWaiting } from './outcomes';
import type { PollPolicy } from './poll-policy';
import { isLostStart, nextProbeDelay } from './probe-policy';

/**
 * How long until the next status query of a waiting payment; undefined when nothing is asked by itself any
 * more (a lost start after its last probe: probe-policy.ts).
 */
export function nextPollDelay(payment: Payment, now: number, policy: PollPolicy): number | undefined {
  if (isLostStart(payment)) {
    return nextProbeDelay(payment, now);
  }
  const delay = policy(now - (payment.waitingSince ?? payment.createdAt));
  if (payment.expiresAt !== undefined && payment.state === 'awaiting_customer') {
    return Math.min(delay, Math.max(0, payment.expiresAt - now));
  }
  return delay;
}

export interface PaymentPollerDeps {
  clock: Clock;
  scheduler: Scheduler;
  policy: PollPolicy;
  /** One poll of the payment: its status query and the transition it implies. */
  poll(paymentId: string): Promise<unknown>;
}

export class PaymentPoller {
  readonly #deps: PaymentPollerDeps;
  readonly #timers = new Map<string, CancelTimer>();
  #stopped = false;

  constructor(deps: PaymentPollerDeps) {
    this.#deps = deps;
  }

  /** Replaces the payment's timer by one for its current state (none once it no longer waits). */
  reschedule(payment: Payment): Payment {
    const existing = this.#timers.get(payment.id);
    if (existing !== undefined) {
      existing();
      this.#timers.delete(payment.id);
    }
    if (this.#stopped || !isWaiting(payment.state)) {
      return payment;
    }
    const delay = nextPollDelay(payment, this.#deps.clock.now(), this.#deps.policy);
    if (delay === undefined) {
      return payment;
    }
    const cancel = this.#deps.scheduler.schedule(delay, async () => {
      this.#timers.delete(payment.id);
      await this.#deps.poll(payment.id);
    });
    this.#timers.set(payment.id, cancel);
    return payment;
  }

  /** Cancels every timer; nothing is scheduled afterwards. */
  stop(): void {
    this.#stopped = true;
    for (const cancel of this.#timers.values()) {
      cancel();
    }
    this.#timers.clear();
  }
}
