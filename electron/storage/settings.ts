/**
 * The settings backing of every host: `conf`, the engine under electron-store. The Electron host uses it too
 * rather than electron-store, which adds nothing main needs and registers an `ipcMain.on('electron-store-get-data')`
 * listener that answers any renderer, unchecked (docs/architecture.md §5).
 */
import Conf from 'conf';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../log/logger';
import { createSettingsStore } from './settings-store';
import type { SettingsStore } from './types';

export const SETTINGS_FILE_NAME = 'settings';

export function openNodeSettingsStore(dataDir: string, logger: Logger): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    // A broken file is repaired by the store, never silently wiped by conf.
    clearInvalidConfig: false,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
  return createSettingsStore(
    {
      path: conf.path,
      read: () => conf.store,
      write: (value: Settings) => {
        conf.store = value;
      },
    },
    logger,
  );
}
