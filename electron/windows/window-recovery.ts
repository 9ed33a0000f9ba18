/**
 * Keeps a window's page alive: a till must never be left white or invisible because its page crashed, hung or
 * failed to load. Electron does nothing by itself in those cases (a crashed renderer stays blank, a failed
 * `loadURL` leaves a `show: false` window hidden for good).
 *  - render-process-gone (crash, OOM, killed): load the page again after a back-off;
 *  - unresponsive for HANG_RELOAD_MS after Electron reports it: crash the renderer on purpose, which reloads it;
 *  - did-fail-load of the main frame: show the window anyway and retry after a back-off.
 * The back-off grows with each failure in a row (1 s, 2 s, 5 s, 10 s, then every 30 s, never giving up: the till
 * has no other screen) and starts over once a page has stayed up for STABLE_MS. From the third failure in a row the
 * cashier is told once, in a non-blocking message box (a blocking one would stall main, and with it the core).
 * The reloaded page asks main for its state again (sale:current, display:ready), so nothing of the sale is lost:
 * the sale lives in main's journal, not in the page.
 */
import type { Scheduler, CancelTimer } from '../kernel/scheduler';
import type { Logger } from '../log/logger';
import type { WindowApi } from './electron-api';

export const RELOAD_BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;
export const STABLE_MS = 60_000;
export const HANG_RELOAD_MS = 10_000;
/** Failures in a row before the cashier is told. */
export const TELL_AFTER = 3;
/** Chromium's ERR_ABORTED: a load replaced by another one (our own retry), not a failure. */
const ERR_ABORTED = -3;

export interface RecoveryOptions {
  name: 'cashier' | 'display';
  url: string;
  scheduler: Scheduler;
  logger: Logger;
  /** Makes a window visible that never painted (show for the cashier, showInactive for the display). */
  reveal: () => void;
  /** Told once per run of failures, from the TELL_AFTER-th one. */
  tell: (problem: 'crashed' | 'load-failed', detail: string) => void;
}

export interface WindowKeeper {
  /** Load (or reload) the window's page now. */
  load(): void;
  /** Failures in a row since the page last stayed up. */
  readonly failures: number;
}

export function keepWindowAlive(window: WindowApi, options: RecoveryOptions): WindowKeeper {
  const { scheduler, logger, name } = options;
  const contents = window.webContents;
  let failures = 0;
  let told = false;
  let closed = false;
  let retry: CancelTimer | null = null;
  let stable: CancelTimer | null = null;
  let hang: CancelTimer | null = null;

  const cancel = (timer: CancelTimer | null): null => {
    timer?.();
    return null;
  };

  const load = (): void => {
    retry = cancel(retry);
    if (closed || contents.isDestroyed()) {
      return;
    }
    // A failed load also arrives as did-fail-load, where it is handled; the rejection itself carries nothing more.
    contents.loadURL(options.url).catch((error: unknown) => {
      logger.debug({ window: name, err: error }, 'window: load did not complete');
    });
  };

  const fail = (problem: 'crashed' | 'load-failed', detail: string): void => {
    if (closed) {
      return;
    }
    stable = cancel(stable);
    hang = cancel(hang);
    failures += 1;
    const delay = RELOAD_BACKOFF_MS[Math.min(failures, RELOAD_BACKOFF_MS.length) - 1] ?? 30_000;
    logger.error(
      { window: name, problem, detail, failures, retryInMs: delay },
      'window: page lost, reloading',
    );
    if (failures >= TELL_AFTER && !told) {
      told = true;
      options.tell(problem, detail);
    }
    retry = cancel(retry);
    retry = scheduler.schedule(delay, load);
  };

  contents.on('render-process-gone', (_event, details) => {
    fail('crashed', `${details.reason} (exit code ${String(details.exitCode)})`);
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) {
      return;
    }
    // ready-to-show never comes for a page that did not load: without this the till would stay invisible.
    if (!window.isVisible()) {
      options.reveal();
    }
    fail('load-failed', `${errorDescription} (${String(errorCode)}) ${validatedURL}`);
  });
  contents.on('did-finish-load', () => {
    stable = cancel(stable);
    stable = scheduler.schedule(STABLE_MS, () => {
      stable = null;
      if (failures > 0) {
        logger.info({ window: name, failures }, 'window: page stable again');
      }
      failures = 0;
      told = false;
    });
  });
  window.on('unresponsive', () => {
    if (hang) {
      return;
    }
    logger.warn({ window: name }, 'window: page not responding');
    hang = scheduler.schedule(HANG_RELOAD_MS, () => {
      hang = null;
      if (closed || contents.isDestroyed()) {
        return;
      }
      logger.error({ window: name, waitedMs: HANG_RELOAD_MS }, 'window: page hung, restarting its renderer');
      // Ends in render-process-gone, which reloads the page with the back-off above.
      contents.forcefullyCrashRenderer();
    });
  });
  window.on('responsive', () => {
    hang = cancel(hang);
  });
  window.on('closed', () => {
    closed = true;
    retry = cancel(retry);
    stable = cancel(stable);
    hang = cancel(hang);
  });

  return {
    load,
    get failures() {
      return failures;
    },
  };
}
