import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisplayViewModel } from '../../../shared/channels/display';
import type { DisplayLocale } from '../../../shared/settings';
import { createDisplayI18n } from '../i18n';
import { formatClock, Pay, renderState } from './states';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

// React only batches act() updates when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  ({ container, root } = mountTestRoot());
});

afterEach(() => {
  unmountTestRoot(root, container);
});

function render(view: DisplayViewModel, node = renderState(view)): void {
  act(() => {
    root.render(<I18nextProvider i18n={createDisplayI18n(view.locale)}>{node}</I18nextProvider>);
  });
}

const byTestId = (id: string): HTMLElement | null => container.querySelector(`[data-testid="${id}"]`);
const text = (id: string): string => byTestId(id)?.textContent ?? '';

describe('customer display states render the view-model', () => {
  it('cart: lines, discounts and totals are the view-model’s own text', () => {
    render({
      state: 'cart',
      locale: 'en',
      lines: [
        { name: 'Milk 1 l', quantityText: '2 × 4 500 ₮', amountText: '9 000 ₮' },
        { name: 'Bread', quantityText: '1 × 2 800 ₮', amountText: '2 520 ₮', discountText: '−280 ₮' },
      ],
      itemCount: 3,
      totalText: '11 520 ₮',
      discountText: '−280 ₮',
      vatText: '1 047 ₮',
    });
    expect(container.querySelectorAll('[data-testid="display-line"]')).toHaveLength(2);
    expect(text('display-total')).toBe('11 520 ₮');
    expect(text('display-discount')).toBe('−280 ₮');
    expect(text('display-vat')).toBe('1 047 ₮');
    expect(text('display-item-count')).toBe('Items: 3');
    expect(byTestId('display-city-tax')).toBeNull();
    expect(byTestId('display-due')).toBeNull();
  });

  it('pay with a QR: an svg of at least 320 px, amount, provider, countdown from expiresAt', () => {
    const now = 1_000_000;
    const view: Extract<DisplayViewModel, { state: 'pay' }> = {
      state: 'pay',
      locale: 'ru',
      method: 'socialpay.qr',
      providerName: 'SocialPay',
      qr: 'https://pay.example.mn/i/abc123',
      amountText: '11 520 ₮',
      totalText: '11 520 ₮',
      expiresAt: now + 245_000,
      checking: false,
    };
    render(view, <Pay view={view} now={() => now} />);
    const svg = byTestId('display-qr')?.querySelector('svg');
    expect(Number(svg?.getAttribute('width'))).toBeGreaterThanOrEqual(320);
    expect(text('display-amount')).toBe('11 520 ₮');
    expect(text('display-provider')).toBe('SocialPay');
    expect(text('display-countdown')).toBe('Действует ещё 4:05');
    expect(text('display-instruction')).toBe('Откройте приложение банка и отсканируйте QR-код');
    expect(byTestId('display-total')).toBeNull();
  });

  it('pay by phone invoice: no QR, the phone instruction, the total when only part is paid', () => {
    render({
      state: 'pay',
      locale: 'en',
      method: 'socialpay.phone',
      providerName: 'SocialPay',
      amountText: '5 000 ₮',
      totalText: '11 520 ₮',
      checking: true,
    });
    expect(byTestId('display-qr')).toBeNull();
    expect(byTestId('display-countdown')).toBeNull();
    expect(byTestId('display-instruction')?.dataset.variant).toBe('phone');
    expect(text('display-instruction')).toBe('Invoice sent to your phone — approve it in the app');
    expect(text('display-total')).toBe('Total: 11 520 ₮');
    expect(byTestId('display-checking')).not.toBeNull();
  });

  it('paid, declined, expired and thank-you speak the view-model’s language', () => {
    const cases: [DisplayViewModel, string][] = [
      [{ state: 'paid', locale: 'mn', totalText: '9 000 ₮', changeText: '1 000 ₮' }, 'Төлбөр амжилттай'],
      [
        { state: 'declined', locale: 'ka', providerName: 'Bank of Georgia', dueText: '12,00 ₾' },
        'გადახდა უარყოფილია',
      ],
      [
        { state: 'expired', locale: 'uz', providerName: 'Ipoteka Bank', dueText: '10 000 soʻm' },
        'Toʻlov soʻrovining muddati tugadi',
      ],
      [{ state: 'thank-you', locale: 'en', totalText: '9 000 ₮' }, 'Thank you for your purchase!'],
    ];
    for (const [view, title] of cases) {
      render(view);
      expect(text('display-title'), view.state).toBe(title);
    }
    render({ state: 'paid', locale: 'en', totalText: '9 000 ₮', changeText: '1 000 ₮' });
    expect(text('display-change')).toBe('1 000 ₮');
    render({ state: 'expired', locale: 'en', providerName: 'Pocket', dueText: '4 500 ₮' });
    expect(text('display-amount')).toBe('4 500 ₮');
    expect(text('display-provider')).toBe('Pocket');
  });

  it('thank-you shows the eBarimt receipt QR only when the view-model carries one', () => {
    render({ state: 'thank-you', locale: 'mn', totalText: '9 000 ₮' });
    expect(byTestId('display-receipt-qr')).toBeNull();
    render({ state: 'thank-you', locale: 'mn', totalText: '9 000 ₮', receiptQr: '1'.repeat(200) });
    expect(byTestId('display-receipt-qr')?.querySelector('svg')).not.toBeNull();
  });

  it('welcome in all five languages', () => {
    const expected: Record<DisplayLocale, string> = {
      mn: 'Тавтай морилно уу',
      en: 'Welcome',
      ka: 'მოგესალმებით',
      uz: 'Xush kelibsiz',
      ru: 'Добро пожаловать',
    };
    for (const [locale, welcome] of Object.entries(expected) as [DisplayLocale, string][]) {
      render({ state: 'welcome', locale, storeName: 'A&B' });
      expect(text('display-welcome')).toBe(welcome);
      expect(text('display-store-name')).toBe('A&B');
    }
  });

  it('formats the countdown as m:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59)).toBe('0:59');
    expect(formatClock(600)).toBe('10:00');
  });
});
