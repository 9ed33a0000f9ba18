/**
 * The Node settings backing (browser host, CLI): `conf`, the engine under electron-store, so both hosts read
 * and write the same settings.json in the data directory.
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
