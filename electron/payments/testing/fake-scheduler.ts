/** Fake time for the engine: a ManualClock plus a timer queue that advance() drains in time order. */
import type { ManualClock } from '../../core/clock';
import type { Scheduler, TimerHandle } from '../scheduler';

interface Timer {
  handle: TimerHandle;
  due: number;
  task: () => Promise<void>;
}

export class FakeScheduler implements Scheduler {
  readonly #clock: ManualClock;
  #timers: Timer[] = [];
  #next = 1;

  constructor(clock: ManualClock) {
    this.#clock = clock;
  }

  schedule(delayMs: number, task: () => Promise<void>): TimerHandle {
    const handle = this.#next++;
    this.#timers.push({ handle, due: this.#clock.now() + Math.max(0, delayMs), task });
    return handle;
  }

  cancel(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((t) => t.handle !== handle);
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
        .sort((a, b) => a.due - b.due || a.handle - b.handle)[0];
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
