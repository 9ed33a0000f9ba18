/**
 * Refunds return or correct the eBarimt receipt (issue 11, finding 6), end to end in the sandbox: a paid
 * Mongolian cash sale gets its receipt from the PosAPI simulator; a manager refunds it from the journal; a full
 * refund returns the receipt at PosAPI (the journal says refunded / Returned), a partial one replaces it with a
 * corrected receipt that names the receipt it corrects (the journal says partly refunded).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { pageIpc, type PageIpc } from './fixtures/ipc';
import { E2E_MANAGER, ensureManager } from './fixtures/manager';

async function paidCashSale(ipc: PageIpc): Promise<{ saleId: string; receiptId: string }> {
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-MILK-1L' });
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-MILK-1L' });
  await ipc.value('payment:start', { saleId: sale.id, method: 'cash', tendered: 20_000 });
  await expect
    .poll(async () => (await ipc.value('receipt:get', { saleId: sale.id })).state, { timeout: 5000 })
    .toBe('issued');
  const receipt = await ipc.value('receipt:get', { saleId: sale.id });
  return { saleId: sale.id, receiptId: receipt.receiptId ?? '' };
}

async function refundFromJournal(cashier: Page, saleId: string, amount?: string): Promise<void> {
  await cashier.keyboard.press('F10');
  const row = cashier.locator(`[data-testid="journal-row"][data-sale-id="${saleId}"]`);
  await row.click();
  await expect(cashier.getByTestId('journal-detail')).toHaveAttribute('data-sale-id', saleId);
  await cashier.getByTestId('journal-refund').click();
  const signIn = cashier.getByTestId('manager-sign-in-dialog');
  if ((await signIn.count()) > 0) {
    await signIn.getByTestId('manager-code').fill(E2E_MANAGER.pin);
    await signIn.getByTestId('manager-sign-in-submit').click();
  }
  await expect(cashier.getByTestId('refund-dialog')).toBeVisible();
  if (amount !== undefined) {
    await cashier.getByTestId('refund-amount').fill(amount);
  }
  await cashier.getByTestId('refund-confirm').click();
  await expect(cashier.getByTestId('refund-dialog')).toHaveCount(0);
}

/** The journal list read again (F10 to the sale screen and F10 back), and the row of the sale. */
async function journalRow(cashier: Page, saleId: string) {
  await cashier.keyboard.press('F10');
  await expect(cashier.getByTestId('journal-detail')).toHaveCount(0);
  await cashier.keyboard.press('F10');
  return cashier.locator(`[data-testid="journal-row"][data-sale-id="${saleId}"]`);
}

test.beforeEach(async ({ host, page }) => {
  await page.goto(host.cashierUrl);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  await page.getByTestId('lang-en').click();
  await ensureManager(page);
});

test('a full refund returns the receipt at PosAPI: the journal says refunded and Returned', async ({
  page,
}) => {
  const ipc = pageIpc(page);
  const { saleId, receiptId } = await paidCashSale(ipc);
  await refundFromJournal(page, saleId);
  await expect
    .poll(async () => (await ipc.value('receipt:get', { saleId })).state, { timeout: 5000 })
    .toBe('returned');
  const returned = await ipc.value('receipt:get', { saleId });
  expect(returned).toMatchObject({ receiptId, printable: null });
  const row = await journalRow(page, saleId);
  await expect(row.getByTestId('journal-status')).toHaveText('refunded');
  await expect(row.getByTestId('journal-status')).toHaveAttribute('data-refund', 'full');
  await expect(row.getByTestId('journal-receipt')).toHaveText('Returned');
  const view = await ipc.value('journal:get', { saleId });
  expect(view).toMatchObject({ refund: 'full', paid: 0 });
  expect(view.payments[0]?.state).toBe('refunded');
});

test('a partial refund replaces the receipt with a corrected one for what was kept', async ({ page }) => {
  const ipc = pageIpc(page);
  const { saleId, receiptId } = await paidCashSale(ipc);
  const total = (await ipc.value('journal:get', { saleId })).sale.totals.total;
  await refundFromJournal(page, saleId, '1000');
  await expect
    .poll(async () => (await ipc.value('receipt:get', { saleId })).correctsReceiptId, { timeout: 5000 })
    .toBe(receiptId);
  const corrected = await ipc.value('receipt:get', { saleId });
  expect(corrected.state).toBe('issued');
  expect(corrected.receiptId).toMatch(/^\d{33}$/);
  expect(corrected.receiptId).not.toBe(receiptId);
  const view = await ipc.value('journal:get', { saleId });
  expect(view).toMatchObject({ refund: 'partly', refunded: 1000, paid: total - 1000 });
  expect(view.payments[0]?.state).toBe('partly_refunded');
  expect(view.sale.receipt).toMatchObject({ status: 'issued', amount: total - 1000 });
  const row = await journalRow(page, saleId);
  await expect(row.getByTestId('journal-status')).toHaveText('partly refunded');
  await expect(row.getByTestId('journal-receipt')).toHaveText('Issued');
});
