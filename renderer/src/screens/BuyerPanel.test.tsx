import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReceiptView } from '../../../shared/channels/receipt';
import { createCashierI18n } from '../i18n';
import { useReceiptStore } from '../stores/receipt';
import { installFakeKassa } from '../testing/fake-kassa';
import { BuyerPanel } from './BuyerPanel';
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

const base: ReceiptView = {
  saleId: 's1',
  state: 'pending',
  receiptId: null,
  buyerMasked: null,
  buyerName: null,
  organizationTin: null,
  totalText: '4 500 ₮',
  vatText: '0 ₮',
  cityTaxText: '0 ₮',
  issuedAt: null,
  printable: null,
  error: null,
  correctsReceiptId: null,
  resolution: null,
};

async function render(view: ReceiptView, locale: 'mn' | 'en' = 'en'): Promise<void> {
  installFakeKassa({ 'receipt:get': () => ({ ok: true, value: view }) });
  await act(async () => {
    root.render(
      <I18nextProvider i18n={createCashierI18n(locale)}>
        <BuyerPanel saleId="s1" />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
  await act(async () => {
    await useReceiptStore.getState().follow('s1');
  });
}

const byTestId = (id: string): HTMLElement | null => container.querySelector(`[data-testid="${id}"]`);

describe('buyer panel', () => {
  it('a buyer found by phone or code is "Customer 10****71", never an e-mail', async () => {
    await render({ ...base, buyerMasked: '10****71' });
    expect(byTestId('buyer-name')?.textContent).toBe('Customer 10****71');
    expect(container.textContent).not.toContain('@');
    await render({ ...base, buyerMasked: '10****71' }, 'mn');
    expect(byTestId('buyer-name')?.textContent).toBe('Хэрэглэгч 10****71');
  });

  it('an organisation shows its registered name and TIN (B2B)', async () => {
    await render({ ...base, organizationTin: '37900012345', buyerName: 'Жишээ Трейд ХХК' });
    expect(byTestId('buyer-panel')?.dataset.identified).toBe('true');
    expect(byTestId('buyer-name')?.textContent).toBe('Жишээ Трейд ХХК');
    expect(byTestId('buyer-masked')?.textContent).toBe('TIN 37900012345');
  });

  it('a refusal is worded from its reason in the cashier language', async () => {
    await render(base, 'mn');
    act(() => {
      useReceiptStore.setState({
        lastError: { code: 'not_found', message: 'x', params: { reason: 'company-not-found' } },
      });
    });
    expect(byTestId('receipt-error')?.textContent).toMatch(/байгууллага/);
  });
});
