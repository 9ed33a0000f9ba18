import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { KassaError } from '../kernel/errors';
import { createCapturingLogger } from '../log/logger';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { openNodeSettingsStore } from './settings';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

describe('Node settings store (conf)', () => {
  it('starts from defaults and persists a valid change', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const { logger } = createCapturingLogger();
    const store = openNodeSettingsStore(t.dir, logger);
    expect(store.get()).toEqual(defaultSettings());
    const next = {
      ...store.get(),
      country: 'GE' as const,
      store: { ...store.get().store, name: 'Tbilisi 1' },
    };
    store.set(next);
    expect(openNodeSettingsStore(t.dir, logger).get()).toMatchObject({
      country: 'GE',
      store: { name: 'Tbilisi 1' },
    });
    expect(store.path.endsWith('settings.json')).toBe(true);
  });

  it('bad input → validation error with the field, nothing written', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const { logger } = createCapturingLogger();
    const store = openNodeSettingsStore(t.dir, logger);
    store.set(store.get());
    const before = readFileSync(store.path, 'utf8');
    const bad = { ...store.get(), country: 'FR' } as unknown as ReturnType<typeof store.get>;
    let thrown: unknown;
    try {
      store.set(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KassaError);
    expect((thrown as KassaError).issues?.[0]?.path).toBe('country');
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('repairs a hand-edited file field by field, keeping the valid fields', () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const { logger, lines } = createCapturingLogger();
    const store = openNodeSettingsStore(t.dir, logger);
    writeFileSync(
      store.path,
      JSON.stringify({
        profile: 'staging',
        country: 'UZ',
        locale: 'fr',
        display: { locale: 'xx', enabled: false },
        junk: 1,
      }),
    );
    const repaired = openNodeSettingsStore(t.dir, logger).get();
    expect(repaired.profile).toBe('staging');
    expect(repaired.country).toBe('UZ');
    expect(repaired.locale).toBe('mn');
    expect(repaired.display).toMatchObject({ enabled: false, locale: 'mn' });
    expect(lines.join('\n')).toMatch(/reset to its default/);
  });
});
