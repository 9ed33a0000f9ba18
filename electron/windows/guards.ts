/**
 * Deny-by-default guards for every web contents and session: no navigation away from the page, no redirects,
 * no new windows, no <webview>, no permission prompts. A cashier window that could be navigated to a hostile
 * page would expose the preload's API to it.
 */
import type { Logger } from '../log/logger';
import type { ContentsApi, ElectronApi, SessionApi } from './electron-api';

export function hardenSession(session: SessionApi, logger: Logger): void {
  // Electron grants every permission unless told otherwise; the till needs none in its pages.
  session.setPermissionRequestHandler((contents, permission, callback) => {
    logger.warn({ permission, url: contents.getURL() }, 'permission request denied');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenContents(contents: ContentsApi, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    logger.warn({ url }, 'navigation blocked');
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    logger.warn({ url }, 'redirect blocked');
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    logger.warn('webview blocked');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn({ url }, 'window.open blocked');
    return { action: 'deny' };
  });
}

/** Applies the guards to every web contents Electron creates, including any we did not create ourselves. */
export function hardenAllContents(app: ElectronApi['app'], logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, logger);
  });
}
