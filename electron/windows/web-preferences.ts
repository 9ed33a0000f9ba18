import type { WebPreferences } from 'electron';

/**
 * The one set of web preferences every Kassa window uses; only the preload differs. DevTools exist only in an
 * unpackaged (developer) run: on a till they would hand anyone at the keyboard the page's `window.kassa`.
 */
export function lockedDownPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
    // The till keeps running timers (payment polling UI) while the window is behind the display window.
    backgroundThrottling: false,
  };
}
