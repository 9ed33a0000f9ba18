/**
 * The application menu. Windows and Linux get none: without a menu there are no accelerators (Ctrl+R reload, F11,
 * DevTools) for a cashier to hit by accident, and every F-key is free for the till's shortcuts. macOS needs a
 * minimal one, because there copy, paste, select-all and undo in text inputs, and Cmd+Q, only work through menu
 * roles.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') {
    return null;
  }
  return [{ role: 'appMenu' }, { role: 'editMenu' }];
}
