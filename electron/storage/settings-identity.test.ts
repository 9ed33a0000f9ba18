/**
 * Issue #13 finding 3: a damaged setting must never turn a production till into a sandbox till. Repair keeps
 * its field-by-field defaults for everything else, but a damaged, unknown or missing profile or country, or any
 * damaged provider setting, refuses to start with a message naming the file and the field.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { runCli, type CliIo } from '../hosts/cli';
import { createCapturingLogger } from '../log/logger';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { openNodeSettingsStore } from './settings';
import { SettingsDamagedError } from './settings-store';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

/** A production till's settings file with one change applied. */
function writeProductionFile(dir: string, change: (settings: Record<string, unknown>) => void): string {
  const settings = { ...defaultSettings(), profile: 'production' } as unknown as Record<string, unknown>;
  change(settings);
  const path = join(dir, 'settings.json');
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

function openIn(dir: string): unknown {
  try {
    return openNodeSettingsStore(dir, createCapturingLogger().logger).get();
  } catch (error) {
    return error;
  }
}

describe('settings identity is never repaired', () => {
  it('an unknown profile refuses to start, naming the file and the field — never sandbox', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const path = writeProductionFile(t.dir, (s) => {
      s.profile = 'prod';
    });
    const result = openIn(t.dir);
    expect(result).toBeInstanceOf(SettingsDamagedError);
    const error = result as SettingsDamagedError;
    expect(error.field).toBe('profile');
    expect(error.message).toContain(path);
    expect(error.message).toContain('"prod"');
  });

  it.each([
    ['country', (s: Record<string, unknown>) => (s.country = 'XX')],
    [
      'providers.pocket.baseUrl',
      (s: Record<string, unknown>) => {
        setProvider(s, 'pocket', 'baseUrl', 'ftp://x');
      },
    ],
    [
      'providers.socialpay.terminal',
      (s: Record<string, unknown>) => {
        setProvider(s, 'socialpay', 'terminal', '12');
      },
    ],
    [
      'providers.ebarimt.merchantTn',
      (s: Record<string, unknown>) => {
        setProvider(s, 'ebarimt', 'merchantTn', '1');
      },
    ],
    ['providers', (s: Record<string, unknown>) => (s.providers = 'none')],
  ])('a damaged %s refuses to start', (field, change) => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeProductionFile(t.dir, change);
    const result = openIn(t.dir);
    expect(result).toBeInstanceOf(SettingsDamagedError);
    expect((result as SettingsDamagedError).field).toBe(field);
  });

  it('a settings file without a profile refuses to start (it would default to sandbox)', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeProductionFile(t.dir, (s) => {
      delete s.profile;
    });
    expect(openIn(t.dir)).toMatchObject({ name: 'SettingsDamagedError', field: 'profile' });
  });

  it('other fields keep the field-by-field repair with a log line; the profile stays production', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    writeProductionFile(t.dir, (s) => {
      s.locale = 'fr';
      s.store = { name: 42 };
    });
    const { logger, lines } = createCapturingLogger();
    const settings = openNodeSettingsStore(t.dir, logger).get();
    expect(settings.profile).toBe('production');
    expect(settings.locale).toBe('mn');
    expect(settings.store.name).toBe('Kassa demo store');
    expect(lines.join('\n')).toMatch(/locale[\s\S]*reset to its default/);
  });

  it('a fresh till (no file) still starts from the defaults', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    expect(openIn(t.dir)).toEqual(defaultSettings());
  });

  it('the CLI refuses to start with the file and the field, exit 1', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const path = writeProductionFile(t.dir, (s) => {
      s.profile = 'prod';
    });
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => err.push(text),
      readStdin: () => Promise.resolve(''),
      env: { KASSA_VAULT_KEY: 'e'.repeat(64) },
    };
    expect(await runCli(['--data-dir', t.dir, 'doctor'], io)).toBe(1);
    expect(err.join('')).toContain(path);
    expect(err.join('')).toContain('"profile"');
  });
});

function setProvider(settings: Record<string, unknown>, provider: string, key: string, value: unknown): void {
  const providers = settings.providers as Record<string, Record<string, unknown>>;
  const section = providers[provider];
  if (section) {
    section[key] = value;
  }
}
