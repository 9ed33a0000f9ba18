/**
 * The Electron vault: secrets encrypted by the operating system's keychain through `safeStorage`
 * (macOS Keychain, Windows DPAPI, Linux Secret Service / KWallet), stored as base64 ciphertext in the same
 * owner-only `vault.json` format as the Node vault (file-vault.ts).
 *
 * It fails closed: when encryption is unavailable, or Linux fell back to `basic_text` (a password hard-coded
 * in Chromium, i.e. no protection), nothing is stored and the operator is told what to do. Bank and tax
 * credentials must never silently degrade to plaintext.
 *
 * safeStorage has no associated data, so the secret's name is sealed inside the plaintext and checked on
 * decrypt: a ciphertext copied to another name does not open.
 *
 * Electron 45 deprecates the synchronous safeStorage calls in favour of *Async ones (which add key rotation
 * through `shouldReEncrypt`). The SecretVault seam is synchronous — `set` must be durable when it returns — so
 * this file stays on the synchronous calls, which still work and do not prompt on Linux/Windows. Moving to the
 * async API needs an async SecretVault, a change to the storage seam the core is built on.
 */
import type { SafeStorage } from 'electron';
import type { Clock } from '../kernel/clock';
import type { Redactor } from '../log/redact';
import { openFileVault, type VaultCipher } from './file-vault';
import type { SecretVault } from './types';

const NAME_SEPARATOR = '\n';

/** The part of Electron's safeStorage the vault uses (the host passes the real one, tests a fake). */
export type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

/** Why safeStorage cannot hold secrets here, or null. Call after `app` is ready. */
export function safeStorageUnavailableReason(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): string | null {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the vault seam is synchronous (see header)
  if (!safeStorage.isEncryptionAvailable()) {
    return platform === 'linux'
      ? 'The system keyring is not available, so secrets cannot be stored safely. Install and unlock a keyring (gnome-keyring or KWallet) for this user and restart Kassa, or run the browser host with KASSA_VAULT_KEY set.'
      : 'The operating system cannot encrypt secrets for Kassa right now. Sign in to this user account normally (not a guest or service session) and restart Kassa, or run the browser host with KASSA_VAULT_KEY set.';
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'No system keyring was found (Electron fell back to basic_text, which does not protect secrets), so Kassa refuses to store them. Install and unlock gnome-keyring or KWallet for this user and restart Kassa, or run the browser host with KASSA_VAULT_KEY set.';
  }
  return null;
}

export function safeStorageCipher(safeStorage: SafeStorageApi): VaultCipher {
  return {
    backend: 'safeStorage',
    unavailableReason: safeStorageUnavailableReason(safeStorage),
    warning: null,
    encrypt(plain, associated) {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the vault seam is synchronous (see header)
      return safeStorage.encryptString(`${associated}${NAME_SEPARATOR}${plain}`).toString('base64');
    },
    decrypt(cipherText, associated) {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the vault seam is synchronous (see header)
      const opened = safeStorage.decryptString(Buffer.from(cipherText, 'base64'));
      const prefix = `${associated}${NAME_SEPARATOR}`;
      if (!opened.startsWith(prefix)) {
        throw new Error('vault: ciphertext belongs to another name');
      }
      return opened.slice(prefix.length);
    },
  };
}

export function openElectronVault(options: {
  safeStorage: SafeStorageApi;
  dataDir: string;
  clock: Clock;
  redactor: Redactor;
}): SecretVault {
  const { safeStorage, ...rest } = options;
  return openFileVault({ ...rest, cipher: safeStorageCipher(safeStorage) });
}
