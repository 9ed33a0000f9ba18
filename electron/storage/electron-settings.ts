/**
 * The Electron settings backing: electron-store over the same `settings.json` in the data directory that the
 * browser host and CLI read through `conf` (settings.ts), with the same options, so switching hosts keeps
 * the till's settings. Validation and repair are shared (settings-store.ts).
 */
import Store from 'electron-store';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../log/logger';
import { SETTINGS_FILE_NAME } from './settings';
import { createSettingsStore } from './settings-store';
import type { SettingsStore } from './types';

export function openElectronSettingsStore(dataDir: string, logger: Logger): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: SETTINGS_FILE_NAME,
    // A broken file is repaired by the store, never silently wiped.
    clearInvalidConfig: false,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
  return createSettingsStore(
    {
      path: store.path,
      read: () => store.store,
      write: (value: Settings) => {
        store.store = value;
      },
    },
    logger,
  );
}
