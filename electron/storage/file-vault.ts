/**
 * The secret vault over a cipher: AES-256-GCM in the browser host and CLI (vault.ts), Electron's safeStorage
 * in the app (electron-vault.ts). One file, `vault.json`, owner-only, written atomically:
 *   { version, backend, keyCheck, entries: { <name>: { ct, updatedAt } } }
 * `keyCheck` is a known value encrypted with the current key: if it does not decrypt, the key changed (or the
 * OS keyring backend changed) and the vault is locked — nothing is read, written or wiped until the operator
 * restores the key or resets the vault on purpose.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SECRET_NAMES, type SecretName, type VaultStatus } from '../../shared/secrets';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { Redactor } from '../log/redact';
import { writeFileAtomic } from './atomic-file';
import type { SecretVault } from './types';

export const VAULT_FILE_NAME = 'vault.json';
const KEY_CHECK_PLAINTEXT = 'kassa-vault-key-check-v1';

export interface VaultCipher {
  readonly backend: VaultStatus['backend'];
  /** Why this cipher cannot be used at all (no OS encryption, basic_text backend), or null. */
  readonly unavailableReason: string | null;
  /** Shown to the operator even when usable (e.g. key file beside the data). */
  readonly warning: string | null;
  encrypt(plain: string, associated: string): string;
  /** Throws when the ciphertext does not authenticate under this key. */
  decrypt(cipherText: string, associated: string): string;
}

const VaultFileSchema = z.object({
  version: z.literal(1),
  backend: z.string(),
  keyCheck: z.string(),
  entries: z.record(z.string(), z.object({ ct: z.string(), updatedAt: z.string() })),
});
type VaultFile = z.infer<typeof VaultFileSchema>;

/** The vault file, or what is wrong with it (never throws: a damaged file locks the vault, it does not stop the till). */
function readVaultFile(path: string): { ok: true; file: VaultFile } | { ok: false; problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      problem: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    return {
      ok: false,
      problem: text.trim() === '' ? 'empty' : 'not valid JSON — cut short by a crash or a full disk?',
    };
  }
  const parsed = VaultFileSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, problem: 'not a Kassa vault file' };
}

export function openFileVault(options: {
  dataDir: string;
  cipher: VaultCipher;
  clock: Clock;
  redactor: Redactor;
}): SecretVault {
  const { cipher, clock, redactor } = options;
  const path = join(options.dataDir, VAULT_FILE_NAME);
  let file: VaultFile | undefined;
  let lockReason: string | null = cipher.unavailableReason;

  if (existsSync(path)) {
    const parsed = readVaultFile(path);
    if (!parsed.ok) {
      lockReason = `The secret vault file ${path} is damaged (${parsed.problem}). It was left untouched; restore it from a backup or move it away and set the secrets again.`;
    } else {
      file = parsed.file;
      if (lockReason === null) {
        try {
          if (cipher.decrypt(file.keyCheck, 'keyCheck') !== KEY_CHECK_PLAINTEXT) {
            throw new Error('key check mismatch');
          }
        } catch {
          lockReason =
            file.backend === cipher.backend
              ? 'The vault key does not match the stored secrets (KASSA_VAULT_KEY or the vault.key file changed). Nothing was changed: restore the original key, or move vault.json away and set the secrets again.'
              : `The secrets were stored with ${file.backend} but this host uses ${cipher.backend}. Nothing was changed: open them with the same host, or set the secrets again here after moving vault.json away.`;
        }
      }
    }
  }

  const persist = (next: VaultFile): void => {
    writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
    file = next;
  };

  const requireUnlocked = (): void => {
    if (lockReason !== null) {
      throw new KassaError(
        cipher.unavailableReason === null ? 'vault.locked' : 'secret.unavailable',
        lockReason,
      );
    }
  };

  return {
    status() {
      return {
        backend: cipher.backend,
        warning: lockReason ?? cipher.warning,
        locked: lockReason !== null,
        secrets: SECRET_NAMES.map((name) => {
          const entry = file?.entries[name];
          return { name, set: entry !== undefined, updatedAt: entry?.updatedAt ?? null };
        }),
      };
    },
    set(name, value) {
      requireUnlocked();
      redactor.addValue(value);
      const base: VaultFile = file ?? {
        version: 1,
        backend: cipher.backend,
        keyCheck: cipher.encrypt(KEY_CHECK_PLAINTEXT, 'keyCheck'),
        entries: {},
      };
      persist({
        ...base,
        entries: {
          ...base.entries,
          [name]: { ct: cipher.encrypt(value, name), updatedAt: new Date(clock.now()).toISOString() },
        },
      });
    },
    clear(name) {
      requireUnlocked();
      if (!file?.entries[name]) {
        return;
      }
      const { [name]: _removed, ...rest } = file.entries;
      persist({ ...file, entries: rest });
    },
    get(name: SecretName) {
      requireUnlocked();
      const entry = file?.entries[name];
      if (!entry) {
        throw new KassaError(
          'secret.missing',
          `The secret ${name} is not set. Set it in Settings or with \`kassa secrets set ${name}\`.`,
        );
      }
      const value = cipher.decrypt(entry.ct, name);
      redactor.addValue(value);
      return value;
    },
  };
}
