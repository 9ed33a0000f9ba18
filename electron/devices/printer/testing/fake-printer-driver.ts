/** A PrinterDriver double: records jobs and drawer kicks; the test ends jobs and changes the state by hand. */
import type { DriverJob, PrinterDriver } from '../driver';
import type { PrintJobOutcome, PrinterState } from '../print-queue';

export class FakePrinterDriver implements PrinterDriver {
  state: PrinterState = 'ready';
  paperLow = false;
  closed = false;
  readonly jobs: DriverJob[] = [];
  readonly kicks: { id: string; pin: 2 | 5 }[] = [];
  readonly #stateListeners = new Set<(state: PrinterState) => void>();
  readonly #jobListeners = new Set<(job: { id: string; label: string }, outcome: PrintJobOutcome) => void>();

  constructor(
    readonly label: string,
    readonly drawerSupported = true,
  ) {}

  pending(): { id: string; label: string }[] {
    return this.jobs.map(({ id, label }) => ({ id, label }));
  }

  onState(listener: (state: PrinterState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  onJob(listener: (job: { id: string; label: string }, outcome: PrintJobOutcome) => void): () => void {
    this.#jobListeners.add(listener);
    return () => this.#jobListeners.delete(listener);
  }

  print(job: DriverJob): void {
    this.jobs.push(job);
  }

  kickDrawer(id: string, pin: 2 | 5): void {
    this.kicks.push({ id, pin });
  }

  checkStatus(): Promise<PrinterState> {
    return Promise.resolve(this.state);
  }

  idle(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** The printer's state changes (paper out, back). */
  setState(state: PrinterState): void {
    this.state = state;
    for (const listener of this.#stateListeners) {
      listener(state);
    }
  }

  /** The oldest job leaves with `outcome`. */
  finish(outcome: PrintJobOutcome): DriverJob {
    const job = this.jobs.shift();
    if (!job) {
      throw new Error('no job to finish');
    }
    for (const listener of this.#jobListeners) {
      listener({ id: job.id, label: job.label }, outcome);
    }
    return job;
  }
}
