/**
 * Settings over a JSON-file backing: `conf` (settings.ts) in every host, so all of them read and write the same
 * `settings.json` atomically.
 *
 * A file that no longer matches the schema is repaired field by field to defaults (and each repair is logged),
 * so one bad hand edit of, say, the display language never stops a till from starting — except where a default
 * would change what the till *is*: the profile (a damaged production till must not come up as a sandbox with
 * simulated banks and fake tax receipts), the country, and any provider setting (where money and receipts go).
 * A damaged, unknown or missing value there refuses to start with a message naming the file and the field
 * (docs/architecture.md §5).
 */
import { defaultSettings, SettingsSchema, type Settings } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import { issuesOf } from '../kernel/zod-issues';
import type { Logger } from '../log/logger';
import type { SettingsStore } from './types';

/** Where a default is never guessed: the profile, the country and everything under `providers`. */
const IDENTITY_ROOTS: readonly string[] = ['profile', 'country', 'providers'];

function isIdentityPath(path: readonly PropertyKey[]): boolean {
  return path.length > 0 && IDENTITY_ROOTS.includes(String(path[0]));
}

/** The till refuses to start: a settings file damaged where no default may be guessed. */
export class SettingsDamagedError extends Error {
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, problem: string) {
    super(
      `Kassa did not start: ${file} is damaged at "${field}" (${problem}). Kassa never guesses the profile, the country or a provider setting — fix that field (or restore the file from a backup) and start again.`,
    );
    this.name = 'SettingsDamagedError';
    this.file = file;
    this.field = field;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function shown(value: unknown): string {
  const text = value === undefined ? 'missing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Throws SettingsDamagedError when the stored settings are damaged where they may not be repaired. */
export function refuseDamagedIdentity(raw: unknown, file: string): void {
  if (raw === null || typeof raw !== 'object' || Object.keys(raw).length === 0) {
    return; // No settings yet: a fresh till starts from the defaults.
  }
  for (const key of ['profile', 'country']) {
    if (!(key in raw)) {
      throw new SettingsDamagedError(file, key, 'missing');
    }
  }
  const result = SettingsSchema.safeParse(raw);
  if (result.success) {
    return;
  }
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    const paths = keys ? keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      if (isIdentityPath(path)) {
        const field = path.map(String).join('.');
        throw new SettingsDamagedError(
          file,
          field,
          keys ? 'a field Kassa does not know' : `${shown(valueAt(raw, path))}: ${issue.message}`,
        );
      }
    }
  }
}

export interface SettingsBacking {
  read(): unknown;
  write(value: Settings): void;
  readonly path: string;
}

function deletePath(target: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') {
      return false;
    }
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  if (node === null || typeof node !== 'object' || last === undefined) {
    return false;
  }
  return Reflect.deleteProperty(node, last);
}

/** Parse what is on disk; drop each invalid field so its default applies. */
export function repairSettings(raw: unknown, logger: Logger): Settings {
  const candidate: unknown = raw === null || typeof raw !== 'object' ? {} : structuredClone(raw);
  for (let round = 0; round < 50; round += 1) {
    const result = SettingsSchema.safeParse(candidate);
    if (result.success) {
      return result.data;
    }
    let removed = false;
    for (const issue of result.error.issues) {
      // An unknown key is reported at its parent with `keys`; an invalid value at its own path.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
      if (keys) {
        for (const key of keys) {
          removed = deletePath(candidate, [...issue.path, key]) || removed;
        }
      } else {
        removed = deletePath(candidate, issue.path) || removed;
      }
      logger.warn(
        { path: issue.path.map(String).join('.'), problem: issue.message },
        'settings: invalid value reset to its default',
      );
    }
    if (!removed) {
      break;
    }
  }
  logger.warn('settings: the file could not be repaired; using defaults');
  return defaultSettings();
}

export function createSettingsStore(backing: SettingsBacking, logger: Logger): SettingsStore {
  const raw = backing.read();
  refuseDamagedIdentity(raw, backing.path);
  let current = repairSettings(raw, logger);
  return {
    path: backing.path,
    get: () => structuredClone(current),
    set(next) {
      const parsed = SettingsSchema.safeParse(next);
      if (!parsed.success) {
        throw new KassaError('validation', 'These settings are not valid; nothing was saved.', {
          issues: issuesOf(parsed.error),
        });
      }
      backing.write(parsed.data);
      current = parsed.data;
      return structuredClone(current);
    },
  };
}
