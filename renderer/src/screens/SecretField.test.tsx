import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_NAMES, type VaultStatus } from '../../../shared/secrets';
import { createCashierI18n } from '../i18n';
import { useSecretsStore } from '../stores/secrets';
import { installFakeKassa } from '../testing/fake-kassa';
import { SecretField } from './SecretField';
import { typeInto } from '../testing/type-into';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

// React only batches act() updates when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NAME = 'pocket.clientSecret';
const VALUE = 'pocket-secret-value-42';

function vault(set: boolean): VaultStatus {
  return {
    backend: 'aes-256-gcm-env-key',
    warning: null,
    locked: false,
    secrets: SECRET_NAMES.map((name) => ({
      name,
      set: set && name === NAME,
      updatedAt: set && name === NAME ? '2026-11-23T09:00:00.000Z' : null,
      origin: set && name === NAME ? 'https://sso.invescore.mn' : null,
    })),
  };
}

let container: HTMLDivElement;
let root: Root;

function renderField(): void {
  const status = useSecretsStore.getState().status?.secrets.find((s) => s.name === NAME);
  act(() => {
    root.render(
      <I18nextProvider i18n={createCashierI18n('en')}>
        <SecretField name={NAME} status={status} locked={false} />
      </I18nextProvider>,
    );
  });
}

function byTestId(id: string): HTMLElement {
  const element = container.querySelector(`[data-testid="${id}"]`);
  if (!(element instanceof HTMLElement)) {
    throw new Error(`no element with data-testid=${id}`);
  }
  return element;
}

function inputByTestId(id: string): HTMLInputElement {
  const element = byTestId(id);
  if (!(element instanceof HTMLInputElement)) {
    throw new Error(`data-testid=${id} is not an input`);
  }
  return element;
}

describe('SecretField', () => {
  beforeEach(() => {
    ({ container, root } = mountTestRoot());
    useSecretsStore.setState({ status: vault(false), busy: null, errors: {}, lastError: null });
  });

  afterEach(() => {
    unmountTestRoot(root, container);
  });

  it('is a write-only password field', () => {
    renderField();
    const input = inputByTestId(`secret-input-${NAME}`);
    expect(input.type).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(byTestId(`secret-status-${NAME}`).getAttribute('data-set')).toBe('false');
  });

  it('never keeps the value after a successful save', async () => {
    const { calls } = installFakeKassa({ 'secrets:set': () => ({ ok: true, value: vault(true) }) });
    renderField();
    const input = inputByTestId(`secret-input-${NAME}`);
    act(() => {
      typeInto(input, VALUE);
    });
    expect(input.value).toBe(VALUE);

    await act(async () => {
      byTestId(`secret-set-${NAME}`).click();
      await Promise.resolve();
    });
    renderField();

    expect(calls).toEqual([{ channel: 'secrets:set', input: { name: NAME, value: VALUE } }]);
    expect(inputByTestId(`secret-input-${NAME}`).value).toBe('');
    expect(container.innerHTML).not.toContain(VALUE);
    expect(JSON.stringify(useSecretsStore.getState())).not.toContain(VALUE);
    expect(byTestId(`secret-status-${NAME}`).getAttribute('data-set')).toBe('true');
  });

  it('never keeps the value after a failed save either, and shows the error', async () => {
    installFakeKassa({
      'secrets:set': () => ({
        ok: false,
        error: { code: 'secret.unavailable', message: 'No system keyring was found.' },
      }),
    });
    renderField();
    const input = inputByTestId(`secret-input-${NAME}`);
    act(() => {
      typeInto(input, VALUE);
    });
    await act(async () => {
      byTestId(`secret-set-${NAME}`).click();
      await Promise.resolve();
    });

    expect(input.value).toBe('');
    expect(container.innerHTML).not.toContain(VALUE);
    expect(JSON.stringify(useSecretsStore.getState())).not.toContain(VALUE);
    expect(byTestId(`secret-error-${NAME}`).textContent).toBe('No system keyring was found.');
    expect(useSecretsStore.getState().lastError?.code).toBe('secret.unavailable');
  });
});
