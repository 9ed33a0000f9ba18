/**
 * The Electron host's life: single instance, the app:// scheme, the sandbox, the core and the two windows, and a
 * quit that always ends (docs/architecture.md §1.1). Everything Electron is reached through `options.electron`
 * (electron-api.ts), so this runs under Node against electron/testing/fake-electron.ts.
 *
 * Quitting: the core is closed (journal flushed, pollers stopped) before the process goes — on `before-quit`, on
 * the system's shutdown (`powerMonitor` 'shutdown' on Linux and macOS; Windows skips `before-quit` at shutdown and
 * logoff and sends the window's `session-end` instead). A close that hangs is cut off after CLOSE_TIMEOUT_MS and
 * the process exits anyway: a hung close must not hold the single-instance lock, or every relaunch would only
 * "focus" a window that no longer exists.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/settings';
import type { Kassa } from '../core/kassa';
import type { SystemPrinters } from '../devices/printer/driver';
import type { Clock } from '../kernel/clock';
import { errorText } from '../kernel/error-text';
import type { Scheduler } from '../kernel/scheduler';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { chooseDataDir, legacyDataDir, secureDataDir } from '../storage/data-dir';
import { openElectronVault } from '../storage/electron-vault';
import { openNodeSettingsStore } from '../storage/settings';
import type { SecretVault, SettingsStore } from '../storage/types';
import type { ElectronApi } from './electron-api';
import { hardenAllContents } from './guards';
import { dataDirArgument, waylandWithoutX11Switch } from './host-options';
import { START_FAILED_TITLE, startFailedText } from './host-texts';
import { registerAppScheme } from './protocol';
import { createElectronSystemPrinters } from './system-printer';
import { TillWindows, type HostPaths } from './till-windows';

export const CLOSE_TIMEOUT_MS = 5_000;

export interface CoreDeps {
  dataDir: string;
  /** The OS printers through hidden windows (system-printer.ts); main.ts hands it on to createKassa. */
  systemPrinters: SystemPrinters;
  settings: SettingsStore;
  vault: SecretVault;
  logger: Logger;
  redactor: Redactor;
  version: string;
}

export interface ElectronHostOptions {
  electron: ElectronApi;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  paths: HostPaths;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  redactor: Redactor;
  /** Where the log file is, for the dialogs (null when it could not be opened). */
  logFile: string | null;
  /** Builds the core (main.ts: createKassa with the sandbox; tests: whatever they need). */
  createCore: (deps: CoreDeps) => Kassa;
  closeTimeoutMs?: number;
}

export interface ElectronHost {
  /** Settles when start-up finished, successfully or with the error dialog. */
  readonly started: Promise<void>;
  /** The windows, once started (tests look at them). */
  readonly windows: TillWindows | null;
  readonly dataDir: string | null;
}

/** Wraps the settings store so a saved change can move, open or close the display window at once. */
function observedSettings(store: SettingsStore, onChange: (next: Settings) => void): SettingsStore {
  return {
    get path() {
      return store.path;
    },
    get: () => store.get(),
    set(next) {
      const saved = store.set(next);
      onChange(saved);
      return saved;
    },
  };
}

export function runElectronHost(options: ElectronHostOptions): ElectronHost {
  const { electron, logger, redactor } = options;
  const { app } = electron;
  const closeTimeoutMs = options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS;
  let windows: TillWindows | null = null;
  let kassa: Kassa | null = null;
  let dataDir: string | null = null;
  let stopping: Promise<void> | null = null;

  // Two instances would fight over the scanner, the pole display and the journal: the second one only asks the
  // first to come to the front, then exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: Promise.resolve(), windows: null, dataDir: null };
  }
  // Before ready: Electron only accepts privileged schemes then.
  registerAppScheme(electron.protocol);
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  hardenAllContents(app, logger);
  if (waylandWithoutX11Switch(options.platform, options.env, (name) => app.commandLine.hasSwitch(name))) {
    logger.warn(
      'Wayland session without --ozone-platform=x11: the customer display may open on the wrong screen (docs/deploy.md)',
    );
  }

  /** Close the core, at most closeTimeoutMs; then the caller ends the process. */
  const stop = (why: string): Promise<void> => {
    if (stopping) {
      return stopping;
    }
    logger.info({ why }, 'electron: stopping');
    windows?.close();
    const closing = kassa?.close() ?? Promise.resolve();
    stopping = new Promise<void>((resolve) => {
      const cancel = options.scheduler.schedule(closeTimeoutMs, () => {
        logger.error(
          { waitedMs: closeTimeoutMs },
          'electron: the core did not close in time; exiting anyway',
        );
        resolve();
      });
      closing
        .catch((error: unknown) => {
          logger.error({ err: error }, 'electron: closing the core failed');
        })
        .finally(() => {
          cancel();
          resolve();
        });
    });
    return stopping;
  };

  /** Stop, then end the process whatever the core did, releasing the single-instance lock. */
  const stopAndExit = (why: string, code: number): void => {
    stop(why)
      .catch(() => undefined)
      .finally(() => {
        app.releaseSingleInstanceLock();
        app.exit(code);
      });
  };

  app.on('second-instance', () => {
    windows?.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('before-quit', (event) => {
    // Let the core flush (journal, pollers) before the process goes; exit() afterwards does not come back here.
    event.preventDefault();
    stopAndExit('quit', 0);
  });

  const start = (): void => {
    dataDir = chooseDataDir(dataDirArgument(options.argv), options.env, homedir(), [
      app.getPath('userData'),
      legacyDataDir(),
    ]);
    logger.info({ dataDir, logFile: options.logFile }, 'data dir');
    // Every start: the data dir and everything in it owner-only, repaired (with a log line) when looser.
    secureDataDir(dataDir, logger);
    const settings = observedSettings(openNodeSettingsStore(dataDir, logger), (next) => {
      windows?.syncDisplay(next);
    });
    const vault = openElectronVault({
      safeStorage: electron.safeStorage,
      dataDir,
      clock: options.clock,
      redactor,
    });
    const systemPrinters = createElectronSystemPrinters(electron, {
      scheduler: options.scheduler,
      logger: logger.child({ component: 'system-printer' }),
    });
    kassa = options.createCore({
      dataDir,
      settings,
      vault,
      logger,
      redactor,
      version: app.getVersion(),
      systemPrinters,
    });
    windows = new TillWindows({
      electron,
      kassa,
      settings,
      paths: options.paths,
      platform: options.platform,
      devTools: !app.isPackaged,
      scheduler: options.scheduler,
      logger,
      logFile: options.logFile,
      onCashierClosed: () => {
        app.quit();
      },
    });
    windows.open();
    // Linux and macOS shutdown; Windows shutdown and logoff arrive as the cashier window's session-end.
    electron.powerMonitor.on('shutdown', () => {
      stopAndExit('system shutdown', 0);
    });
    windows.cashier?.on('session-end', () => {
      stopAndExit('session end', 0);
    });
  };

  const started = app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error({ err: error }, 'electron: start failed');
      // A till that refuses to start (damaged settings, unwritable data dir, lmdb error) says why on screen: a
      // desktop-launched app has no terminal for stderr.
      electron.dialog.showErrorBox(
        START_FAILED_TITLE,
        startFailedText(redactor.text(errorText(error)), options.logFile),
      );
      stopAndExit('start failed', 1);
    });

  return {
    started,
    get windows() {
      return windows;
    },
    get dataDir() {
      return dataDir;
    },
  };
}

/** The built files next to dist/electron/main.mjs. */
export function builtPaths(electronDistDir: string): HostPaths {
  return {
    preloadCashier: join(electronDistDir, 'preload-cashier.cjs'),
    preloadDisplay: join(electronDistDir, 'preload-display.cjs'),
    rendererDir: join(electronDistDir, '..', 'renderer'),
  };
}
