import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalViewModel } from '../../../shared/channels/approval';
import { createCashierI18n } from '../i18n';
import { IDLE_APPROVAL_VIEW, useApprovalStore } from '../stores/approval';
import { useSettingsStore } from '../stores/settings';
import { installFakeKassa } from '../testing/fake-kassa';
import { ApprovalScreen } from './ApprovalScreen';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  ({ container, root } = mountTestRoot());
});

afterEach(() => {
  unmountTestRoot(root, container);
});

const buyer = {
  name: 'Батын Болд',
  customerNoMasked: '10****71',
  emailMasked: 'b******t@example.mn',
  identifiedBy: 'regno' as const,
};

function render(view: ApprovalViewModel, locale: 'mn' | 'en' = 'en'): void {
  act(() => {
    useApprovalStore.setState({ view, query: '', lastError: null });
    useSettingsStore.setState({ uiLocale: locale });
    root.render(
      <I18nextProvider i18n={createCashierI18n(locale)}>
        <ApprovalScreen />
      </I18nextProvider>,
    );
  });
}

const byTestId = (id: string): HTMLElement | null => container.querySelector(`[data-testid="${id}"]`);

describe('approval screen renders the view-model', () => {
  it("a session that ended (sale touched / idle) says why and asks for the receipt's own buyer, mn and en", () => {
    installFakeKassa({});
    render({ ...IDLE_APPROVAL_VIEW, state: 'identifying', pendingQr: true, sessionEnded: 'sale' });
    const notice = byTestId('approval-session-ended');
    expect(notice?.dataset.reason).toBe('sale');
    expect(notice?.textContent).toContain("Enter this receipt's buyer");
    expect(byTestId('approval-query')).not.toBeNull();
    render({ ...IDLE_APPROVAL_VIEW, state: 'identifying', sessionEnded: 'idle' }, 'mn');
    expect(byTestId('approval-session-ended')?.textContent).toMatch(/2 минут/);
  });

  it('identifying: the buyer field, and the held receipt', () => {
    installFakeKassa({});
    render({ ...IDLE_APPROVAL_VIEW, state: 'identifying', pendingQr: true });
    expect(byTestId('approval-screen')?.dataset.state).toBe('identifying');
    expect(byTestId('approval-query')).not.toBeNull();
    expect(byTestId('approval-pending-qr')).not.toBeNull();
    expect(byTestId('approval-retry')).toBeNull();
  });

  it('confirm: the name, masked code and email to read back; Enter confirms', async () => {
    const fake = installFakeKassa({
      'approval:confirm': () => ({ ok: true, value: { ...IDLE_APPROVAL_VIEW, state: 'ready', buyer } }),
    });
    render({ ...IDLE_APPROVAL_VIEW, state: 'confirm', buyer });
    expect(byTestId('approval-buyer-name')?.textContent).toBe('Батын Болд');
    expect(byTestId('approval-buyer-code')?.textContent).toBe('10****71');
    expect(byTestId('approval-buyer-email')?.textContent).toBe('b******t@example.mn');
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
    expect(fake.calls.map((c) => c.channel)).toEqual(['approval:confirm']);
  });

  it('result: the outcome message in the cashier’s language, the count, Retry when it can', () => {
    installFakeKassa({});
    const view: ApprovalViewModel = {
      ...IDLE_APPROVAL_VIEW,
      state: 'result',
      buyer,
      approvedCount: 2,
      canRetry: true,
      lastResult: {
        outcome: 'b2bNotAccepted',
        ok: false,
        code: 'b2bNotAccepted',
        afterRetry: false,
        message: { mn: 'Байгууллагын баримтыг бүртгэхгүй', en: 'A company receipt cannot be registered' },
      },
    };
    render(view, 'mn');
    expect(byTestId('approval-result')?.dataset.outcome).toBe('b2bNotAccepted');
    expect(byTestId('approval-result-message')?.textContent).toBe('Байгууллагын баримтыг бүртгэхгүй');
    expect(byTestId('approval-count')?.dataset.count).toBe('2');
    expect(byTestId('approval-retry')).not.toBeNull();
    render(view, 'en');
    expect(byTestId('approval-result-message')?.textContent).toBe('A company receipt cannot be registered');
  });

  it('an error from main is shown with its support hint', () => {
    installFakeKassa({});
    render({
      ...IDLE_APPROVAL_VIEW,
      state: 'identifying',
      canRetry: true,
      error: {
        code: 'network',
        message: { mn: 'Холбогдсонгүй', en: 'Could not reach eBarimt' },
        hint: 'kassa doctor',
      },
    });
    expect(byTestId('approval-error')?.dataset.code).toBe('network');
    expect(byTestId('approval-error')?.textContent).toContain('Could not reach eBarimt');
    expect(byTestId('approval-error')?.textContent).toContain('kassa doctor');
  });
});
