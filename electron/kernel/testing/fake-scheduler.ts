/** Fake time: a ManualClock plus a timer queue that advance() drains in due order, awaiting each task. */
import type { CancelTimer, Scheduler } from '../scheduler';
import type { ManualClock } from './manual-clock';

interface Timer {
  seq: number;
  due: number;
  task: () => void | Promise<void>;
}

export class FakeScheduler implements Scheduler {
  readonly #clock: ManualClock;
  #timers: Timer[] = [];
  #next = 1;

  constructor(clock: ManualClock) {
    this.#clock = clock;
  }

  schedule(delayMs: number, task: () => void | Promise<void>): CancelTimer {
    const timer: Timer = { seq: this.#next++, due: this.#clock.now() + Math.max(0, delayMs), task };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  get pending(): number {
    return this.#timers.length;
  }

  /** The due times of pending timers, relative to now. */
  delays(): number[] {
    return this.#timers.map((t) => t.due - this.#clock.now()).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, running every timer that falls due (and awaiting it) in due order. */
  async advance(ms: number): Promise<void> {
    const target = this.#clock.now() + ms;
    for (;;) {
      const due = this.#timers
        .filter((t) => t.due <= target)
        .sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!due) {
        break;
      }
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#clock.set(Math.max(this.#clock.now(), due.due));
      await due.task();
    }
    this.#clock.set(target);
  }
}
