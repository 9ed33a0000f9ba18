/**
 * The customer display window: fullscreen on the customer's screen, or a normal framed window beside the cashier
 * window when there is none (placement.ts). It gets its own preload that can only say "ready" and receive updates.
 *
 * Focus: the window stays focusable, because on Linux `focusable: false` takes it out of window-manager control
 * (it floats on top of every workspace and over the cashier window). It is shown inactive, and whenever it gets
 * focus anyway (a click, a window manager's choice) focus goes straight back to the cashier window, so a
 * keyboard-wedge scan or a keystroke never lands on the customer's screen.
 *
 * A frame cannot be added to or taken off a live window, so a change between fullscreen (frameless) and beside
 * (framed) builds a new window (kassa-app.ts); within one kind only the bounds move.
 */
import type { ElectronApi, WindowApi } from './electron-api';
import type { DisplayPlacement } from './placement';
import { pageUrl } from './renderer-path';
import { lockedDownPreferences } from './web-preferences';

export function applyPlacement(window: WindowApi, placement: DisplayPlacement): void {
  if (placement.kind === 'fullscreen') {
    // There is no "fullscreen on display N" option (electron/electron#30249): move onto it, then go fullscreen.
    if (window.isFullScreen()) {
      window.setFullScreen(false);
    }
    window.setBounds(placement.bounds);
    window.setFullScreen(true);
  } else {
    if (window.isFullScreen()) {
      window.setFullScreen(false);
    }
    window.setBounds(placement.bounds);
  }
}

export function createDisplayWindow(
  electron: Pick<ElectronApi, 'BrowserWindow'>,
  options: {
    preload: string;
    title: string;
    placement: DisplayPlacement;
    devTools: boolean;
    /** Called when the window takes focus: the owner hands it back to the cashier window. */
    onFocus: () => void;
  },
): WindowApi {
  const { placement } = options;
  const window = new electron.BrowserWindow({
    title: options.title,
    ...placement.bounds,
    show: false,
    skipTaskbar: true,
    frame: placement.kind === 'beside',
    fullscreenable: true,
    autoHideMenuBar: true,
    backgroundColor: '#0f2a3d',
    webPreferences: lockedDownPreferences(options.preload, options.devTools),
  });
  window.on('focus', options.onFocus);
  window.once('ready-to-show', () => {
    applyPlacement(window, placement);
    // showInactive: showing must not steal focus from the cashier window.
    window.showInactive();
  });
  return window;
}

/** The page the display window shows (and reloads after a crash). */
export const DISPLAY_URL = pageUrl('display');
