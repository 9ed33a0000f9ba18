/**
 * The Electron host: single-instance lock, the app:// protocol, the cashier and customer-display windows,
 * and the ipcMain wiring to the host-agnostic core. All behaviour lives in the core (createKassa); this file
 * only builds it with the Electron storage implementations and maps each window to its role.
 *
 * Built by scripts/build-node.mjs to dist/electron/main.mjs (ESM); the preloads to
 * dist/electron/preload-{cashier,display}.cjs; the renderer by vite to dist/renderer/.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, screen, session, type BrowserWindow } from 'electron';
import type { Settings } from '../shared/settings';
import { systemClock } from './kernel/clock';
import { createKassa, type Kassa } from './core/kassa';
import { createLogger, type Logger } from './log/logger';
import type { Redactor } from './log/redact';
import { createSandboxScanner } from './sandbox/hid-scanner';
import { startSandboxOnDemand } from './sandbox/on-demand';
import { chooseDataDir, legacyDataDir, secureDataDir } from './storage/data-dir';
import { openElectronSettingsStore } from './storage/electron-settings';
import type { SettingsStore } from './storage/types';
import { openElectronVault } from './storage/electron-vault';
import { createCashierWindow, focusCashierWindow } from './windows/cashier-window';
import { applyPlacement, createDisplayWindow, currentPlacement } from './windows/display-window';
import { hardenAllContents, hardenSession } from './windows/guards';
import { wireIpc, type IpcWiring } from './windows/ipc';
import { registerAppScheme, serveRenderer } from './windows/protocol';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_CASHIER = join(here, 'preload-cashier.cjs');
const PRELOAD_DISPLAY = join(here, 'preload-display.cjs');
const RENDERER_DIR = join(here, '..', 'renderer');

/**
 * KASSA_DATA_DIR, else the same per-user data dir as the browser host and the CLI (storage/data-dir.ts), so
 * `kassa doctor` on a till looks at the app's own data. Electron's userData folder, where earlier versions
 * kept it, is still used when only it holds a till's data.
 */
function dataDir(): string {
  return chooseDataDir(undefined, process.env, homedir(), [app.getPath('userData'), legacyDataDir()]);
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

class KassaApp {
  #cashier: BrowserWindow | null = null;
  #display: BrowserWindow | null = null;
  #kassa: Kassa | null = null;
  #ipc: IpcWiring | null = null;
  #settings: SettingsStore | null = null;
  readonly #logger: Logger;
  readonly #redactor: Redactor;

  constructor(logger: Logger, redactor: Redactor) {
    this.#logger = logger;
    this.#redactor = redactor;
  }

  start(): void {
    const logger = this.#logger;
    const redactor = this.#redactor;
    const dir = dataDir();
    logger.info({ dataDir: dir }, 'data dir');
    // Every start: the data dir and everything in it owner-only, repaired (with a log line) when looser.
    secureDataDir(dir, logger);
    const settings = observedSettings(openElectronSettingsStore(dir, logger), (next) => {
      this.syncDisplayWindow(next);
    });
    this.#settings = settings;
    const vault = openElectronVault({ dataDir: dir, clock: systemClock, redactor });
    const kassa = createKassa({
      clock: systemClock,
      dataDir: dir,
      settings,
      vault,
      logger,
      redactor,
      host: 'electron',
      version: app.getVersion(),
      startSandbox: startSandboxOnDemand,
      sandboxScanner: createSandboxScanner,
    });
    this.#kassa = kassa;
    this.#ipc = wireIpc(kassa, logger.child({ component: 'electron-ipc' }));

    hardenSession(session.defaultSession, logger);
    serveRenderer(RENDERER_DIR);
    // Without a menu there are no accelerators (Ctrl+R reload, F11, DevTools) for a cashier to hit by accident,
    // and every F-key is free for the till's shortcuts.
    Menu.setApplicationMenu(null);

    const cashier = createCashierWindow({ preload: PRELOAD_CASHIER, title: 'Kassa' });
    this.#cashier = cashier;
    this.#ipc.attach(cashier.webContents, 'cashier');
    cashier.on('closed', () => {
      this.#cashier = null;
      // The till is the cashier window: closing it closes the customer display and quits.
      this.#display?.destroy();
      app.quit();
    });
    this.syncDisplayWindow(settings.get());

    screen.on('display-added', () => {
      this.placeDisplay();
    });
    screen.on('display-removed', () => {
      this.placeDisplay();
    });
    screen.on('display-metrics-changed', () => {
      this.placeDisplay();
    });
  }

  focus(): void {
    if (this.#cashier) {
      focusCashierWindow(this.#cashier);
    }
  }

  /** Open, close or move the display window to match the settings. */
  syncDisplayWindow(settings: Settings): void {
    const cashier = this.#cashier;
    if (!cashier || !this.#ipc) {
      return;
    }
    if (!settings.display.enabled) {
      this.#display?.destroy();
      this.#display = null;
      return;
    }
    if (this.#display) {
      this.placeDisplay();
      return;
    }
    const display = createDisplayWindow({
      preload: PRELOAD_DISPLAY,
      title: 'Kassa — customer display',
      placement: currentPlacement(settings.display.target, cashier),
    });
    this.#display = display;
    this.#ipc.attach(display.webContents, 'display');
    display.on('closed', () => {
      this.#display = null;
    });
  }

  placeDisplay(): void {
    const display = this.#display;
    const cashier = this.#cashier;
    const settings = this.#settings?.get();
    if (display && cashier && settings) {
      applyPlacement(display, currentPlacement(settings.display.target, cashier));
    }
  }

  async stop(): Promise<void> {
    this.#ipc?.dispose();
    this.#ipc = null;
    await this.#kassa?.close();
    this.#kassa = null;
  }
}

const { logger, redactor } = createLogger();

// Two instances would fight over the scanner, the pole display and the journal: the second one only asks the
// first to come to the front, then exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Before ready: Electron only accepts privileged schemes then.
  registerAppScheme();
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
  hardenAllContents(logger);

  const kassaApp = new KassaApp(logger.child({ component: 'electron' }), redactor);
  app.on('second-instance', () => {
    kassaApp.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) {
      return;
    }
    // Let the core flush (journal, pollers) before the process goes.
    event.preventDefault();
    stopped = true;
    void kassaApp.stop().finally(() => {
      app.quit();
    });
  });
  app
    .whenReady()
    .then(() => {
      kassaApp.start();
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, 'electron: start failed');
      app.exit(1);
    });
}
