/**
 * The Settings screen as each role meets it: a cashier gets the manager sign-in and no settings at all; the
 * wrong PIN is worded from its code in the cashier's language; a manager gets every provider field of the
 * store's country — including the SocialPay terminal the provider errors point at.
 */
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../shared/channels/session';
import { SECRET_NAMES, type VaultStatus } from '../../../shared/secrets';
import { defaultSettings, type CashierLocale } from '../../../shared/settings';
import { PROVIDER_FIELDS } from '../../../shared/settings/provider-fields';
import { createCashierI18n } from '../i18n';
import { useSessionStore } from '../stores/session';
import { useSettingsStore } from '../stores/settings';
import { installFakeKassa } from '../testing/fake-kassa';
import { providerFieldId } from './ProviderSettings';
import { SettingsScreen } from './SettingsScreen';
import { typeInto } from '../testing/type-into';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CASHIER: SessionView = {
  role: 'cashier',
  manager: null,
  expiresAt: null,
  managersExist: true,
  canCreateFirstManager: false,
};
const MANAGER: SessionView = {
  ...CASHIER,
  role: 'manager',
  manager: { name: 'Oyuna' },
  expiresAt: Date.now() + 300_000,
};
const VAULT: VaultStatus = {
  backend: 'aes-256-gcm-env-key',
  warning: null,
  locked: false,
  secrets: SECRET_NAMES.map((name) => ({ name, set: false, updatedAt: null, origin: null })),
};

let container: HTMLDivElement;
let root: Root;

async function render(locale: CashierLocale): Promise<void> {
  await act(async () => {
    root.render(
      <I18nextProvider i18n={createCashierI18n(locale)}>
        <SettingsScreen />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
}

function byTestId(id: string): HTMLElement | null {
  return container.querySelector(`[data-testid="${id}"]`);
}

beforeEach(() => {
  ({ container, root } = mountTestRoot());
  const settings = defaultSettings();
  useSettingsStore.setState({ saved: settings, draft: settings, fieldErrors: {}, clearedSecrets: [] });
});
afterEach(() => {
  unmountTestRoot(root, container);
});

describe('Settings and roles', () => {
  it('a cashier sees the manager sign-in and none of the settings', async () => {
    installFakeKassa({ 'session:status': () => ({ ok: true, value: CASHIER }) });
    useSessionStore.setState({ view: CASHIER, lastError: null, busy: false });
    await render('en');
    expect(byTestId('manager-sign-in')).not.toBeNull();
    expect(byTestId('manager-sign-in-reason')?.textContent).toBe('Only a manager can change settings.');
    expect(byTestId('settings-save')).toBeNull();
    expect(byTestId('provider-settings')).toBeNull();
  });

  it('a wrong PIN is worded in Mongolian from its code, with the tries left', async () => {
    const { calls } = installFakeKassa({
      'session:status': () => ({ ok: true, value: CASHIER }),
      'session:sign-in': () => ({
        ok: false,
        error: {
          code: 'session.wrong-code',
          message: 'That PIN or badge belongs to no manager (3 more tries before sign-in locks).',
          params: { attemptsLeft: 3 },
        },
      }),
    });
    useSessionStore.setState({ view: CASHIER, lastError: null, busy: false });
    await render('mn');
    const input = byTestId('manager-code') as HTMLInputElement;
    await act(async () => {
      typeInto(input, '0000');
      await Promise.resolve();
    });
    await act(async () => {
      (byTestId('manager-sign-in-submit') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(calls.filter((c) => c.channel === 'session:sign-in')).toEqual([
      { channel: 'session:sign-in', input: { code: '0000' } },
    ]);
    const error = byTestId('manager-sign-in-error')?.textContent ?? '';
    expect(error).toContain('3');
    expect(error).toMatch(/[\u0400-\u04ff]/);
    expect(error).not.toContain('belongs to no manager');
    expect(input.value).toBe('');
  });

  it('a manager gets every field of the country’s providers, the SocialPay terminal among them', async () => {
    installFakeKassa({
      'secrets:status': () => ({ ok: true, value: VAULT }),
      'session:status': () => ({ ok: true, value: MANAGER }),
    });
    useSessionStore.setState({ view: MANAGER, lastError: null, busy: false });
    await render('en');
    expect(byTestId('settings-save')).not.toBeNull();
    for (const provider of ['socialpay', 'pocket', 'ebarimt'] as const) {
      for (const field of PROVIDER_FIELDS[provider]) {
        expect(byTestId(providerFieldId(provider, field.key)), `${provider}.${field.key}`).not.toBeNull();
      }
    }
    const terminal = container.querySelector(`label[for="${providerFieldId('socialpay', 'terminal')}"]`);
    expect(terminal?.textContent).toBe('Terminal number');
    expect(byTestId('go-live')).not.toBeNull();
    expect(byTestId('settings-profile')?.tagName).not.toBe('SELECT');
  });
});
