/**
 * The customer display through a sale, as the customer sees it: welcome in every display language, the cart,
 * the payment QR (decoded from a screenshot, as a phone would), declined, expired, the phone-invoice variant,
 * paid with change, and thank-you with the eBarimt receipt QR. The sale is driven through the cashier page's
 * own channels (sale:*, payment:*, sandbox:customer-*); every state is screenshotted to docs/screenshots.
 */
import type { Browser, Page } from '@playwright/test';
import type { DisplayLocale } from '../shared/settings';
import { expect, test, type RunningHost } from './fixtures/host';
import { pageIpc, type PageIpc } from './fixtures/ipc';
import { managerIpc } from './fixtures/manager';
import { decodeQrIn } from './fixtures/qr';

const SHOTS = 'docs/screenshots';

async function open(
  host: RunningHost,
  page: Page,
  browser: Browser,
): Promise<{ ipc: PageIpc; manager: PageIpc; cashier: Page }> {
  await page.goto(host.displayUrl);
  await expect(page.getByTestId('display-root')).toHaveAttribute('data-state', 'welcome');
  const cashier = await browser.newPage();
  await cashier.goto(host.cashierUrl);
  await expect(cashier.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  // Display settings are a manager's: `manager` calls sign in on their own connection.
  return { ipc: pageIpc(cashier), manager: managerIpc(cashier), cashier };
}

async function setDisplayLocale(manager: PageIpc, locale: DisplayLocale): Promise<void> {
  const settings = await manager.value('settings:get', {});
  await manager.value('settings:set', {
    settings: { ...settings, display: { ...settings.display, locale } },
  });
}

async function newSaleWithTwoLines(ipc: PageIpc): Promise<string> {
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-MILK-1L', quantity: 2 });
  const view = await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-BREAD' });
  const bread = view.sale.lines[1];
  if (bread === undefined) {
    throw new Error('the bread line is missing');
  }
  await ipc.value('sale:set-line-discount', {
    saleId: sale.id,
    lineId: bread.id,
    discount: { kind: 'percent', basisPoints: 1000 },
  });
  return sale.id;
}

test('welcome speaks each of the five display languages', async ({ host, page, browser }) => {
  const { manager, cashier } = await open(host, page, browser);
  const expected: Record<DisplayLocale, string> = {
    mn: 'Тавтай морилно уу',
    en: 'Welcome',
    ka: 'მოგესალმებით',
    uz: 'Xush kelibsiz',
    ru: 'Добро пожаловать',
  };
  for (const locale of ['en', 'ka', 'uz', 'ru', 'mn'] as const) {
    await setDisplayLocale(manager, locale);
    const root = page.getByTestId('display-root');
    await expect(root).toHaveAttribute('data-locale', locale);
    await expect(page.getByTestId('display-welcome')).toHaveText(expected[locale]);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.screenshot({ path: `${SHOTS}/display-welcome-${locale}.png` });
  }
  await page.screenshot({ path: `${SHOTS}/display-welcome.png` });
  await cashier.close();
});

test('cart, then a QR payment that decodes to the payment link, declined, expired', async ({
  host,
  page,
  browser,
}) => {
  const { ipc, cashier } = await open(host, page, browser);
  const root = page.getByTestId('display-root');
  const saleId = await newSaleWithTwoLines(ipc);

  // Cart: the display shows exactly the host's formatted text.
  await expect(root).toHaveAttribute('data-state', 'cart');
  const cart = await ipc.value('display:ready', {});
  if (cart.state !== 'cart') {
    throw new Error(`expected the cart view-model, got ${cart.state}`);
  }
  await expect(page.getByTestId('display-line')).toHaveCount(2);
  await expect(page.getByTestId('display-total')).toHaveText(cart.totalText);
  await expect(page.getByTestId('display-line-discount')).toHaveCount(1);
  await expect(page.getByTestId('display-discount')).toHaveText(cart.discountText ?? 'missing');
  await expect(page.getByTestId('display-vat')).toHaveText(cart.vatText ?? 'missing');
  await page.screenshot({ path: `${SHOTS}/display-cart.png` });

  // Pay: a big QR on white that a phone decodes to the payment's own link.
  const payment = await ipc.value('payment:start', { saleId, method: 'socialpay.qr' });
  expect(payment.qr).toBeTruthy();
  await expect(root).toHaveAttribute('data-state', 'pay');
  const qr = page.getByTestId('display-qr');
  await expect(qr).toBeVisible();
  const box = await qr.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(320);
  expect(await decodeQrIn(qr)).toBe(payment.qr);
  await expect(page.getByTestId('display-amount')).toHaveText(cart.totalText);
  await expect(page.getByTestId('display-provider')).toHaveText('SocialPay');
  await expect(page.getByTestId('display-instruction')).toHaveAttribute('data-variant', 'qr');
  if (payment.expiresAt !== undefined) {
    await expect(page.getByTestId('display-countdown')).toHaveText(/\d+:\d\d/);
  }
  await page.screenshot({ path: `${SHOTS}/display-pay.png` });

  // Declined at the bank.
  await ipc.value('sandbox:customer-decline', { paymentId: payment.id });
  await expect(root).toHaveAttribute('data-state', 'declined');
  await expect(page.getByTestId('display-amount')).toHaveText(cart.totalText);
  await page.screenshot({ path: `${SHOTS}/display-declined.png` });

  // A new attempt, which then runs out.
  const second = await ipc.value('payment:retry', { paymentId: payment.id });
  await expect(root).toHaveAttribute('data-state', 'pay');
  expect(await decodeQrIn(page.getByTestId('display-qr'))).toBe(second.qr);
  await ipc.value('sandbox:customer-expire', { paymentId: second.id });
  await expect(root).toHaveAttribute('data-state', 'expired');
  await page.screenshot({ path: `${SHOTS}/display-expired.png` });
  await cashier.close();
});

test('phone invoice without a QR, then thank-you with the eBarimt receipt QR', async ({
  host,
  page,
  browser,
}) => {
  const { ipc, manager, cashier } = await open(host, page, browser);
  const root = page.getByTestId('display-root');
  const saleId = await newSaleWithTwoLines(ipc);
  await setDisplayLocale(manager, 'en');
  const payment = await ipc.value('payment:start', { saleId, method: 'socialpay.phone', phone: '99112233' });
  await expect(root).toHaveAttribute('data-state', 'pay');
  await expect(page.getByTestId('display-qr')).toHaveCount(0);
  await expect(page.getByTestId('display-instruction')).toHaveAttribute('data-variant', 'phone');
  await expect(page.getByTestId('display-instruction')).toHaveText(
    'Invoice sent to your phone — approve it in the app',
  );
  await page.screenshot({ path: `${SHOTS}/display-pay-phone.png` });

  // The customer approves in the app; the till issues the eBarimt receipt and the display offers its QR.
  await ipc.value('sandbox:customer-pay', { paymentId: payment.id });
  await expect(root).toHaveAttribute('data-state', 'thank-you');
  await expect(page.getByTestId('display-title')).toHaveText('Thank you for your purchase!');
  const receipt = await ipc.value('receipt:get', { saleId });
  expect(receipt.state).toBe('issued');
  const receiptQr = page.getByTestId('display-receipt-qr');
  await expect(receiptQr).toBeVisible();
  expect(await decodeQrIn(receiptQr)).toBe(receipt.printable?.qrData);
  await page.screenshot({ path: `${SHOTS}/display-thank-you.png` });
  await cashier.close();
});

test('paid in cash shows the change (eBarimt off, so the paid state stays)', async ({
  host,
  page,
  browser,
}) => {
  const { ipc, manager, cashier } = await open(host, page, browser);
  const settings = await manager.value('settings:get', {});
  await manager.value('settings:set', {
    settings: {
      ...settings,
      display: { ...settings.display, locale: 'ru' },
      providers: { ...settings.providers, ebarimt: { ...settings.providers.ebarimt, enabled: false } },
    },
  });
  const root = page.getByTestId('display-root');
  await expect(root).toHaveAttribute('data-locale', 'ru');
  const saleId = await newSaleWithTwoLines(ipc);
  await expect(root).toHaveAttribute('data-state', 'cart');
  await expect(page.getByTestId('display-item-count')).toHaveText('Товаров: 3');
  await ipc.value('payment:start', { saleId, method: 'cash', tendered: 20_000 });
  await expect(root).toHaveAttribute('data-state', 'paid');
  const paid = await ipc.value('display:ready', {});
  if (paid.state !== 'paid') {
    throw new Error(`expected the paid view-model, got ${paid.state}`);
  }
  await expect(page.getByTestId('display-title')).toHaveText('Оплата прошла');
  await expect(page.getByTestId('display-change')).toHaveText(paid.changeText ?? 'missing');
  await page.screenshot({ path: `${SHOTS}/display-paid.png` });
  await cashier.close();
});
