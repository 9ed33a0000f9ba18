/**
 * Timers through an interface, so the engine's polling and expiry run on fake time in tests. A task returns a
 * promise; the fake scheduler awaits it, which makes "advance 1 s" deterministic (the poll, its journal write
 * and its event have all happened when advance returns).
 */
import { SECOND } from '../core/clock';

export type TimerHandle = number;

export interface Scheduler {
  schedule(delayMs: number, task: () => Promise<void>): TimerHandle;
  cancel(handle: TimerHandle): void;
}

export function createRealScheduler(onTaskError: (error: unknown) => void): Scheduler {
  const timers = new Map<TimerHandle, NodeJS.Timeout>();
  let next = 1;
  return {
    schedule(delayMs, task) {
      const handle = next++;
      const timer = setTimeout(
        () => {
          timers.delete(handle);
          task().catch(onTaskError);
        },
        Math.max(0, delayMs),
      );
      // A pending poll must not keep the CLI or a test process alive.
      timer.unref();
      timers.set(handle, timer);
      return handle;
    },
    cancel(handle) {
      clearTimeout(timers.get(handle));
      timers.delete(handle);
    },
  };
}

/**
 * Adaptive polling: about 1 s while the customer is most likely scanning (first 30 s), then 3 s up to 2 min,
 * then 10 s — enough to notice a late payment without hammering the provider.
 */
export type PollPolicy = (waitingMs: number) => number;

export const defaultPollPolicy: PollPolicy = (waitingMs) => {
  if (waitingMs < 30 * SECOND) {
    return 1 * SECOND;
  }
  if (waitingMs < 120 * SECOND) {
    return 3 * SECOND;
  }
  return 10 * SECOND;
};
