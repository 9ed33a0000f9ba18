/**
 * The till's receipt printer (docs/printing.md, "In the till"): one driver for the printer the settings name,
 * rebuilt when they change; what the cashier's banner shows (printer:status); printing documents the core built,
 * the drawer kick, and the settings screen's test page. Jobs live in memory only (they carry qrData and lottery).
 */
import type { PrinterStatus } from '../../../shared/channels/printer';
import type { PrinterConnectionSetting, PrinterSettings } from '../../../shared/settings/printer';
import { KassaError } from '../../kernel/errors';
import type { Logger } from '../../log/logger';
import type { DriverJob, PrinterDriver } from './driver';
import type { PrinterProfile } from './escpos/profile';
import type { PrintJobOutcome } from './print-queue';

/** A connection a driver can be built for (not `none`). */
export type PrinterConnectionOf = Exclude<PrinterConnectionSetting, { kind: 'none' }>;

export interface PrinterServiceDeps {
  settings(): PrinterSettings;
  /** Builds the driver of a connection: ESC/POS over a transport, or a system printer (core wires both). */
  driver(connection: PrinterConnectionOf, profile: PrinterProfile): PrinterDriver;
  logger: Pick<Logger, 'info' | 'warn'>;
  emit(status: PrinterStatus): void;
}

export interface PrintRequest {
  /** "receipt #42", "refund slip #42", "X report": for the banner and the log. */
  label: string;
  lines: DriverJob['lines'];
  /** The sale a receipt belongs to, so an unconfirmed one can be reprinted from the banner. */
  saleId?: string;
}

/** How long a test page may take before the settings screen hears "not printed" (it keeps trying behind). */
const TEST_WAIT_MS = 20_000;

const keyOf = (settings: PrinterSettings): string => JSON.stringify([settings.connection, settings.profile]);

export class PrinterService {
  readonly #deps: PrinterServiceDeps;
  #driver: PrinterDriver | undefined;
  #key = '';
  #unsubscribe: (() => void)[] = [];
  #sequence = 0;
  readonly #saleOfJob = new Map<string, string>();
  #unconfirmed: PrinterStatus['unconfirmed'] = null;
  /** Why the printer the settings name cannot be used on this host, when it cannot. */
  #unusable: Error | undefined;
  #closed = false;

  constructor(deps: PrinterServiceDeps) {
    this.#deps = deps;
    this.#sync();
  }

  /** The printer is set up (settings name one). */
  get configured(): boolean {
    return this.#deps.settings().connection.kind !== 'none';
  }

  status(): PrinterStatus {
    const driver = this.#sync();
    return {
      state: driver?.state ?? (this.#unusable === undefined ? 'off' : 'unreachable'),
      label: driver?.label ?? null,
      waiting: driver?.pending() ?? [],
      paperLow: driver?.paperLow ?? false,
      unconfirmed: this.#unconfirmed,
    };
  }

  /** Queues a document; refused with words when no printer is set up. Returns the job's id. */
  print(request: PrintRequest): string {
    const driver = this.#require();
    const id = this.#nextId('doc');
    if (request.saleId !== undefined) {
      this.#saleOfJob.set(id, request.saleId);
    }
    driver.print({ id, label: request.label, lines: request.lines });
    this.#publish();
    return id;
  }

  /** The drawer after a cash payment or refund: silently nothing when there is no printer or it is off. */
  kickForCash(): void {
    const settings = this.#deps.settings();
    const driver = this.#sync();
    if (driver?.drawerSupported === true && settings.drawer.kickOnCash) {
      driver.kickDrawer(this.#nextId('drawer'), settings.drawer.pin);
    }
  }

  /**
   * A manager's "open drawer": refused with words when there is no printer or no drawer port; `record` (the
   * journal's write of who and why) runs before the pulse, so no opening goes unrecorded.
   */
  async openDrawer(record: () => Promise<void>): Promise<void> {
    const driver = this.#require();
    if (!driver.drawerSupported) {
      throw new KassaError('device.unavailable', 'This printer has no cash drawer port.', {
        params: { device: 'printer', reason: 'no-drawer' },
      });
    }
    await record();
    driver.kickDrawer(this.#nextId('drawer'), this.#deps.settings().drawer.pin);
    this.#publish();
  }

  /**
   * The settings screen's test page, on the connection and profile on screen (saved or not). A connection other
   * than the current one gets a driver of its own, closed after the test.
   */
  async test(
    connection: PrinterConnectionSetting,
    profile: PrinterProfile,
    lines: (label: string) => DriverJob['lines'],
  ): Promise<{ state: PrinterStatus['state']; printed: boolean }> {
    if (connection.kind === 'none') {
      throw notConfigured();
    }
    const current = this.#sync();
    const same = current !== undefined && this.#key === JSON.stringify([connection, profile]);
    const driver = same ? current : this.#deps.driver(connection, profile);
    const id = this.#nextId('test');
    const outcome = new Promise<PrintJobOutcome | 'waiting'>((resolve) => {
      const off = driver.onJob((job, result) => {
        if (job.id === id) {
          off();
          resolve(result);
        }
      });
      setTimeout(() => {
        off();
        resolve('waiting');
      }, TEST_WAIT_MS).unref();
    });
    driver.print({ id, label: 'test page', lines: lines(driver.label) });
    const result = await outcome;
    const state = driver.state;
    if (!same) {
      await driver.close();
    }
    return { state, printed: result === 'printed' };
  }

  /** Settings changed: a new connection or profile gets a new driver (what waited on the old one is dropped). */
  settingsChanged(): void {
    this.#sync();
    this.#publish();
  }

  /** Asks the printer now and publishes what it says. */
  async refresh(): Promise<PrinterStatus> {
    await this.#sync()?.checkStatus();
    this.#publish();
    return this.status();
  }

  /** Resolves once nothing is being sent (tests). */
  async idle(): Promise<void> {
    await this.#driver?.idle();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#drop();
  }

  #require(): PrinterDriver {
    const driver = this.#sync();
    if (!driver) {
      throw this.#unusable ?? notConfigured();
    }
    return driver;
  }

  #nextId(kind: string): string {
    this.#sequence += 1;
    return `${kind}-${this.#sequence}`;
  }

  /** The driver for the settings as they are now (built, rebuilt or dropped). */
  #sync(): PrinterDriver | undefined {
    const settings = this.#deps.settings();
    const key = keyOf(settings);
    if (this.#closed || key === this.#key) {
      return this.#driver;
    }
    void this.#drop();
    this.#key = key;
    this.#unusable = undefined;
    const { connection } = settings;
    if (connection.kind === 'none') {
      return undefined;
    }
    let driver: PrinterDriver;
    try {
      driver = this.#deps.driver(connection, settings.profile);
    } catch (error) {
      // A printer this host cannot reach at all (a system printer outside the Electron app): printing is
      // refused with the reason, the banner says the printer is unreachable, selling goes on.
      this.#unusable = error instanceof Error ? error : notConfigured();
      this.#deps.logger.warn({ err: error, kind: connection.kind }, 'printer: cannot use this printer here');
      return undefined;
    }
    this.#driver = driver;
    this.#unsubscribe = [
      driver.onState(() => {
        this.#publish();
      }),
      driver.onJob((job, outcome) => {
        this.#jobDone(job, outcome);
      }),
    ];
    this.#deps.logger.info({ printer: driver.label }, 'printer: ready to print');
    return driver;
  }

  async #drop(): Promise<void> {
    const driver = this.#driver;
    this.#driver = undefined;
    this.#key = '';
    this.#unconfirmed = null;
    for (const off of this.#unsubscribe) {
      off();
    }
    this.#unsubscribe = [];
    if (driver) {
      await driver.close().catch((error: unknown) => {
        this.#deps.logger.warn({ err: error }, 'printer: closing the old printer failed');
      });
    }
  }

  #jobDone(job: { id: string; label: string }, outcome: PrintJobOutcome): void {
    const saleId = this.#saleOfJob.get(job.id) ?? null;
    this.#saleOfJob.delete(job.id);
    if (outcome === 'unconfirmed' && !job.id.startsWith('drawer')) {
      this.#unconfirmed = { id: job.id, label: job.label, saleId };
    } else if (outcome === 'printed' && job.id.startsWith('doc')) {
      // The printer printed the next document: it works again, and the cashier has moved on.
      this.#unconfirmed = null;
    }
    this.#publish();
  }

  #publish(): void {
    if (!this.#closed) {
      this.#deps.emit(this.status());
    }
  }
}

function notConfigured(): KassaError {
  return new KassaError('device.unavailable', 'No receipt printer is set up (Settings → Printer).', {
    params: { device: 'printer', reason: 'not-configured' },
  });
}
