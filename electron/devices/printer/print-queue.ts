/**
 * The print queue of one printer (docs/printing-transports.md). In memory only and only while the till runs: the
 * jobs carry eBarimt qrData and lottery numbers, which must never reach the disk (the tax rule; storage's
 * assertStorable guards the journal), so a restart drops what was waiting — the cashier reprints from the journal's
 * receipt view, which rebuilds the bytes while the provider still holds them. Nothing here logs job bytes: lines
 * name a job by id, label and size.
 *
 * One job at a time, in order. Before each job the queue asks DLE EOT status: paper out, cover open or offline
 * hold the job and report the state to listeners (the cashier sees "paper out" before the next receipt bites); it
 * asks again every `holdPollMs`. An unreachable printer (connect refused, timed out, link dropped, status not
 * answered) is retried on the injected Scheduler with back-off (`retryDelaysMs`, the last delay repeats).
 *
 * Delivery: after a job's bytes are handed to the OS, one DLE EOT round trip confirms the printer has them (the
 * answer comes back through the same ordered stream). A write that fails, or a link that drops before that answer
 * (connection reset, printer rebooted), sends the whole job again once the printer is back: a receipt is
 * at-least-once — a torn first copy plus a whole second one is better than a customer without the only copy of
 * the QR and lottery. A write that went through and then met silence (no answer, no reset) is not sent again: it
 * leaves as `unconfirmed`, so the cashier, who can see the paper, decides on a reprint — no blind duplicate.
 * A drawer kick is at-most-once and expires
 * (`drawerKickTtlMs`): a drawer that springs open minutes after the sale, with nobody at the till, is worse than a
 * cashier pressing "open drawer" again.
 */
import type { Clock } from '../../kernel/clock';
import type { CancelTimer, Scheduler } from '../../kernel/scheduler';
import type { Logger } from '../../log/logger';
import { readPrinterStatus } from './read-status';
import { statusVerdict, type PrinterStatus, type StatusOptions } from './status';
import { isPrinterTransportError, type PrinterTransport } from './transports/transport';

export type PrinterState = 'ready' | 'printing' | 'paper-out' | 'cover-open' | 'offline' | 'unreachable';

export interface PrintJob {
  id: string;
  /** What the job is, for the cashier and the log ("receipt 0042", "drawer kick"); never printed data. */
  label: string;
  bytes: Uint8Array;
  /** Default 'document'. A drawer kick is at-most-once and expires (see the header). */
  kind?: 'document' | 'drawer-kick';
}

/**
 * How a job left the queue: `printed` (the printer answered after it), `unconfirmed` (handed over, then no
 * answer: offer a reprint), `expired` / `failed` (a drawer kick not sent in time / not sent).
 */
export type PrintJobOutcome = 'printed' | 'unconfirmed' | 'expired' | 'failed';

type Delivery = 'printed' | 'unconfirmed' | 'lost';

export interface PrintQueueOptions {
  transport: PrinterTransport;
  scheduler: Scheduler;
  clock: Clock;
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** Per DLE EOT query. Default 1000 ms. */
  statusTimeoutMs?: number;
  /**
   * The status read after a job, which waits behind the job's bytes while the printer's buffer is full (a long
   * raster receipt prints for seconds). Default 15 000 ms.
   */
  confirmTimeoutMs?: number;
  /** Back-off while unreachable; the last one repeats. Default 1 s, 2 s, 5 s, 10 s, 30 s. */
  retryDelaysMs?: readonly number[];
  /** How often a held job asks the status again (paper out, cover open, offline). Default 2000 ms. */
  holdPollMs?: number;
  /**
   * With nothing to print, ask the status this often so a state change (paper out, printer off) shows before the
   * next receipt. Default off: the owner calls checkStatus() when it wants to know.
   */
  idlePollMs?: number;
  /** A drawer kick not sent within this long after enqueue is dropped. Default 30 000 ms. */
  drawerKickTtlMs?: number;
  /** False to never ask the status (a printer that answers garbage); the transport may also say it cannot. */
  statusSupported?: boolean;
  statusOptions?: StatusOptions;
}

interface Queued {
  job: PrintJob;
  enqueuedAt: number;
}

const DEFAULT_RETRY_DELAYS = [1000, 2000, 5000, 10_000, 30_000] as const;

export class PrintQueue {
  readonly #transport: PrinterTransport;
  readonly #scheduler: Scheduler;
  readonly #clock: Clock;
  readonly #log: Pick<Logger, 'info' | 'warn'> | undefined;
  readonly #statusTimeoutMs: number;
  readonly #confirmTimeoutMs: number;
  readonly #retryDelays: readonly number[];
  readonly #holdPollMs: number;
  readonly #drawerKickTtlMs: number;
  readonly #idlePollMs: number | undefined;
  readonly #statusSupported: boolean;
  readonly #statusOptions: StatusOptions;
  readonly #stateListeners = new Set<(state: PrinterState) => void>();
  readonly #jobListeners = new Set<(job: { id: string; label: string }, outcome: PrintJobOutcome) => void>();
  #jobs: Queued[] = [];
  #state: PrinterState = 'ready';
  #lastStatus: PrinterStatus | undefined;
  #failures = 0;
  #timer: CancelTimer | undefined;
  #running: Promise<void> | undefined;
  /** Set when a job arrives while a run is under way, so the run goes round once more. */
  #again = false;
  #closed = false;

  constructor(options: PrintQueueOptions) {
    this.#transport = options.transport;
    this.#scheduler = options.scheduler;
    this.#clock = options.clock;
    this.#log = options.logger;
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.#confirmTimeoutMs = options.confirmTimeoutMs ?? 15_000;
    this.#retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    this.#holdPollMs = options.holdPollMs ?? 2000;
    this.#drawerKickTtlMs = options.drawerKickTtlMs ?? 30_000;
    this.#idlePollMs = options.idlePollMs;
    this.#statusSupported = options.statusSupported ?? true;
    this.#statusOptions = options.statusOptions ?? {};
  }

  get state(): PrinterState {
    return this.#state;
  }

  /** The last status the printer answered (paper near end, drawer open show here); undefined before any. */
  get lastStatus(): PrinterStatus | undefined {
    return this.#lastStatus;
  }

  /** The waiting jobs, oldest first (ids and labels only). */
  pending(): { id: string; label: string }[] {
    return this.#jobs.map(({ job }) => ({ id: job.id, label: job.label }));
  }

  /** Called on every change of state. Returns the unsubscribe. */
  onState(listener: (state: PrinterState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /** Called when a job leaves the queue. Returns the unsubscribe. */
  onJob(listener: (job: { id: string; label: string }, outcome: PrintJobOutcome) => void): () => void {
    this.#jobListeners.add(listener);
    return () => this.#jobListeners.delete(listener);
  }

  /** Adds a job at the end; a reprint is another enqueue of the same bytes under a new id. */
  enqueue(job: PrintJob): void {
    if (this.#closed) {
      throw new Error('print queue is closed');
    }
    this.#jobs.push({ job: { ...job, bytes: Uint8Array.from(job.bytes) }, enqueuedAt: this.#clock.now() });
    this.#log?.info({ job: job.id, label: job.label, size: job.bytes.length }, 'print job queued');
    this.kick();
  }

  /** Tries now instead of at the next retry (a "try again" button, a USB attach, a settings test). */
  kick(): void {
    if (this.#closed) {
      return;
    }
    this.#timer?.();
    this.#timer = undefined;
    void this.#run();
  }

  /** Asks the printer now (nothing printed) and reports the state; for the settings screen and before a sale. */
  async checkStatus(): Promise<PrinterState> {
    if (this.#running) {
      await this.idle();
    } else {
      this.#timer?.();
      this.#timer = undefined;
      await this.#run(() => this.#probe());
    }
    return this.#state;
  }

  /** Resolves when the queue has nothing left to send or is waiting for a retry; for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.#running) {
      await this.#running;
    }
  }

  /** Stops retries and closes the transport. Waiting jobs are dropped (they live only while the till runs). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#timer?.();
    this.#timer = undefined;
    // Closing the link first ends a confirmation that waits (up to confirmTimeoutMs) at once.
    await this.#transport.close();
    await this.idle();
    if (this.#jobs.length > 0) {
      this.#log?.warn({ dropped: this.#jobs.length }, 'print queue closed with jobs waiting');
    }
    this.#jobs = [];
    await this.#transport.close();
  }

  /** One run at a time: `first` (a status probe), then the jobs, again while jobs arrived during the run. */
  #run(first?: () => Promise<unknown>): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      if (first) {
        await first();
      }
      do {
        this.#again = false;
        await this.#drain();
      } while (this.#goAgain());
      this.#scheduleIdlePoll();
    })()
      .catch((error: unknown) => {
        // Not a printer failure (those are handled in #drain): a listener threw. Keep the jobs and try later.
        this.#log?.warn({ error }, 'print queue run failed');
        this.#failures++;
        this.#scheduleRetry();
      })
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async #drain(): Promise<void> {
    while (!this.#closed && this.#jobs.length > 0) {
      this.#dropExpiredKicks();
      const head = this.#jobs[0];
      if (!head) {
        break;
      }
      if (!(await this.#probe())) {
        this.#scheduleRetry();
        return;
      }
      this.#setState('printing');
      let delivery: Delivery;
      try {
        await this.#transport.write(head.job.bytes);
        delivery = await this.#confirm();
      } catch (error) {
        this.#log?.warn({ job: head.job.id, reason: reasonOf(error) }, 'print job not sent');
        await this.#transport.close();
        delivery = 'lost';
      }
      if (delivery === 'lost' && head.job.kind !== 'drawer-kick') {
        // Stays at the head and goes again, whole, when the printer is back (at-least-once).
        this.#failures++;
        this.#setState('unreachable');
        this.#scheduleRetry();
        return;
      }
      this.#finish(head, delivery === 'lost' ? 'failed' : delivery);
      if (delivery !== 'printed') {
        this.#failures++;
        this.#setState('unreachable');
        this.#scheduleRetry();
        return;
      }
      this.#failures = 0;
    }
  }

  /**
   * After a write: a DLE EOT answer proves the printer received every byte before it (one ordered stream), and
   * says what the job left behind (paper may have run out during it). No answer in `confirmTimeoutMs` →
   * 'unconfirmed': the bytes were handed over and are not sent again (the cashier sees it and may reprint). The
   * link dropping instead → 'lost': the printer (rebooted, reset the connection) may never have had them.
   */
  async #confirm(): Promise<Delivery> {
    if (!this.#statusSupported || !this.#transport.statusSupported) {
      this.#setState('ready');
      return 'printed';
    }
    try {
      const status = await readPrinterStatus(this.#transport, this.#confirmTimeoutMs, this.#statusOptions);
      this.#lastStatus = status;
      this.#setState(statusVerdict(status));
      return 'printed';
    } catch (error) {
      await this.#transport.close();
      if (!isPrinterTransportError(error)) {
        return 'printed';
      }
      return error.reason === 'timeout' ? 'unconfirmed' : 'lost';
    }
  }

  /** Opens the transport and reads the status; true when a job may be sent now. */
  async #probe(): Promise<boolean> {
    try {
      await this.#transport.open();
      if (!this.#statusSupported || !this.#transport.statusSupported) {
        this.#setState('ready');
        return true;
      }
      const status = await readPrinterStatus(this.#transport, this.#statusTimeoutMs, this.#statusOptions);
      this.#lastStatus = status;
      this.#failures = 0;
      const verdict = statusVerdict(status);
      this.#setState(verdict);
      return verdict === 'ready';
    } catch (error) {
      if (!isPrinterTransportError(error)) {
        // A garbled status answer (StatusByteError): the link works but the printer speaks something else.
        this.#log?.warn({ printer: this.#transport.label, error }, 'printer status unreadable');
      }
      await this.#transport.close();
      this.#failures++;
      this.#setState('unreachable');
      return false;
    }
  }

  #scheduleRetry(): void {
    if (this.#closed || this.#jobs.length === 0) {
      return;
    }
    const delay =
      this.#state === 'unreachable'
        ? (this.#retryDelays[Math.min(this.#failures, this.#retryDelays.length) - 1] ?? this.#holdPollMs)
        : this.#holdPollMs;
    this.#timer = this.#scheduler.schedule(delay, () => {
      this.#timer = undefined;
      return this.#run();
    });
  }

  /** A job arrived during the run and no retry is pending: go round once more. */
  #goAgain(): boolean {
    return this.#again && !this.#closed && this.#timer === undefined;
  }

  #scheduleIdlePoll(): void {
    if (this.#closed || this.#jobs.length > 0 || this.#timer || this.#idlePollMs === undefined) {
      return;
    }
    this.#timer = this.#scheduler.schedule(this.#idlePollMs, () => {
      this.#timer = undefined;
      return this.#run(() => this.#probe());
    });
  }

  #dropExpiredKicks(): void {
    const now = this.#clock.now();
    for (const queued of [...this.#jobs]) {
      if (queued.job.kind === 'drawer-kick' && now - queued.enqueuedAt > this.#drawerKickTtlMs) {
        this.#finish(queued, 'expired');
      }
    }
  }

  #finish(queued: Queued, outcome: PrintJobOutcome): void {
    this.#jobs = this.#jobs.filter((q) => q !== queued);
    const { id, label } = queued.job;
    this.#log?.info({ job: id, label, outcome }, 'print job done');
    for (const listener of this.#jobListeners) {
      listener({ id, label }, outcome);
    }
  }

  #setState(state: PrinterState): void {
    if (state === this.#state) {
      return;
    }
    this.#state = state;
    this.#log?.info({ printer: this.#transport.label, state }, 'printer state');
    for (const listener of this.#stateListeners) {
      listener(state);
    }
  }
}

function reasonOf(error: unknown): string {
  return isPrinterTransportError(error) ? error.reason : 'error';
}
