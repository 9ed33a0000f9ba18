/**
 * The cashier window: the till's main screen. Usable down to 1024×768, the smallest screen common on
 * POS terminals.
 */
import { BrowserWindow } from 'electron';
import { pageUrl } from './renderer-path';
import { lockedDownPreferences } from './web-preferences';

export function createCashierWindow(options: { preload: string; title: string }): BrowserWindow {
  const window = new BrowserWindow({
    title: options.title,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    webPreferences: lockedDownPreferences(options.preload),
  });
  // Show once painted, so the cashier never sees a white flash.
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(pageUrl('cashier'));
  return window;
}

/** Bring the cashier window to the front (second launch, tray, etc.). */
export function focusCashierWindow(window: BrowserWindow): void {
  if (window.isMinimized()) {
    window.restore();
  }
  window.show();
  window.focus();
}
