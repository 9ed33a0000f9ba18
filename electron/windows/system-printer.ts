/**
 * The operating system's printers for the core (SystemPrinters, devices/printer/driver.ts; docs/printing.md,
 * "System printers"), through Electron's `webContents`:
 *
 * - **list**: `getPrintersAsync()` of a hidden, never-loaded window made for the call and destroyed after it.
 *   Not the cashier window's web contents: the core is built before the windows exist (electron-host.ts), the
 *   cashier page may be reloading after a crash (window-recovery.ts) just when the settings screen asks, and the
 *   list is a browser-process call that needs no page. Electron 45's PrinterInfo no longer says which printer is
 *   the system default (`isDefault` was removed upstream), so every entry reports `isDefault: false`.
 * - **print**: the print lines become a self-contained page (print-html.ts) loaded as a `data:` URL into a hidden
 *   window — sandboxed, no preload, JavaScript off — then `webContents.print({ silent: true, deviceName })` on a
 *   page the size of the receipt. A `data:` URL loaded by main is not a navigation the guards see (they block
 *   page-initiated ones, guards.ts) and needs no app:// route, which would put a page holding eBarimt qrData behind
 *   a URL any window of the app could fetch. The page lives in memory only.
 *
 * One print at a time (a second waits), each in a window of its own that is destroyed whatever happened. A load
 * or a print that never finishes is given up after its timeout. Every failure is `device.unavailable` with
 * `reason: 'unreachable'`, which the SystemPrinterDriver retries with back-off. Logs name the printer and the
 * job's title, never the page.
 */
import type { SystemPrintDocument, SystemPrinters } from '../devices/printer/driver';
import { receiptHtml } from '../devices/printer/system/print-html';
import { KassaError } from '../kernel/errors';
import type { Scheduler } from '../kernel/scheduler';
import { SerialQueue } from '../kernel/serial-queue';
import type { Logger } from '../log/logger';
import type { BrowserWindowConstructorOptions, ElectronApi, WindowApi } from './electron-api';

export const PRINT_LOAD_TIMEOUT_MS = 10_000;
/** The spooler answers within seconds; a driver that shows a dialog despite `silent` never does. */
export const PRINT_TIMEOUT_MS = 60_000;
export const LIST_TIMEOUT_MS = 10_000;

export interface ElectronSystemPrintersOptions {
  scheduler: Scheduler;
  logger?: Pick<Logger, 'info' | 'warn'>;
  loadTimeoutMs?: number;
  printTimeoutMs?: number;
  listTimeoutMs?: number;
}

/** A window nobody sees, with nothing a page could use: no preload, no JavaScript, no DevTools. */
export const HIDDEN_PRINT_WINDOW: BrowserWindowConstructorOptions = {
  show: false,
  width: 400,
  height: 600,
  skipTaskbar: true,
  focusable: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    javascript: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
  },
};

function unreachable(message: string, cause?: unknown): KassaError {
  return new KassaError('device.unavailable', message, { params: { reason: 'unreachable' }, cause });
}

/** `work`, or a rejection once `ms` passed without an answer. */
function within<T>(scheduler: Scheduler, ms: number, what: string, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = scheduler.schedule(ms, () => {
      reject(unreachable(`${what}: no answer in ${String(ms)} ms`));
    });
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error instanceof KassaError ? error : unreachable(`${what} failed`, error));
      },
    );
  });
}

export function createElectronSystemPrinters(
  electron: Pick<ElectronApi, 'BrowserWindow'>,
  options: ElectronSystemPrintersOptions,
): SystemPrinters {
  const { scheduler, logger } = options;
  const loadTimeoutMs = options.loadTimeoutMs ?? PRINT_LOAD_TIMEOUT_MS;
  const printTimeoutMs = options.printTimeoutMs ?? PRINT_TIMEOUT_MS;
  const listTimeoutMs = options.listTimeoutMs ?? LIST_TIMEOUT_MS;
  const printing = new SerialQueue();

  /** Runs `use` with a fresh hidden window, destroyed afterwards whatever `use` did. */
  async function withHiddenWindow<T>(use: (window: WindowApi) => Promise<T>): Promise<T> {
    const window = new electron.BrowserWindow(HIDDEN_PRINT_WINDOW);
    try {
      return await use(window);
    } finally {
      if (!window.isDestroyed()) {
        window.destroy();
      }
    }
  }

  async function printOnce(deviceName: string, document: SystemPrintDocument): Promise<void> {
    const page = await receiptHtml(document.lines, {
      paperWidth: document.paperWidth,
      title: document.title,
    });
    await withHiddenWindow(async (window) => {
      const contents = window.webContents;
      const url = `data:text/html;charset=utf-8,${encodeURIComponent(page.html)}`;
      await within(
        scheduler,
        loadTimeoutMs,
        `loading the page of '${document.title}'`,
        contents.loadURL(url),
      );
      const spooled = new Promise<void>((resolve, reject) => {
        contents.print(
          {
            silent: true,
            deviceName,
            printBackground: false,
            color: false,
            margins: { marginType: 'none' },
            // Microns; Electron refuses a side under 353.
            pageSize: {
              width: Math.round(page.widthMm * 1000),
              height: Math.max(353, Math.round(page.heightMm * 1000)),
            },
          },
          (success, failureReason) => {
            if (success) {
              resolve();
            } else {
              reject(unreachable(`${deviceName} did not take '${document.title}': ${failureReason}`));
            }
          },
        );
      });
      await within(scheduler, printTimeoutMs, `printing '${document.title}' on ${deviceName}`, spooled);
    });
  }

  return {
    list: () =>
      withHiddenWindow(async (window) => {
        const printers = await within(
          scheduler,
          listTimeoutMs,
          'listing the system printers',
          window.webContents.getPrintersAsync(),
        );
        return printers.map((printer) => ({ name: printer.name, isDefault: false }));
      }),
    print: (deviceName, document) =>
      printing.run(async () => {
        try {
          await printOnce(deviceName, document);
          logger?.info({ printer: deviceName, title: document.title }, 'system printer took the job');
        } catch (error) {
          logger?.warn(
            {
              printer: deviceName,
              title: document.title,
              reason: error instanceof Error ? error.message : 'error',
            },
            'system printer did not take the job',
          );
          throw error instanceof KassaError ? error : unreachable(`printing on ${deviceName} failed`, error);
        }
      }),
  };
}
