/**
 * Issue 15 end to end: a manager sets up a network receipt printer in Settings (a fake ESC/POS printer on
 * 127.0.0.1 that answers DLE EOT status like a real one) and prints a test page; the printer runs out of paper;
 * the cashier sells for cash and sees "out of paper" while the receipt waits; the drawer kick and the receipt
 * come out once the paper is back. Everything about the paper is read back from the bytes the printer received:
 * the text lines (seller TIN, total, lottery) decoded in the code page, and the QR from its `GS ( k` command —
 * compared with what the receipt screen's QR says to a phone camera, not with what the app says it sent.
 */
import type { Page } from '@playwright/test';
import { FakeNetworkPrinter } from '../electron/devices/printer/testing/fake-network-printer';
import { printedJobs } from '../electron/devices/printer/testing/printed-jobs';
import { expect, test } from './fixtures/host';
import { pageIpc } from './fixtures/ipc';
import { signInAsManager } from './fixtures/manager';
import { decodeQrIn } from './fixtures/qr';

let printer: FakeNetworkPrinter;
test.beforeEach(async () => {
  printer = await FakeNetworkPrinter.start();
});
test.afterEach(async () => {
  await printer.close();
});

const paper = () => printedJobs(printer.printedBytes(), 'cp866');
/** The sale receipts on the paper (the test page has a QR too). */
const receipts = () =>
  paper().jobs.filter((j) => j.qr.length > 0 && !j.lines.some((l) => l.includes('Kassa test page')));

async function setUpPrinter(page: Page): Promise<void> {
  await signInAsManager(page);
  await page.getByTestId('nav-settings').click();
  await page.getByLabel('Taxpayer number (TIN)').fill('5317878');
  await page.getByLabel('Address', { exact: true }).fill('Peace Avenue 17, Ulaanbaatar');
  const panel = page.getByTestId('printer-panel');
  await panel.getByLabel('Connection').selectOption('tcp');
  await panel.getByLabel('IP address').fill('127.0.0.1');
  await panel.getByLabel('Port').fill(String(printer.port));
  await panel.getByRole('button', { name: 'Test print' }).click();
  await expect(panel.getByTestId('printer-test-result')).toHaveText('The test page was printed (Ready).');
  expect(paper().jobs.at(-1)?.lines.join('\n')).toContain('Kassa test page');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
}

test('a cash sale prints its eBarimt receipt on the network printer, opens the drawer, and waits out paper-out', async ({
  host,
  page,
}) => {
  await page.goto(host.cashierUrl);
  await page.getByTestId('lang-en').click();
  await setUpPrinter(page);

  // The roll runs out before the next customer.
  printer.setState({ paperOut: true });
  await page.getByTestId('nav-sale').click();
  const ipc = pageIpc(page);
  await page.getByTestId('barcode-input').fill('8650001000015');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('method-cash').click();
  await page.getByTestId('payment-tendered').fill('10000');
  await page.getByTestId('payment-start').click();
  await expect(page.getByTestId('sale-paid')).toBeVisible();

  // The cashier is told before anything is lost; nothing reached the paper yet.
  const banner = page.getByRole('alert').filter({ hasText: 'out of paper' });
  await expect(banner).toHaveText(/The printer is out of paper\. Put in a new roll\./, { timeout: 10_000 });
  await expect(page.getByTestId('printer-banner')).toContainText(/waiting to print/);
  const receiptScreen = page.getByTestId('receipt-screen');
  await expect(receiptScreen).toHaveAttribute('data-state', 'issued');
  const lottery = (await page.getByTestId('receipt-lottery').innerText()).trim();
  const shownQr = await decodeQrIn(page.getByTestId('receipt-qr'));
  expect(receipts()).toEqual([]);

  // Paper back: the drawer opens and the receipt prints, once.
  printer.setState({ paperOut: false });
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(() => receipts().length).toBe(1);
  await expect(page.getByTestId('printer-banner')).toHaveCount(0);
  expect(paper().drawerKicks).toEqual([{ pin: 2 }]);
  const receipt = receipts();
  expect(receipt).toHaveLength(1);
  const lines = receipt[0]?.lines ?? [];
  expect(lines.some((l) => l.includes('ТТД: 5317878'))).toBe(true);
  expect(lines.find((l) => l.startsWith('Нийт дун'))).toMatch(/ 4 500 MNT$/);
  expect(lines.find((l) => l.startsWith('Сугалаа:'))).toMatch(
    new RegExp(` ${lottery.replace(/\s+/g, ' ')}$`),
  );
  expect(shownQr).toBeTruthy();
  expect(receipt[0]?.qr).toEqual([shownQr]);
  const view = await ipc.value('receipt:get', { saleId: (await ipc.value('journal:list', {}))[0]?.id ?? '' });
  expect(receipt[0]?.qr).toEqual([view.printable?.qrData]);
  // qrData and lottery live on paper and in memory only.
  expect(host.dataDirContents()).not.toContain(shownQr ?? 'no qr');
});
