/**
 * Settings over a JSON-file backing: `conf` in the browser host and CLI (settings.ts), electron-store in the
 * Electron host (electron-settings.ts). Both write the same `settings.json` atomically.
 * A file that no longer matches the schema is repaired field by field to defaults (and the repair is logged),
 * so one bad hand edit never stops a till from starting.
 */
import { defaultSettings, SettingsSchema, type Settings } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import { issuesOf } from '../kernel/zod-issues';
import type { Logger } from '../log/logger';
import type { SettingsStore } from './types';

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
  let current = repairSettings(backing.read(), logger);
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
