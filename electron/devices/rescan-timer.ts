/**
 * When the device manager enumerates again without being asked: after a plug event (with a delay for attach, as
 * the hidraw node appears after the USB device) and after a device error, with growing back-off. Enumeration is
 * a bus scan, so there is at most one pending rescan and nothing polls.
 */
import { errorText } from '../kernel/error-text';
import type { CancelTimer, Scheduler } from '../kernel/scheduler';
import type { Logger } from '../log/logger';

/** Reconnect delays after a device error, last one repeated. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [500, 1000, 2000, 5000, 10_000];

export class RescanTimer {
  readonly #scheduler: Scheduler;
  readonly #rescan: () => Promise<void>;
  readonly #log: Logger;
  readonly #backoffMs: readonly number[];
  #pending: CancelTimer | undefined;
  #backoffStep = 0;
  #stopped = false;

  constructor(deps: {
    scheduler: Scheduler;
    rescan: () => Promise<void>;
    log: Logger;
    backoffMs?: readonly number[] | undefined;
  }) {
    this.#scheduler = deps.scheduler;
    this.#rescan = deps.rescan;
    this.#log = deps.log;
    this.#backoffMs = deps.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  /** A device failed: try again after the next back-off delay. */
  retryWithBackoff(): void {
    const delays = this.#backoffMs;
    const delay = delays[Math.min(this.#backoffStep, delays.length - 1)] ?? 1000;
    this.#backoffStep++;
    this.#schedule(delay);
  }

  /** Every selected scanner opened (or had nothing to open): the next failure starts the back-off afresh. */
  resetBackoff(): void {
    this.#backoffStep = 0;
  }

  /** Something was plugged or unplugged: rescan after `delayMs`, with the back-off reset. */
  afterPlug(delayMs: number): void {
    this.#backoffStep = 0;
    this.#schedule(delayMs);
  }

  stop(): void {
    this.#stopped = true;
    this.#pending?.();
    this.#pending = undefined;
  }

  /** One pending rescan at a time: a new request replaces the pending one. */
  #schedule(ms: number): void {
    if (this.#stopped) {
      return;
    }
    this.#pending?.();
    // The task returns the rescan so a fake scheduler can await it; a real one only reports a rejection,
    // and there is none: a failed rescan is logged here.
    this.#pending = this.#scheduler.schedule(ms, () => {
      this.#pending = undefined;
      return this.#rescan().catch((error: unknown) => {
        this.#log.error({ err: errorText(error) }, 'rescan failed');
      });
    });
  }
}
