/**
 * E-receipt approval as a cashier meets it: a real eBarimt receipt is issued for a cash sale (PosAPI simulator),
 * its QR is "scanned" at scanner speed on an idle screen, the approval screen opens holding it, the buyer is
 * identified by a typed register number (Easy Register simulator seed: УБ99112233 → Батын Болд, 10038071),
 * confirmed with Enter, and the receipt is registered. Scanning it again is "already approved"; a QR no PosAPI
 * issued is "invalid".
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { pageIpc } from './fixtures/ipc';
import { issueReceipt } from './fixtures/receipt';
import { SCANNER_MAX_GAP_MS, scanDigits } from './fixtures/scanner';

async function openCashier(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-approval')).toHaveText('E-receipt');
}

test('a scanned receipt opens approval; a typed regNo, Enter, approved; the same receipt again is already approved', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl);
  const ipc = pageIpc(page);
  const qrData = await issueReceipt(ipc);
  expect(qrData).toMatch(/^\d{40,}$/);

  // Idle on the sale screen; the scanner reads the printed receipt QR.
  await page.getByTestId('nav-sale').click();
  await expect(page.getByTestId('approval-screen')).toHaveCount(0);
  // Scanner speed: keys back to back, within the decoder's 50 ms limit.
  expect(await scanDigits(page, qrData)).toBeLessThan(SCANNER_MAX_GAP_MS);

  const screen = page.getByTestId('approval-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('nav-approval')).toHaveAttribute('aria-selected', 'true');
  await expect(screen).toHaveAttribute('data-state', 'identifying');
  await expect(screen).toHaveAttribute('data-pending-qr', 'true');
  await expect(page.getByTestId('approval-pending-qr')).toBeVisible();
  // The scan went to the flow, not into a field: nothing on the page shows the digits.
  expect(await page.content()).not.toContain(qrData.slice(0, 40));
  await page.screenshot({ path: 'docs/screenshots/approval-identify.png' });

  // The register number has Cyrillic letters: typed by the cashier at human speed (never a scan).
  const query = page.getByTestId('approval-query');
  await expect(query).toBeFocused();
  await query.pressSequentially('УБ99112233', { delay: 110 });
  await expect(query).toHaveValue('УБ99112233');
  await page.keyboard.press('Enter');

  await expect(screen).toHaveAttribute('data-state', 'confirm');
  await expect(page.getByTestId('approval-buyer-name')).toContainText('Болд');
  await expect(page.getByTestId('approval-buyer')).toHaveAttribute('data-identified-by', 'regno');
  await page.screenshot({ path: 'docs/screenshots/approval-confirm.png' });

  // Enter confirms; the held receipt is submitted for this buyer.
  await page.keyboard.press('Enter');
  await expect(screen).toHaveAttribute('data-state', 'result');
  const result = page.getByTestId('approval-result');
  await expect(result).toHaveAttribute('data-outcome', 'approved');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '1');
  await expect(screen).toHaveAttribute('data-pending-qr', 'false');
  await page.screenshot({ path: 'docs/screenshots/approval-approved.png' });
  // The Easy Register simulator received exactly one approveQr for this receipt.
  expect(await ipc.value('sandbox:approvals', { qrData })).toEqual({ count: 1, codes: ['success'] });

  // The same receipt again: Easy Register says it is already registered; nothing more is counted.
  await scanDigits(page, qrData);
  await expect(result).toHaveAttribute('data-outcome', 'alreadyApproved');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '1');
  await page.screenshot({ path: 'docs/screenshots/approval-already.png' });
  expect((await ipc.value('sandbox:approvals', { qrData })).count).toBe(2);

  // A receipt QR PosAPI never issued: invalid, in the cashier's language (Mongolian after switching back).
  await page.getByTestId('lang-mn').click();
  await scanDigits(page, '9'.repeat(120));
  await expect(result).toHaveAttribute('data-outcome', 'invalidQr');
  await expect(page.getByTestId('approval-result-message')).toHaveText(/[\u0400-\u04ff]/);
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '1');

  // New buyer: back to identifying, the count starts again.
  await page.getByTestId('approval-new-buyer').click();
  await expect(screen).toHaveAttribute('data-state', 'identifying');
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '0');
});

test('a second receipt for the same buyer is approved by scanning alone', async ({ host, page }) => {
  await openCashier(page, host.cashierUrl);
  const ipc = pageIpc(page);
  const first = await issueReceipt(ipc);
  const second = await issueReceipt(ipc);

  // Open the screen by hand, identify by the 8-digit code (scanned), confirm, then scan two receipts.
  await page.getByTestId('nav-approval').click();
  const screen = page.getByTestId('approval-screen');
  await expect(screen).toHaveAttribute('data-state', 'identifying');
  await scanDigits(page, '10038071');
  await expect(screen).toHaveAttribute('data-state', 'confirm');
  await expect(page.getByTestId('approval-buyer')).toHaveAttribute('data-identified-by', 'customer-no');
  await page.getByTestId('approval-confirm').click();
  await expect(screen).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('approval-scan-prompt')).toHaveText('Scan the receipt QR code');

  await scanDigits(page, first);
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '1');
  await scanDigits(page, second);
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('approval-result')).toHaveAttribute('data-outcome', 'approved');

  await page.getByTestId('approval-close').click();
  await expect(page.getByTestId('approval-screen')).toHaveCount(0);
});

test('a B2B receipt is refused with the B2B message', async ({ host, page }) => {
  await openCashier(page, host.cashierUrl);
  const ipc = pageIpc(page);
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-MILK-1L' });
  await ipc.value('receipt:set-organization', { saleId: sale.id, tin: '5012345' });
  await ipc.value('payment:start', { saleId: sale.id, method: 'cash', tendered: 5000 });
  await expect
    .poll(async () => (await ipc.value('receipt:get', { saleId: sale.id })).state, { timeout: 5000 })
    .toBe('issued');
  const qrData = (await ipc.value('receipt:get', { saleId: sale.id })).printable?.qrData ?? '';
  expect(qrData).toMatch(/^\d{40,}$/);

  await page.getByTestId('nav-sale').click();
  await scanDigits(page, qrData);
  const screen = page.getByTestId('approval-screen');
  await expect(screen).toHaveAttribute('data-state', 'identifying');
  await page.getByTestId('approval-query').pressSequentially('УБ99112233', { delay: 110 });
  await page.keyboard.press('Enter');
  await expect(screen).toHaveAttribute('data-state', 'confirm');
  await page.keyboard.press('Enter');
  const result = page.getByTestId('approval-result');
  await expect(result).toHaveAttribute('data-outcome', 'b2bNotAccepted');
  await expect(page.getByTestId('approval-result-message')).not.toBeEmpty();
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '0');
  expect(await ipc.value('sandbox:approvals', { qrData })).toEqual({ count: 1, codes: ['b2bNotAccepted'] });
});

test('B2B receipt by company register number: the cashier sees the company, PosAPI gets the 11-digit TIN', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl);
  const ipc = pageIpc(page);
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-MILK-1L' });

  // The payment screen's buyer field takes the company's 7-digit state register number.
  await page.getByTestId('nav-sale').click();
  await page.getByTestId('pay-button').click();
  const panel = page.getByTestId('buyer-panel');
  await expect(panel).toBeVisible();
  await page.getByTestId('buyer-query').fill('5012345');
  await page.getByTestId('buyer-identify').click();
  await expect(panel).toHaveAttribute('data-identified', 'true');
  await expect(page.getByTestId('buyer-name')).toHaveText('Жишээ Трейд ХХК');
  await expect(page.getByTestId('buyer-masked')).toHaveText('TIN 37900012345');
  await expect(panel).toContainText('B2B');
  await page.screenshot({ path: 'docs/screenshots/receipt-b2b-buyer.png' });

  await ipc.value('payment:start', { saleId: sale.id, method: 'cash', tendered: 5000 });
  await expect
    .poll(async () => (await ipc.value('receipt:get', { saleId: sale.id })).state, { timeout: 5000 })
    .toBe('issued');
  const receipt = await ipc.value('receipt:get', { saleId: sale.id });
  expect(receipt).toMatchObject({ organizationTin: '37900012345', buyerName: 'Жишээ Трейд ХХК' });
  await expect(page.getByTestId('receipt-organization')).toHaveText('37900012345');
  // What the PosAPI simulator received: a B2B receipt whose customerTin is the TIN, not the register number.
  const sent = await ipc.value('sandbox:posapi-receipt', { receiptId: receipt.receiptId ?? '' });
  expect(sent).toEqual({ type: 'B2B_RECEIPT', customerTin: '37900012345', consumerNo: null });
});

test('approve one receipt, ring up the next sale, scan its receipt from the sale screen: it asks for its own buyer', async ({
  host,
  page,
}) => {
  await openCashier(page, host.cashierUrl);
  const ipc = pageIpc(page);
  const first = await issueReceipt(ipc);

  // Buyer 1 (scanned 8-digit code) approves the first receipt on the approval screen.
  await page.getByTestId('nav-approval').click();
  const screen = page.getByTestId('approval-screen');
  await expect(screen).toHaveAttribute('data-state', 'identifying');
  await scanDigits(page, '10038071');
  await expect(screen).toHaveAttribute('data-state', 'confirm');
  await page.getByTestId('approval-confirm').click();
  await scanDigits(page, first);
  await expect(page.getByTestId('approval-count')).toHaveAttribute('data-count', '1');

  // Back to selling: the next customer's sale is rung up on the sale screen and paid.
  await page.getByTestId('nav-sale').click();
  // The sale screen still shows the paid sale's receipt: the cashier starts the next sale.
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('barcode-input')).toBeFocused();
  await page.keyboard.type('8650001000015', { delay: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const saleId = (await page.getByTestId('sale-screen').getAttribute('data-sale-id')) ?? '';
  const { sale } = (await ipc.value('sale:current', {})) ?? { sale: null };
  expect(sale?.id).toBe(saleId);
  await ipc.value('payment:start', { saleId, method: 'cash', tendered: sale?.totals.total ?? 0 });
  await expect
    .poll(async () => (await ipc.value('receipt:get', { saleId })).state, { timeout: 5000 })
    .toBe('issued');
  const next = (await ipc.value('receipt:get', { saleId })).printable?.qrData ?? '';
  expect(next).toMatch(/^\d{40,}$/);

  // Its receipt scanned from the sale screen: the approval screen asks for this receipt's own buyer.
  await expect(page.getByTestId('nav-sale')).toHaveAttribute('aria-selected', 'true');
  await scanDigits(page, next);
  await expect(screen).toBeVisible();
  await expect(screen).toHaveAttribute('data-state', 'identifying');
  await expect(screen).toHaveAttribute('data-pending-qr', 'true');
  await expect(page.getByTestId('approval-buyer')).toHaveCount(0);
  await expect(page.getByTestId('approval-query')).toBeVisible();
  await expect(page.getByText('Scan the receipt QR code')).toHaveCount(0);
  expect(await ipc.value('sandbox:approvals', { qrData: next })).toEqual({ count: 0, codes: [] });
  await page.screenshot({ path: 'docs/screenshots/approval-own-buyer.png' });

  // Its own buyer: ITC's test citizen, typed with Latin letters as the document prints it.
  await page.getByTestId('approval-query').pressSequentially('AA12345678', { delay: 110 });
  await page.keyboard.press('Enter');
  await expect(screen).toHaveAttribute('data-state', 'confirm');
  await expect(page.getByTestId('approval-buyer-name')).toContainText('Тест');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('approval-result')).toHaveAttribute('data-outcome', 'approved');
  expect(await ipc.value('sandbox:approvals', { qrData: next })).toEqual({ count: 1, codes: ['success'] });
});
