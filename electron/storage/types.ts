/**
 * Storage seams of the core. Each has an Electron implementation (electron-store / safeStorage, in
 * *.electron.ts files, the only storage files that may import electron) and a Node one (conf / AES-256-GCM)
 * for the browser host, the CLI and tests.
 */
import type { SecretName, VaultStatus } from '../../shared/secrets';
import type { Settings } from '../../shared/settings';

export interface SettingsStore {
  get(): Settings;
  /** Validates completely and writes atomically; throws KassaError('validation') and changes nothing on bad input. */
  set(next: Settings): Settings;
  /** Where the file lives (shown to support). */
  readonly path: string;
}

export interface SecretVault {
  status(): VaultStatus;
  set(name: SecretName, value: string): void;
  clear(name: SecretName): void;
  /** For the main process only (provider clients). Throws KassaError('secret.missing') when unset. */
  get(name: SecretName): string;
}
