/**
 * Timers through one interface, so polling, expiry, back-off and hot-plug delays run on fake time in tests.
 * A task may return a promise: the real scheduler reports its rejection, the fake one awaits it, which makes
 * "advance 1 s" deterministic (the poll, its journal write and its event have all happened when advance returns).
 */
export type CancelTimer = () => void;

export interface Scheduler {
  schedule(delayMs: number, task: () => void | Promise<void>): CancelTimer;
}

export function createRealScheduler(onTaskError: (error: unknown) => void): Scheduler {
  return {
    schedule(delayMs, task) {
      const timer = setTimeout(
        () => {
          try {
            Promise.resolve(task()).catch(onTaskError);
          } catch (error) {
            onTaskError(error);
          }
        },
        Math.max(0, delayMs),
      );
      // A pending timer must not keep the CLI or a test process alive.
      timer.unref();
      return () => {
        clearTimeout(timer);
      };
    },
  };
}
