/**
 * Storage seams of the core. Settings are `conf` in every host; the vault has an Electron implementation
 * (safeStorage, electron-vault.ts, the only storage file that names electron) and a Node one (AES-256-GCM)
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

/** A stored secret and the origin it was entered for (null: stored before Kassa recorded origins). */
export interface BoundSecret {
  value: string;
  origin: string | null;
}

export interface SecretVault {
  status(): VaultStatus;
  /**
   * Store a secret bound to `origin`, the only origin it may be sent to (docs/architecture.md
   * §7.1). The origin is sealed with the ciphertext: editing it in the file breaks the value.
   */
  set(name: SecretName, value: string, origin: string): void;
  clear(name: SecretName): void;
  /** For the main process only (provider clients). Throws KassaError('secret.missing') when unset. */
  get(name: SecretName): BoundSecret;
}
