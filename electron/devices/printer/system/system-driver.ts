/**
 * A printer of the operating system as a PrinterDriver (driver.ts; docs/printing.md, "System printers"): each job
 * goes to `SystemPrinters.print(deviceName, …)` — on the Electron host a hidden window's `webContents.print` —
 * which renders the print lines as a page (print-html.ts) and hands it to the OS spooler.
 *
 * What such a printer cannot say: paper out, cover open, paper low (the spooler hides the printer's status) and
 * whether paper came out at all — `printed` means the spooler accepted the job. It has no drawer port the till can
 * pulse, so a drawer kick fails at once (the cashier opens the drawer with its key).
 *
 * Like the PrintQueue: in memory only (jobs carry eBarimt qrData and lottery), one job at a time in order, a
 * rejected job stays at the head and is tried again on the kernel Scheduler with the same back-off (1, 2, 5, 10,
 * 30 s, the last repeating) while the state is `unreachable`. Logs name jobs by id and label, never their lines.
 */
import type { CancelTimer, Scheduler } from '../../../kernel/scheduler';
import type { Logger } from '../../../log/logger';
import type { PaperWidth } from '../escpos/profile';
import type { DriverJob, PrinterDriver, SystemPrinters } from '../driver';
import type { PrintJobOutcome, PrinterState } from '../print-queue';

const DEFAULT_RETRY_DELAYS = [1000, 2000, 5000, 10_000, 30_000] as const;

export interface SystemPrinterDriverOptions {
  printers: SystemPrinters;
  /** The OS's name of the printer (PrinterInfo.name, not the display name). */
  deviceName: string;
  paperWidth: PaperWidth;
  scheduler: Scheduler;
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** Back-off while the spooler refuses; the last one repeats. Default 1 s, 2 s, 5 s, 10 s, 30 s. */
  retryDelaysMs?: readonly number[];
}

type JobListener = (job: { id: string; label: string }, outcome: PrintJobOutcome) => void;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'error';
}

export class SystemPrinterDriver implements PrinterDriver {
  readonly label: string;
  readonly paperLow = false;
  readonly drawerSupported = false;
  readonly #printers: SystemPrinters;
  readonly #deviceName: string;
  readonly #paperWidth: PaperWidth;
  readonly #scheduler: Scheduler;
  readonly #log: Pick<Logger, 'info' | 'warn'> | undefined;
  readonly #retryDelays: readonly number[];
  readonly #stateListeners = new Set<(state: PrinterState) => void>();
  readonly #jobListeners = new Set<JobListener>();
  #jobs: DriverJob[] = [];
  #state: PrinterState = 'ready';
  #failures = 0;
  #timer: CancelTimer | undefined;
  #running: Promise<void> | undefined;
  /** Set when a job arrives while a run is under way. */
  #again = false;
  #closed = false;

  constructor(options: SystemPrinterDriverOptions) {
    this.#printers = options.printers;
    this.#deviceName = options.deviceName;
    this.#paperWidth = options.paperWidth;
    this.#scheduler = options.scheduler;
    this.#log = options.logger;
    this.#retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    this.label = options.deviceName;
  }

  get state(): PrinterState {
    return this.#state;
  }

  pending(): { id: string; label: string }[] {
    return this.#jobs.map(({ id, label }) => ({ id, label }));
  }

  onState(listener: (state: PrinterState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  onJob(listener: JobListener): () => void {
    this.#jobListeners.add(listener);
    return () => this.#jobListeners.delete(listener);
  }

  print(job: DriverJob): void {
    if (this.#closed) {
      throw new Error('system printer driver is closed');
    }
    this.#jobs.push({ id: job.id, label: job.label, lines: [...job.lines] });
    this.#log?.info({ job: job.id, label: job.label, printer: this.label }, 'print job queued');
    this.#kick();
  }

  /** No drawer port: the kick is reported failed (after the caller returns, as a queue would). */
  kickDrawer(id: string): void {
    this.#log?.info({ job: id, printer: this.label }, 'drawer kick on a system printer: not supported');
    queueMicrotask(() => {
      this.#emitJob({ id, label: 'drawer kick' }, 'failed');
    });
  }

  /** Ready when the OS lists the printer, unreachable when not (or when the list fails). */
  async checkStatus(): Promise<PrinterState> {
    if (this.#busy()) {
      await this.idle();
      return this.#state;
    }
    let listed: boolean;
    try {
      listed = (await this.#printers.list()).some((p) => p.name === this.#deviceName);
    } catch (error) {
      this.#log?.warn({ printer: this.label, reason: reasonOf(error) }, 'system printers not listed');
      listed = false;
    }
    if (this.#busy()) {
      // A job started meanwhile: its outcome is the fresher answer.
      await this.idle();
      return this.#state;
    }
    this.#setState(listed ? 'ready' : 'unreachable');
    if (listed && this.#jobs.length > 0) {
      // Back in the list: try the held job now rather than at the next retry.
      this.#kick();
      await this.idle();
    }
    return this.#state;
  }

  async idle(): Promise<void> {
    while (this.#running) {
      await this.#running;
    }
  }

  /** Stops retries; waiting jobs are dropped (they live only while the till runs). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#timer?.();
    this.#timer = undefined;
    await this.idle();
    if (this.#jobs.length > 0) {
      this.#log?.warn(
        { dropped: this.#jobs.length, printer: this.label },
        'system printer closed with jobs waiting',
      );
    }
    this.#jobs = [];
  }

  /** A method, not a field read: TypeScript would keep a narrowing of #running across an await. */
  #busy(): boolean {
    return this.#running !== undefined;
  }

  /** Sends now unless a run is under way (which then goes round once more) or the driver is closed. */
  #kick(): void {
    if (this.#closed) {
      return;
    }
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#timer?.();
    this.#timer = undefined;
    this.#again = false;
    this.#running = this.#drain()
      .catch((error: unknown) => {
        // Not a printing failure (those are handled in #drain): a listener threw. Keep the jobs, try later.
        this.#log?.warn({ printer: this.label, reason: reasonOf(error) }, 'system printer run failed');
        this.#failures++;
        this.#scheduleRetry();
      })
      .finally(() => {
        this.#running = undefined;
        // A job that arrived as the run was ending, with no retry pending, would otherwise wait for nothing.
        if (this.#again && this.#timer === undefined) {
          this.#kick();
        }
      });
  }

  async #drain(): Promise<void> {
    while (!this.#closed) {
      const job = this.#jobs[0];
      if (!job) {
        return;
      }
      this.#setState('printing');
      try {
        await this.#printers.print(this.#deviceName, {
          title: job.label,
          lines: job.lines,
          paperWidth: this.#paperWidth,
        });
      } catch (error) {
        // Stays at the head and goes again, whole, once the spooler takes jobs again.
        this.#failures++;
        this.#log?.warn({ job: job.id, label: job.label, reason: reasonOf(error) }, 'print job not accepted');
        this.#setState('unreachable');
        this.#scheduleRetry();
        return;
      }
      this.#failures = 0;
      this.#jobs = this.#jobs.filter((j) => j !== job);
      if (this.#jobs.length === 0) {
        this.#setState('ready');
      }
      this.#emitJob(job, 'printed');
    }
  }

  #scheduleRetry(): void {
    if (this.#closed || this.#jobs.length === 0) {
      return;
    }
    const index = Math.min(this.#failures, this.#retryDelays.length) - 1;
    const delay = this.#retryDelays[Math.max(0, index)] ?? DEFAULT_RETRY_DELAYS[0];
    this.#timer = this.#scheduler.schedule(delay, () => {
      this.#timer = undefined;
      this.#kick();
      return this.idle();
    });
  }

  #emitJob(job: { id: string; label: string }, outcome: PrintJobOutcome): void {
    this.#log?.info({ job: job.id, label: job.label, outcome }, 'print job done');
    for (const listener of this.#jobListeners) {
      listener({ id: job.id, label: job.label }, outcome);
    }
  }

  #setState(state: PrinterState): void {
    if (state === this.#state) {
      return;
    }
    this.#state = state;
    this.#log?.info({ printer: this.label, state }, 'printer state');
    for (const listener of this.#stateListeners) {
      listener(state);
    }
  }
}
