/**
 * The customer display window: fullscreen on the chosen secondary screen, or a normal window beside the
 * cashier window when there is none. Never focusable, so a keyboard-wedge scan or a keystroke can never land
 * on the customer's screen, and it gets its own preload that can only say "ready" and receive updates.
 */
import { BrowserWindow, screen } from 'electron';
import { placeDisplayWindow, type DisplayPlacement } from './placement';
import { pageUrl } from './renderer-path';
import { lockedDownPreferences } from './web-preferences';

export function currentPlacement(target: 'auto' | number, cashier: BrowserWindow): DisplayPlacement {
  const primary = screen.getPrimaryDisplay();
  return placeDisplayWindow({
    target,
    screens: screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea })),
    primaryId: primary.id,
    cashier: cashier.getBounds(),
  });
}

export function applyPlacement(window: BrowserWindow, placement: DisplayPlacement): void {
  if (placement.kind === 'fullscreen') {
    // There is no "fullscreen on display N" option (electron/electron#30249): move onto it, then go fullscreen.
    window.setFullScreen(false);
    window.setBounds(placement.bounds);
    window.setFullScreen(true);
  } else {
    window.setFullScreen(false);
    window.setBounds(placement.bounds);
  }
}

export function createDisplayWindow(options: {
  preload: string;
  title: string;
  placement: DisplayPlacement;
}): BrowserWindow {
  const { placement } = options;
  const window = new BrowserWindow({
    title: options.title,
    ...placement.bounds,
    show: false,
    focusable: false,
    skipTaskbar: true,
    frame: placement.kind === 'beside',
    fullscreenable: true,
    autoHideMenuBar: true,
    backgroundColor: '#0f2a3d',
    webPreferences: lockedDownPreferences(options.preload),
  });
  window.once('ready-to-show', () => {
    applyPlacement(window, placement);
    // showInactive: showing must not steal focus from the cashier window.
    window.showInactive();
  });
  void window.loadURL(pageUrl('display'));
  return window;
}
