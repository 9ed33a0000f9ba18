import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings';
import { installFakeKassa } from '../testing/fake-kassa';
import { useSettingsStore } from './settings';

describe('settings store', () => {
  beforeEach(() => {
    useSettingsStore.setState({
      saved: null,
      draft: null,
      uiLocale: 'mn',
      status: 'idle',
      fieldErrors: {},
      lastError: null,
      justSaved: false,
    });
  });

  it('keeps the error and per-field issues of a validation envelope, and changes nothing saved', async () => {
    const settings = defaultSettings();
    installFakeKassa({
      'settings:get': () => ({ ok: true, value: settings }),
      'settings:set': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'These settings are not valid; nothing was saved.',
          issues: [
            { path: 'settings.providers.pocket.baseUrl', message: 'must be an absolute http(s) URL' },
            { path: 'settings.store.name', message: 'Too small' },
          ],
        },
      }),
    });
    const store = useSettingsStore.getState();
    await store.load();
    store.edit(['providers', 'pocket', 'baseUrl'], 'not a url');
    store.edit(['store', 'name'], '');

    const ok = await useSettingsStore.getState().save();

    const state = useSettingsStore.getState();
    expect(ok).toBe(false);
    expect(state.status).toBe('idle');
    expect(state.lastError).toEqual({
      code: 'validation',
      message: 'These settings are not valid; nothing was saved.',
    });
    expect(state.fieldErrors).toEqual({
      'providers.pocket.baseUrl': 'must be an absolute http(s) URL',
      'store.name': 'Too small',
    });
    expect(state.saved).toEqual(settings);
    expect(state.draft?.providers.pocket.baseUrl).toBe('not a url');
    expect(state.justSaved).toBe(false);
  });

  it('turns a missing bridge into an error instead of throwing', async () => {
    installFakeKassa({
      'settings:get': () => {
        throw new Error('This page was opened without its access token.');
      },
    });
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().lastError).toEqual({
      code: 'internal',
      message: 'This page was opened without its access token.',
    });
  });

  it('editing a field clears that field’s error only', async () => {
    installFakeKassa({ 'settings:get': () => ({ ok: true, value: defaultSettings() }) });
    await useSettingsStore.getState().load();
    useSettingsStore.setState({ fieldErrors: { 'store.name': 'Too small', locale: 'bad' } });
    useSettingsStore.getState().edit(['store', 'name'], 'Shop');
    expect(useSettingsStore.getState().fieldErrors).toEqual({ locale: 'bad' });
    expect(useSettingsStore.getState().draft?.store.name).toBe('Shop');
  });
});
