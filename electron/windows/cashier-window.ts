/**
 * The cashier window: the till's main screen. Usable down to 1024×768, the smallest screen common on
 * POS terminals.
 */
import type { ElectronApi, WindowApi } from './electron-api';
import { pageUrl } from './renderer-path';
import { lockedDownPreferences } from './web-preferences';

export const CASHIER_URL = pageUrl('cashier');

export function createCashierWindow(
  electron: Pick<ElectronApi, 'BrowserWindow'>,
  options: { preload: string; title: string; devTools: boolean },
): WindowApi {
  const window = new electron.BrowserWindow({
    title: options.title,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    webPreferences: lockedDownPreferences(options.preload, options.devTools),
  });
  // Show once painted, so the cashier never sees a white flash (window-recovery.ts shows it anyway when the
  // page cannot load, so a failed load is never an invisible till).
  window.once('ready-to-show', () => {
    window.show();
  });
  return window;
}

/** Bring the cashier window to the front (second launch, focus handed back from the display). */
export function focusCashierWindow(window: WindowApi): void {
  if (window.isMinimized()) {
    window.restore();
  }
  window.show();
  window.focus();
}
