/**
 * The till's two windows over one core: the cashier window and the customer display, their IPC roles, their
 * recovery (window-recovery.ts) and where the display goes (placement.ts). The display is placed relative to the
 * screen the cashier window is on, and moved only when its placement really changes.
 */
import type { Settings } from '../../shared/settings';
import type { Kassa } from '../core/kassa';
import type { CancelTimer, Scheduler } from '../kernel/scheduler';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../storage/types';
import { applicationMenuTemplate } from './app-menu';
import { CASHIER_URL, createCashierWindow, focusCashierWindow } from './cashier-window';
import { applyPlacement, createDisplayWindow, DISPLAY_URL } from './display-window';
import type { ElectronApi, WindowApi } from './electron-api';
import { hardenSession } from './guards';
import { HOST_TEXTS } from './host-texts';
import { wireIpc, type IpcWiring } from './ipc';
import { placeDisplayWindow, samePlacement, type DisplayPlacement } from './placement';
import { serveRenderer } from './protocol';
import { keepWindowAlive } from './window-recovery';

/** How long the cashier window must stay put after a move before the display follows. */
export const MOVE_SETTLE_MS = 500;

export interface HostPaths {
  preloadCashier: string;
  preloadDisplay: string;
  rendererDir: string;
}

export interface TillWindowsDeps {
  electron: ElectronApi;
  kassa: Kassa;
  settings: SettingsStore;
  paths: HostPaths;
  platform: NodeJS.Platform;
  /** DevTools only in an unpackaged run (`!app.isPackaged`). */
  devTools: boolean;
  scheduler: Scheduler;
  logger: Logger;
  logFile: string | null;
  /** The cashier window closed: the till quits. */
  onCashierClosed: () => void;
}

interface DisplayState {
  window: WindowApi;
  placement: DisplayPlacement;
  powerBlocker: number;
}

export class TillWindows {
  readonly #deps: TillWindowsDeps;
  readonly #ipc: IpcWiring;
  #cashier: WindowApi | null = null;
  #display: DisplayState | null = null;
  #closing = false;

  constructor(deps: TillWindowsDeps) {
    this.#deps = deps;
    const { electron, logger } = deps;
    this.#ipc = wireIpc(electron.ipcMain, deps.kassa, logger.child({ component: 'electron-ipc' }));
    hardenSession(electron.session.defaultSession, logger);
    serveRenderer(electron.protocol, deps.paths.rendererDir);
    const template = applicationMenuTemplate(deps.platform);
    electron.Menu.setApplicationMenu(template === null ? null : electron.Menu.buildFromTemplate(template));
    // Only a real change moves the window (samePlacement): a taskbar that hides or a DPI change on the cashier's
    // screen arrives here too.
    const resync = (): void => {
      this.syncDisplay(deps.settings.get());
    };
    electron.screen.on('display-added', resync);
    electron.screen.on('display-removed', resync);
    electron.screen.on('display-metrics-changed', resync);
  }

  get cashier(): WindowApi | null {
    return this.#cashier;
  }

  get display(): WindowApi | null {
    return this.#display?.window ?? null;
  }

  /** Opens the cashier window (and the display when the settings ask for one). */
  open(): void {
    const { electron, paths, devTools } = this.#deps;
    const cashier = createCashierWindow(electron, {
      preload: paths.preloadCashier,
      title: 'Kassa',
      devTools,
    });
    this.#cashier = cashier;
    this.#ipc.attach(cashier.webContents, 'cashier');
    const keeper = keepWindowAlive(cashier, {
      name: 'cashier',
      url: CASHIER_URL,
      scheduler: this.#deps.scheduler,
      logger: this.#deps.logger,
      reveal: () => {
        cashier.show();
      },
      tell: (problem, detail) => {
        this.#tell(problem, detail);
      },
    });
    // The cashier dragging the till onto the customer's screen swaps the screens. 'move' fires all along a drag on
    // Linux ('moved' only exists on macOS and Windows), so the display follows once the window has settled.
    let settle: CancelTimer | null = null;
    cashier.on('move', () => {
      settle?.();
      settle = this.#deps.scheduler.schedule(MOVE_SETTLE_MS, () => {
        settle = null;
        this.syncDisplay(this.#deps.settings.get());
      });
    });
    cashier.on('closed', () => {
      settle?.();
      this.#cashier = null;
      // The till is the cashier window: closing it closes the customer display and quits.
      this.#destroyDisplay();
      this.#deps.onCashierClosed();
    });
    keeper.load();
    this.syncDisplay(this.#deps.settings.get());
  }

  /** Second launch: bring the cashier window to the front. */
  focus(): void {
    if (this.#cashier && !this.#cashier.isDestroyed()) {
      focusCashierWindow(this.#cashier);
    }
  }

  /** Open, close, move or rebuild the display window to match the settings and the screens. */
  syncDisplay(settings: Settings): void {
    const cashier = this.#cashier;
    if (!cashier || cashier.isDestroyed() || this.#closing) {
      return;
    }
    if (!settings.display.enabled) {
      this.#destroyDisplay();
      return;
    }
    const placement = this.#placement(settings.display.target, cashier);
    const current = this.#display;
    if (current && samePlacement(current.placement, placement)) {
      return;
    }
    const sameScreen =
      current?.placement.kind === 'fullscreen' &&
      placement.kind === 'fullscreen' &&
      current.placement.displayId === placement.displayId;
    if (current && (sameScreen || (current.placement.kind === 'beside' && placement.kind === 'beside'))) {
      this.#deps.logger.info({ placement }, 'display window moved');
      applyPlacement(current.window, placement);
      current.placement = placement;
      return;
    }
    // A frameless fullscreen window cannot gain a frame (and the other way round), and moving a fullscreen window to
    // another screen means leaving fullscreen first, which macOS animates (bounds set meanwhile are lost): a new
    // window. Its page asks for the display state again at display:ready, so nothing the customer should see is lost.
    this.#destroyDisplay();
    this.#openDisplay(placement);
  }

  /** Close both windows for quitting; no event re-opens them afterwards. */
  close(): void {
    this.#closing = true;
    this.#destroyDisplay();
    this.#ipc.dispose();
  }

  #placement(target: 'auto' | number, cashier: WindowApi): DisplayPlacement {
    const { screen } = this.#deps.electron;
    const bounds = cashier.getBounds();
    return placeDisplayWindow({
      target,
      screens: screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea })),
      cashierScreenId: screen.getDisplayMatching(bounds).id,
      cashier: bounds,
    });
  }

  #openDisplay(placement: DisplayPlacement): void {
    const { electron, paths, devTools, logger } = this.#deps;
    const window = createDisplayWindow(electron, {
      preload: paths.preloadDisplay,
      title: 'Kassa — customer display',
      placement,
      devTools,
      onFocus: () => {
        // The customer's screen never keeps the keyboard: a scan or a keystroke belongs to the cashier window.
        if (this.#cashier && !this.#cashier.isDestroyed()) {
          this.#cashier.focus();
        }
      },
    });
    // The customer must see the total and the QR even when nobody touched the till for a while.
    const state: DisplayState = {
      window,
      placement,
      powerBlocker: electron.powerSaveBlocker.start('prevent-display-sleep'),
    };
    this.#display = state;
    logger.info({ placement }, 'display window opened');
    this.#ipc.attach(window.webContents, 'display');
    const keeper = keepWindowAlive(window, {
      name: 'display',
      url: DISPLAY_URL,
      scheduler: this.#deps.scheduler,
      logger,
      reveal: () => {
        window.showInactive();
      },
      // The customer's screen is not the cashier's problem to click away; the log has it.
      tell: () => undefined,
    });
    window.on('closed', () => {
      if (electron.powerSaveBlocker.isStarted(state.powerBlocker)) {
        electron.powerSaveBlocker.stop(state.powerBlocker);
      }
      if (this.#display === state) {
        this.#display = null;
      }
    });
    keeper.load();
  }

  #destroyDisplay(): void {
    const current = this.#display;
    this.#display = null;
    if (current) {
      // 'closed' may not follow destroy() at once; the blocker must not outlive the window.
      if (this.#deps.electron.powerSaveBlocker.isStarted(current.powerBlocker)) {
        this.#deps.electron.powerSaveBlocker.stop(current.powerBlocker);
      }
      if (!current.window.isDestroyed()) {
        current.window.destroy();
      }
    }
  }

  #tell(problem: 'crashed' | 'load-failed', detail: string): void {
    const { electron, logger, settings, logFile } = this.#deps;
    let texts = HOST_TEXTS.en;
    try {
      texts = HOST_TEXTS[settings.get().locale];
    } catch {
      // Settings unreadable: English it is; the log says why.
    }
    electron.dialog
      .showMessageBox({
        type: 'warning',
        title: texts.pageLostTitle,
        message: problem === 'crashed' ? texts.pageCrashed : texts.pageLoadFailed,
        detail: texts.pageLostDetail(detail, logFile ?? '-'),
        buttons: [texts.ok],
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not show the page-lost message');
      });
  }
}
