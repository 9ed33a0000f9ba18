/**
 * Checkout end to end, as a cashier does it with the keyboard: barcodes typed into the sale screen, F12, a
 * payment method, the customer display's QR (decoded from a screenshot, as a phone would), the sandbox
 * customer panel, paid on both pages, and the eBarimt receipt (MN). Then split payments, cancel, decline →
 * retry, expiry, a refund from the journal, and a restart while a payment waits.
 */
import type { Browser, Page } from '@playwright/test';
import type { PaymentMethod } from '../shared/domain';
import type { Country } from '../shared/settings';
import { expect, startHost, test, type RunningHost } from './fixtures/host';
import { pageIpc, type PageIpc } from './fixtures/ipc';
import { E2E_MANAGER, ensureManager, managerIpc } from './fixtures/manager';
import { decodeQrIn } from './fixtures/qr';

const SHOTS = 'docs/screenshots';
const BARCODES: Record<Country, readonly string[]> = {
  MN: ['8650001000015', '8650001000022', '8650001000039'],
  GE: ['4860002000011', '4860002000028', '4860002000035'],
  UZ: ['4780003000011', '4780003000028', '4780003000035'],
};

interface Pages {
  cashier: Page;
  display: Page;
  ipc: PageIpc;
}

async function open(
  host: RunningHost,
  page: Page,
  browser: Browser,
  country: Country = 'MN',
): Promise<Pages> {
  await page.goto(host.cashierUrl);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  const ipc = pageIpc(page);
  if (country !== 'MN') {
    // The country is a manager's setting.
    const manager = managerIpc(page);
    const settings = await manager.value('settings:get', {});
    await manager.value('settings:set', { settings: { ...settings, country } });
    await page.reload();
  }
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-sale')).toHaveText('Sale');
  const display = await browser.newPage();
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('display-root')).toBeVisible();
  await page.bringToFront();
  return { cashier: page, display, ipc };
}

/**
 * Type barcodes into the focused barcode field and press Enter, one by one, as a new cashier does: at a person's
 * speed. Keys that come faster than the wedge decoder's 50 ms gap are a scanner's, and a scan is kept apart from
 * what was typed before it.
 */
async function typeBarcodes(page: Page, codes: readonly string[]): Promise<void> {
  const lines = page.getByTestId('cart-line');
  const before = await lines.count();
  for (const [i, code] of codes.entries()) {
    await expect(page.getByTestId('barcode-input')).toBeFocused();
    await page.keyboard.type(code, { delay: 80 });
    await page.keyboard.press('Enter');
    await expect(lines).toHaveCount(before + i + 1);
  }
}

async function threeLineSale(pages: Pages, country: Country): Promise<string> {
  const { cashier } = pages;
  await typeBarcodes(cashier, BARCODES[country]);
  const saleId = await cashier.getByTestId('sale-screen').getAttribute('data-sale-id');
  expect(saleId).toBeTruthy();
  return saleId ?? '';
}

async function startPayment(cashier: Page, method: PaymentMethod, phone?: string): Promise<string> {
  await cashier.keyboard.press('F12');
  await expect(cashier.getByTestId('payment-screen')).toBeVisible();
  await cashier.getByTestId(`method-${method}`).click();
  if (phone !== undefined) {
    await cashier.getByTestId('payment-phone').fill(phone);
  }
  await cashier.getByTestId('payment-start').click();
  const line = cashier.getByTestId('payment-line').last();
  await expect(line).toHaveAttribute('data-state', 'waiting');
  return (await line.getAttribute('data-payment-id')) ?? '';
}

async function qrFlow(pages: Pages, country: Country, method: PaymentMethod, shots: boolean): Promise<void> {
  const { cashier, display, ipc } = pages;
  const saleId = await threeLineSale(pages, country);
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'cart');
  if (shots) {
    await cashier.screenshot({ path: `${SHOTS}/cashier-sale.png` });
  }
  const paymentId = await startPayment(cashier, method);
  const payment = (await ipc.value('payment:list', { saleId })).find((p) => p.id === paymentId);
  expect(payment?.qr).toBeTruthy();
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'pay');
  expect(await decodeQrIn(display.getByTestId('display-qr'))).toBe(payment?.qr);
  await expect(cashier.getByTestId('payment-countdown')).toHaveText(/\d+:\d\d/);
  if (shots) {
    await cashier.screenshot({ path: `${SHOTS}/cashier-payment-waiting.png` });
  }
  await expect(cashier.getByTestId('sandbox-phone')).toHaveAttribute('data-payment-id', paymentId);
  await cashier.getByTestId('sandbox-pay').click();
  await expect(cashier.getByTestId('sale-paid')).toBeVisible({ timeout: 2000 });
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', /paid|thank-you/, {
    timeout: 2000,
  });
}

test('MN SocialPay QR: three typed barcodes, QR on the display, customer pays, eBarimt receipt', async ({
  host,
  page,
  browser,
}) => {
  const pages = await open(host, page, browser);
  await qrFlow(pages, 'MN', 'socialpay.qr', true);
  const { cashier, ipc } = pages;
  await expect(cashier.getByTestId('receipt-screen')).toHaveAttribute('data-state', 'issued');
  await expect(cashier.getByTestId('receipt-lottery')).toHaveText(/\S+/);
  await expect(cashier.getByTestId('receipt-qr')).toBeVisible();
  const saleId = (await ipc.value('sale:current', {}))?.sale.id ?? '';
  const receipt = await ipc.value('receipt:get', { saleId });
  expect(await decodeQrIn(cashier.getByTestId('receipt-qr'))).toBe(receipt.printable?.qrData);
  await expect(cashier.getByTestId('receipt-total')).toHaveText(receipt.totalText);
  await cashier.screenshot({ path: `${SHOTS}/cashier-receipt.png` });
  await cashier.getByTestId('receipt-print-58').click();
  await expect(cashier.getByTestId('printable-receipt')).toHaveAttribute('data-paper', '58');
  await cashier.getByTestId('print-close').click();
  // Enter starts the next sale.
  await expect(cashier.getByTestId('new-sale')).toBeFocused();
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('sale-screen')).toBeVisible();
  await expect(cashier.getByTestId('cart-empty')).toBeVisible();
});

test('MN Pocket QR pays and issues the receipt', async ({ host, page, browser }) => {
  const pages = await open(host, page, browser);
  await qrFlow(pages, 'MN', 'pocket.qr', false);
  await expect(pages.cashier.getByTestId('receipt-lottery')).toHaveText(/\S+/);
});

test('GE Bank of Georgia QR: GEL sale, QR decodes to the approve link, paid, New sale', async ({
  host,
  page,
  browser,
}) => {
  const pages = await open(host, page, browser, 'GE');
  await expect(pages.cashier.getByTestId('method-bog.qr')).toHaveCount(0);
  await qrFlow(pages, 'GE', 'bog.qr', false);
  const { cashier } = pages;
  await expect(cashier.getByTestId('payment-total')).toContainText('₾');
  await expect(cashier.getByTestId('receipt-screen')).toHaveCount(0);
  await cashier.screenshot({ path: `${SHOTS}/cashier-paid.png` });
  await expect(cashier.getByTestId('new-sale')).toBeFocused();
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('cart-empty')).toBeVisible();
});

test('MN SocialPay invoice to phone: no QR, the display says the invoice went to the phone', async ({
  host,
  page,
  browser,
}) => {
  const pages = await open(host, page, browser);
  const { cashier, display } = pages;
  await threeLineSale(pages, 'MN');
  await cashier.keyboard.press('F12');
  await cashier.getByTestId('method-socialpay.phone').click();
  await cashier.getByTestId('payment-phone').fill('1234');
  await cashier.getByTestId('payment-start').click();
  await expect(cashier.getByTestId('payment-phone-error')).toBeVisible();
  const paymentId = await startPayment(cashier, 'socialpay.phone', '99112233').catch(() => '');
  expect(paymentId).not.toBe('');
  await expect(cashier.getByTestId('payment-phone-sent')).toBeVisible();
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'pay');
  await expect(display.getByTestId('display-qr')).toHaveCount(0);
  await expect(display.getByTestId('display-instruction')).toHaveAttribute('data-variant', 'phone');
  await cashier.getByTestId('sandbox-pay').click();
  await expect(cashier.getByTestId('sale-paid')).toBeVisible({ timeout: 2000 });
  await expect(cashier.getByTestId('receipt-lottery')).toHaveText(/\S+/);
});

test('split: part in cash with change, the rest by SocialPay QR', async ({ host, page, browser }) => {
  const pages = await open(host, page, browser);
  const { cashier, ipc } = pages;
  const saleId = await threeLineSale(pages, 'MN');
  const total = (await ipc.value('sale:current', {}))?.sale.totals.total ?? 0;
  await cashier.keyboard.press('F12');
  await cashier.getByTestId('method-cash').click();
  await cashier.getByTestId('payment-amount').fill('5000');
  await expect(cashier.getByTestId('payment-split-hint')).toBeVisible();
  await cashier.getByTestId('payment-tendered').fill('10000');
  await expect(cashier.getByTestId('payment-change-preview')).toContainText('5');
  await cashier.getByTestId('payment-start').click();
  await expect(cashier.getByTestId('payment-line').first()).toHaveAttribute('data-state', 'paid');
  // The amount field now defaults to what is left.
  await expect(cashier.getByTestId('payment-amount')).toHaveValue(String(total - 5000));
  await cashier.getByTestId('method-socialpay.qr').click();
  await cashier.getByTestId('payment-start').click();
  await expect(cashier.getByTestId('payment-line').nth(1)).toHaveAttribute('data-state', 'waiting');
  await cashier.getByTestId('sandbox-pay').click();
  await expect(cashier.getByTestId('sale-paid')).toBeVisible({ timeout: 2000 });
  await expect(cashier.getByTestId('sale-change')).toHaveText('5 000 ₮');
  const payments = await ipc.value('payment:list', { saleId });
  expect(payments.map((p) => [p.method, p.amount.amount, p.state])).toEqual([
    ['cash', 5000, 'paid'],
    ['socialpay.qr', total - 5000, 'paid'],
  ]);
});

test('cancel while waiting, decline then retry, and expiry', async ({ host, page, browser }) => {
  const pages = await open(host, page, browser);
  const { cashier, display } = pages;
  await threeLineSale(pages, 'MN');
  await startPayment(cashier, 'socialpay.qr');
  const lines = cashier.getByTestId('payment-line');
  await cashier.getByTestId('payment-cancel').click();
  await expect(lines.nth(0)).toHaveAttribute('data-state', 'cancelled');
  // A new payment after the cancel.
  await cashier.getByTestId('method-socialpay.qr').click();
  await cashier.getByTestId('payment-start').click();
  await expect(lines.nth(1)).toHaveAttribute('data-state', 'waiting');
  await cashier.getByTestId('sandbox-decline').click();
  await expect(lines.nth(1)).toHaveAttribute('data-state', 'declined', { timeout: 2000 });
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'declined');
  await lines.nth(1).getByTestId('payment-retry').click();
  await expect(lines.nth(2)).toHaveAttribute('data-state', 'waiting');
  await cashier.getByTestId('sandbox-expire').click();
  await expect(lines.nth(2)).toHaveAttribute('data-state', 'expired', { timeout: 2000 });
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'expired');
  await lines.nth(2).getByTestId('payment-retry').click();
  await expect(lines.nth(3)).toHaveAttribute('data-state', 'waiting');
  await cashier.getByTestId('sandbox-pay').click();
  await expect(cashier.getByTestId('sale-paid')).toBeVisible({ timeout: 2000 });
});

test('refund from the journal: partial, with a confirm showing the amount', async ({
  host,
  page,
  browser,
}) => {
  const pages = await open(host, page, browser);
  const { cashier } = pages;
  const saleId = await threeLineSale(pages, 'MN');
  await startPayment(cashier, 'socialpay.qr');
  await cashier.getByTestId('sandbox-pay').click();
  await expect(cashier.getByTestId('sale-paid')).toBeVisible({ timeout: 2000 });
  await cashier.keyboard.press('F10');
  const row = cashier.locator(`[data-testid="journal-row"][data-sale-id="${saleId}"]`);
  await expect(row).toBeVisible();
  await row.click();
  await expect(cashier.getByTestId('journal-detail')).toBeVisible();
  await cashier.screenshot({ path: `${SHOTS}/cashier-journal.png` });
  // Refunds are a manager's: the Refund button asks for a manager PIN first.
  await ensureManager(cashier);
  await cashier.getByTestId('journal-refund').click();
  const signIn = cashier.getByTestId('manager-sign-in-dialog');
  await expect(signIn).toContainText('Only a manager can refund.');
  await signIn.getByTestId('manager-code').fill(E2E_MANAGER.pin);
  await signIn.getByTestId('manager-sign-in-submit').click();
  await expect(cashier.getByTestId('refund-dialog')).toBeVisible();
  if ((await cashier.getByTestId('refund-amount').count()) > 0) {
    await cashier.getByTestId('refund-amount').fill('1000');
    await expect(cashier.getByTestId('refund-confirm-text')).toContainText('1 000 ₮');
  }
  await cashier.getByTestId('refund-confirm').click();
  await expect(cashier.getByTestId('refund-dialog')).toHaveCount(0);
  await expect(cashier.getByTestId('journal-refunded')).toBeVisible();
});

test('restart while a payment waits: the payment is still there, not lost and not sent again', async ({
  host,
  page,
  browser,
}) => {
  const pages = await open(host, page, browser);
  const { cashier, ipc } = pages;
  const saleId = await threeLineSale(pages, 'MN');
  const paymentId = await startPayment(cashier, 'socialpay.qr');
  const before = await ipc.value('payment:list', { saleId });
  await pages.display.close();
  await host.stop();
  await expect(cashier.getByTestId('connection-lost')).toBeVisible();
  const again = await startHost({ dataDir: host.dataDir });
  try {
    await cashier.goto(again.cashierUrl);
    await expect(cashier.getByTestId('payment-screen')).toBeVisible();
    const line = cashier.locator(`[data-testid="payment-line"][data-payment-id="${paymentId}"]`);
    await expect(line).toHaveAttribute('data-state', /waiting|unknown|expired|declined|cancelled/);
    const after = await pageIpc(cashier).value('payment:list', { saleId });
    // Same single attempt, same idempotency key: recovery asked about it, it did not start another.
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before[0]?.id);
    expect(after[0]?.idempotencyKey).toBe(before[0]?.idempotencyKey);
    expect(after[0]?.attempt).toBe(1);
  } finally {
    await again.stop();
  }
});

test('UZ Ipoteka microloan: the customer applies by phone, the bank approves, the sale is paid', async ({
  host,
  page,
  browser,
}) => {
  const pages = await open(host, page, browser, 'UZ');
  const { cashier, display, ipc } = pages;
  const saleId = await threeLineSale(pages, 'UZ');
  await expect(
    cashier.getByTestId('total-amount').or(cashier.getByTestId('payment-total')).first(),
  ).toContainText("so'm");
  const paymentId = await startPayment(cashier, 'baas.microloan', '901234567');
  const payment = (await ipc.value('payment:list', { saleId })).find((p) => p.id === paymentId);
  // The application is registered at the bank under a UUID derived from this attempt's key.
  expect(payment?.providerRef).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'pay');
  await expect(display.getByTestId('display-qr')).toHaveCount(0);
  await cashier.getByTestId('sandbox-pay').click();
  await expect(cashier.getByTestId('sale-paid')).toBeVisible({ timeout: 2000 });
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', /paid|thank-you/, {
    timeout: 2000,
  });
  await expect(cashier.getByTestId('receipt-screen')).toHaveCount(0);
});
