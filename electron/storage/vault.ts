/**
 * The Node vault (browser host, CLI): AES-256-GCM with a random 96-bit IV per value and the secret's name as
 * associated data (a ciphertext cannot be moved to another name). The key comes from KASSA_VAULT_KEY
 * (64 hex characters or base64 of 32 bytes) or from a 0600 `vault.key` file created beside the data, with a
 * visible warning, since that key is only as safe as the folder.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { Redactor } from '../log/redact';
import { writeFileAtomic } from './atomic-file';
import { openFileVault, type VaultCipher } from './file-vault';
import type { SecretVault } from './types';

export const VAULT_KEY_FILE = 'vault.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export function parseVaultKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new KassaError(
      'secret.unavailable',
      'KASSA_VAULT_KEY must be 32 bytes: 64 hex characters or base64. The vault was not opened.',
    );
  }
  return key;
}

export function aesGcmCipher(
  key: Buffer,
  backend: 'aes-256-gcm-env-key' | 'aes-256-gcm-key-file',
  warning: string | null,
): VaultCipher {
  return {
    backend,
    unavailableReason: null,
    warning,
    encrypt(plain, associated) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(associated, 'utf8'));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
    },
    decrypt(cipherText, associated) {
      const raw = Buffer.from(cipherText, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(associated, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + 16));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + 16)), decipher.final()]).toString('utf8');
    },
  };
}

function keyFromFile(dataDir: string): Buffer {
  const path = join(dataDir, VAULT_KEY_FILE);
  if (!existsSync(path)) {
    writeFileAtomic(path, randomBytes(KEY_BYTES).toString('hex'), 0o600);
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    // Tighten a key file someone made readable by others rather than refuse to start the till.
    chmodSync(path, 0o600);
  }
  return parseVaultKey(readFileSync(path, 'utf8'));
}

export function openNodeVault(options: {
  dataDir: string;
  clock: Clock;
  redactor: Redactor;
  env?: NodeJS.ProcessEnv;
}): SecretVault {
  const env = options.env ?? process.env;
  const envKey = env.KASSA_VAULT_KEY;
  const cipher =
    envKey !== undefined && envKey !== ''
      ? aesGcmCipher(
          parseVaultKey(envKey),
          'aes-256-gcm-env-key',
          'Secrets are encrypted with KASSA_VAULT_KEY, not the operating system keychain. Keep that key out of shell history.',
        )
      : aesGcmCipher(
          keyFromFile(options.dataDir),
          'aes-256-gcm-key-file',
          `Secrets are encrypted with a key file (${VAULT_KEY_FILE}) in the same folder. Anyone who can read that folder can read them: set KASSA_VAULT_KEY, or use the desktop app with the system keychain.`,
        );
  return openFileVault({
    dataDir: options.dataDir,
    cipher,
    clock: options.clock,
    redactor: options.redactor,
  });
}
