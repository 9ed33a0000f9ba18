/**
 * Scanning as a cashier meets it, in Chromium against the browser host: every scan is carried out by main, the
 * page shows what happened. HID scans come from the sandbox profile's virtual HID POS scanner (its reports go
 * through the device manager like a real scanner's); wedge scans are keys at scanner speed on the US, Mongolian
 * and Russian layouts.
 */
import type { Page } from '@playwright/test';
import type { Settings } from '../shared/settings';
import { expect, test } from './fixtures/host';
import { pageIpc, type PageIpc } from './fixtures/ipc';
import { managerIpc, signInAsManager } from './fixtures/manager';
import { issueReceipt } from './fixtures/receipt';
import { scanDigits, scanText, scanTwice } from './fixtures/scanner';

const MILK = '8650001000015'; // Сүү 1 л, 4 500 ₮
const BREAD = '8650001000022'; // Талх
const SANDBOX_SCANNER = '1209:0001:8c';

async function openCashier(page: Page, url: string, lang: 'mn' | 'en' = 'en'): Promise<PageIpc> {
  await page.goto(url);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  await page.getByTestId(`lang-${lang}`).click();
  await expect(page.getByTestId('nav-sale')).toHaveText(lang === 'en' ? 'Sale' : /[\u0400-\u04ff]/);
  await expect(page.getByTestId('barcode-input')).toBeFocused();
  return pageIpc(page);
}

async function selectSandboxScanner(ipc: PageIpc): Promise<void> {
  await ipc.value('devices:select', { id: SANDBOX_SCANNER });
}

const lines = (page: Page) => page.getByTestId('cart-line');
const lineNames = (page: Page) => page.getByTestId('line-name');

test('the sandbox HID scanner: selected from the sale screen, a scan adds the line, selected, the focus kept', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl);
  await page.getByTestId('sandbox-scanner').locator('summary').click();
  await page.getByTestId('sandbox-scanner-code').fill(MILK);
  await page.getByTestId('sandbox-scanner-scan').click();
  // Nothing reads a scanner nobody selected; the panel says so and offers it.
  await expect(page.getByTestId('sandbox-scanner-unselected')).toContainText('not selected');
  await expect(lines(page)).toHaveCount(0);
  await page.getByTestId('sandbox-scanner-select').click();
  await expect(page.getByTestId('sandbox-scanner-unselected')).toHaveCount(0);

  await page.getByTestId('sandbox-scanner-scan').click();
  await expect(lineNames(page)).toHaveText(['Сүү 1 л']);
  await expect(lines(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('barcode-input')).toBeFocused();

  // The same item again counts up its line; a second item is a new line and takes the selection (F5 acts on it).
  await page.getByTestId('sandbox-scanner-scan').click();
  await expect(page.getByTestId('line-qty')).toHaveText(['2']);
  await page.getByTestId('sandbox-scanner-code').fill(BREAD);
  await page.getByTestId('sandbox-scanner-scan').click();
  await expect(lineNames(page)).toHaveText(['Сүү 1 л', 'Талх']);
  await expect(lines(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(lines(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.screenshot({ path: 'docs/screenshots/sandbox-scanner.png' });
  await page.keyboard.press('F5');
  await expect(page.getByTestId('dialog-qty')).toContainText('Талх');

  // Settings → Devices (a manager's screen) shows the sandbox scanner selected and connected, like real hardware.
  await page.keyboard.press('Escape');
  await signInAsManager(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId(`device-select-${SANDBOX_SCANNER}`)).toBeChecked();
  await expect(page.getByTestId(`device-status-${SANDBOX_SCANNER}`)).toHaveAttribute(
    'data-state',
    'connected',
  );
});

test('a HID scan of a receipt QR opens approval holding it; its digits never reach the page', async ({
  host,
  page,
}) => {
  const ipc = await openCashier(page, host.cashierUrl);
  await selectSandboxScanner(ipc);
  const qrData = await issueReceipt(ipc);
  await expect(page.getByTestId('receipt-screen')).toBeVisible();

  expect(await ipc.value('sandbox:scan', { text: qrData })).toMatchObject({ delivered: true, reports: 4 });
  const screen = page.getByTestId('approval-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('nav-approval')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('approval-pending-qr')).toBeVisible();
  await expect(page.getByTestId('approval-query')).toBeFocused();
  expect(await page.content()).not.toContain(qrData.slice(0, 40));
});

test('a scale label adds its item with the weight from the label', async ({ host, page }) => {
  const ipc = await openCashier(page, host.cashierUrl);
  const manager = managerIpc(page);
  const settings: Settings = await manager.value('settings:get', {});
  settings.devices.barcodes.embedded = [{ prefix: '20', kind: 'weight', itemCodeDigits: 5, valueDigits: 5 }];
  await manager.value('settings:set', { settings });

  // Apples, item 00001, 1 234 g.
  await scanDigits(page, '2000001012345');
  await expect(lineNames(page)).toHaveText(['Алим (кг)']);
  await expect(page.getByTestId('line-qty')).toHaveText(['1.234 kg']);
  // 6 500 ₮ a kilogram × 1.234 kg.
  const view = await ipc.value('sale:current', {});
  expect(view?.sale.totals.lines[0]?.gross).toBe(8021);
  await expect(page.getByTestId('line-total')).toHaveText([/8[\s\u202f\u00a0,]?021/]);
});

test('wedge scans on the Mongolian and the Russian layout; the leaked keys never stay in the field', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl, 'mn');
  const field = page.getByTestId('barcode-input');

  // Mongolian layout: the number row types № - " ₮ … — the scanner's digits still arrive.
  await scanText(page, MILK, 'mn');
  await expect(lineNames(page)).toHaveText(['Сүү 1 л']);
  await expect(field).toHaveValue('');

  // Russian layout: a Code 128 of the SKU (Shift + letters) types Ь Т - Т А Л Х … on this layout.
  await scanText(page, 'MN-BREAD', 'ru');
  await expect(lineNames(page)).toHaveText(['Сүү 1 л', 'Талх']);
  await expect(field).toHaveValue('');
  await expect(page.getByTestId('scan-notice')).toHaveCount(0);
});

test('"12" typed, then a scan: the scan is its own product and the field keeps "12"', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl);
  const field = page.getByTestId('barcode-input');
  await field.pressSequentially('12', { delay: 120 });
  await scanDigits(page, MILK);
  await expect(lineNames(page)).toHaveText(['Сүү 1 л']);
  await expect(field).toHaveValue('12');

  // What the field holds is what Enter sends: "12" alone, which is no code Kassa knows; nothing changes.
  await page.keyboard.press('Enter');
  const notice = page.getByTestId('scan-notice');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('Not a code Kassa knows: 12');
  await expect(lineNames(page)).toHaveText(['Сүү 1 л']);

  // 3* then a scan counts three; the used 3* leaves the field.
  await field.pressSequentially('3*', { delay: 120 });
  await expect(page.getByTestId('quantity-pending')).toBeVisible();
  await scanDigits(page, BREAD);
  await expect(page.getByTestId('line-qty')).toHaveText(['1', '3']);
  await expect(field).toHaveValue('');
  await expect(notice).toHaveCount(0);
});

test('an unknown code: a clear message in Mongolian, nothing changed; two quick scans keep their order', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl, 'mn');
  await scanDigits(page, MILK);
  await expect(lines(page)).toHaveCount(1);

  await scanDigits(page, '4006381333931');
  const notice = page.getByTestId('scan-notice');
  await expect(notice).toHaveAttribute('data-code', 'product-not-found');
  await expect(page.getByTestId('scan-notice-text')).toHaveText('Энэ кодтой бараа олдсонгүй: 4006381333931');
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'docs/screenshots/scan-refused.png' });

  // Bread then milk in one burst of keys: lines in scan order, the selection on the last scanned.
  await scanTwice(page, BREAD, MILK);
  await expect(lineNames(page)).toHaveText(['Сүү 1 л', 'Талх']);
  await expect(page.getByTestId('line-qty')).toHaveText(['2', '1']);
  await expect(lines(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(notice).toHaveCount(0);
});

test('a scan while a dialog is open is refused over the dialog, its keys kept out of the dialog field', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl);
  await page.keyboard.press('F3');
  const search = page.getByTestId('search-input');
  await expect(search).toBeFocused();
  await scanDigits(page, MILK);
  const notice = page.getByTestId('scan-notice');
  await expect(notice).toContainText('Close the open window (Esc), then scan again.');
  await expect(notice).toBeInViewport();
  await expect(search).toHaveValue('');
  await expect(lines(page)).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dialog-search')).toHaveCount(0);
  await scanDigits(page, MILK);
  await expect(lineNames(page)).toHaveText(['Сүү 1 л']);
});

test('a product scan while a payment waits is refused with a message; the payment screen stays', async ({
  host,
  page,
}) => {
  const ipc = await openCashier(page, host.cashierUrl);
  await selectSandboxScanner(ipc);
  await scanDigits(page, MILK);
  await expect(lines(page)).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('method-socialpay.qr').click();
  await page.getByTestId('payment-start').click();
  await expect(page.getByTestId('payment-line').last()).toHaveAttribute('data-state', 'waiting');

  await ipc.value('sandbox:scan', { text: BREAD });
  await expect(page.getByTestId('scan-notice')).toContainText(
    'A payment is waiting or taken: finish or cancel it before adding items.',
  );
  await expect(page.getByTestId('payment-screen')).toBeVisible();
  expect((await ipc.value('sale:current', {}))?.sale.lines).toHaveLength(1);
});

test('after a reload the page tells main its screen again; settings only reports a scan', async ({
  host,
  page,
}) => {
  const ipc = await openCashier(page, host.cashierUrl);
  await selectSandboxScanner(ipc);
  await signInAsManager(page);
  await page.getByTestId('nav-settings').click();
  await ipc.value('sandbox:scan', { text: MILK });
  const notice = page.getByTestId('scan-notice');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('The scanner works: read a EAN-13 barcode, 13 characters.');

  // A reload opens the sale screen; main must hear it, or this scan would still be taken as a settings test.
  await page.reload();
  await expect(page.getByTestId('sale-screen')).toBeVisible();
  await expect(page.getByTestId('nav-sale')).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(async () => {
      await ipc.value('sandbox:scan', { text: MILK });
      return (await ipc.value('sale:current', {}))?.sale.lines.length ?? 0;
    })
    .toBeGreaterThan(0);
  await expect(lineNames(page)).toHaveText(['Сүү 1 л']);
});

test('keys at scanner speed on the customer display do nothing', async ({ host, page, browser }) => {
  await openCashier(page, host.cashierUrl);
  const display = await browser.newPage();
  const sentByDisplay: string[] = [];
  display.on('websocket', (ws) => {
    ws.on('framesent', (frame) => {
      sentByDisplay.push(String(frame.payload));
    });
  });
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('display-root')).toBeVisible();
  await scanDigits(display, MILK);
  await display.close();

  // Then a real scan on the cashier page: exactly its one line; the display never sent a scan.
  await page.bringToFront();
  await scanDigits(page, BREAD);
  await expect(lineNames(page)).toHaveText(['Талх']);
  expect(sentByDisplay.join('\n')).not.toContain('scan:');
});
