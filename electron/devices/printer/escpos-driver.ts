/**
 * An ESC/POS printer over USB, serial or TCP as a PrinterDriver (driver.ts): print lines are rendered for the
 * printer's profile (escpos/render.ts) and go to its in-memory PrintQueue, which asks DLE EOT status before and
 * after each job and retries while the printer is away (docs/printing-transports.md).
 */
import type { Clock } from '../../kernel/clock';
import type { Scheduler } from '../../kernel/scheduler';
import type { Logger } from '../../log/logger';
import { drawerKickBytes } from './drawer';
import type { DriverJob, PrinterDriver } from './driver';
import type { PrinterProfile } from './escpos/profile';
import { renderPrintJob } from './escpos/render';
import { PrintQueue, type PrintJobOutcome, type PrinterState } from './print-queue';
import type { PrinterTransport } from './transports/transport';

export interface EscPosDriverOptions {
  transport: PrinterTransport;
  profile: PrinterProfile;
  scheduler: Scheduler;
  clock: Clock;
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** With nothing to print, ask the status this often, so "paper out" shows before the next receipt. */
  idlePollMs?: number;
  /** Queue timings (tests shorten them); see PrintQueueOptions. */
  holdPollMs?: number;
  retryDelaysMs?: readonly number[];
  confirmTimeoutMs?: number;
}

export class EscPosDriver implements PrinterDriver {
  readonly label: string;
  readonly drawerSupported = true;
  readonly #queue: PrintQueue;
  readonly #profile: PrinterProfile;

  constructor(options: EscPosDriverOptions) {
    this.label = options.transport.label;
    this.#profile = options.profile;
    this.#queue = new PrintQueue({
      transport: options.transport,
      scheduler: options.scheduler,
      clock: options.clock,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.idlePollMs === undefined ? {} : { idlePollMs: options.idlePollMs }),
      ...(options.holdPollMs === undefined ? {} : { holdPollMs: options.holdPollMs }),
      ...(options.retryDelaysMs === undefined ? {} : { retryDelaysMs: options.retryDelaysMs }),
      ...(options.confirmTimeoutMs === undefined ? {} : { confirmTimeoutMs: options.confirmTimeoutMs }),
    });
  }

  get state(): PrinterState {
    return this.#queue.state;
  }

  get paperLow(): boolean {
    return this.#queue.lastStatus?.paperNearEnd ?? false;
  }

  pending(): { id: string; label: string }[] {
    return this.#queue.pending();
  }

  onState(listener: (state: PrinterState) => void): () => void {
    return this.#queue.onState(listener);
  }

  onJob(listener: (job: { id: string; label: string }, outcome: PrintJobOutcome) => void): () => void {
    return this.#queue.onJob(listener);
  }

  print(job: DriverJob): void {
    this.#queue.enqueue({ id: job.id, label: job.label, bytes: renderPrintJob(job.lines, this.#profile) });
  }

  kickDrawer(id: string, pin: 2 | 5): void {
    this.#queue.enqueue({ id, label: 'drawer kick', bytes: drawerKickBytes({ pin }), kind: 'drawer-kick' });
  }

  checkStatus(): Promise<PrinterState> {
    return this.#queue.checkStatus();
  }

  idle(): Promise<void> {
    return this.#queue.idle();
  }

  close(): Promise<void> {
    return this.#queue.close();
  }
}
