/**
 * Issue 11 off the happy path, in the browser host as people meet it: two cashier pages press Pay on one sale
 * at the same moment (one charge at the bank; the other page says why), a restart while the customer is paying
 * (the display shows the QR again), and the Ipoteka-bank card attach with its SMS code on a UZ till.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { pageIpc } from './fixtures/ipc';
import { managerIpc } from './fixtures/manager';
import { decodeQrIn } from './fixtures/qr';

/** A cashier page (no manager session) in English, its sale screen ready. */
async function cashierPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-sale')).toHaveText('Sale');
  await expect(page.getByTestId('session')).toHaveAttribute('data-role', 'cashier');
}

/** F12 and the method chosen, up to the Pay button. */
async function readyToPay(page: Page, method: string): Promise<void> {
  await page.bringToFront();
  await page.getByTestId('barcode-input').focus();
  await page.keyboard.press('F12');
  await expect(page.getByTestId('payment-screen')).toBeVisible();
  await page.getByTestId(`method-${method}`).click();
  await expect(page.getByTestId('payment-start')).toBeEnabled();
}

test('two cashier pages press Pay on the same sale together: one charge, the other page says why', async ({
  host,
  browser,
}) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await cashierPage(a, host.cashierUrl);
  await cashierPage(b, host.cashierUrl);
  const ipc = pageIpc(a);
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: '8650001000015' });
  for (const page of [a, b]) {
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await readyToPay(page, 'socialpay.qr');
  }

  // Both presses in the same moment: each page's button is clicked in the page itself, so the first press's
  // re-render cannot detach the other page's button between Playwright's checks and its click.
  await Promise.all(
    [a, b].map((page) =>
      page.getByTestId('payment-start').evaluate((button) => {
        (button as HTMLButtonElement).click();
      }),
    ),
  );

  // Both pages show the one payment, waiting for the customer (its invoice answered by the bank)…
  for (const page of [a, b]) {
    await expect(page.getByTestId('payment-line')).toHaveCount(1);
    await expect(page.getByTestId('payment-line')).toHaveAttribute('data-state', 'waiting');
  }
  // …one payment on the sale, one invoice at the bank; exactly one page also says its press was refused.
  expect(await ipc.value('payment:list', { saleId: sale.id })).toHaveLength(1);
  expect((await ipc.value('sandbox:invoices-created', { method: 'socialpay.qr' })).count).toBe(1);
  // A press that reached main after the other was committed is refused with words; under load the second page
  // may instead have learned of the waiting payment first, and then its Pay no longer sends anything. Either
  // way no page offers Pay again, and a refusal, when there is one, says why.
  for (const page of [a, b]) {
    await expect(page.getByTestId('payment-start')).toHaveCount(0);
  }
  const refusals =
    (await a.getByTestId('payment-error').count()) + (await b.getByTestId('payment-error').count());
  expect(refusals).toBeLessThanOrEqual(1);
  for (const page of [a, b]) {
    if ((await page.getByTestId('payment-error').count()) === 1) {
      await expect(page.getByTestId('payment-error')).toHaveAttribute('data-code', 'state.conflict');
      await expect(page.getByTestId('payment-error')).toContainText('still waiting for the customer');
    }
  }
  await first.close();
  await second.close();
});

test('a restart while the customer is paying: the display shows the same QR again and the customer pays', async ({
  host,
  page,
  browser,
}) => {
  await cashierPage(page, host.cashierUrl);
  const display = await browser.newPage();
  await display.goto(host.displayUrl);
  const ipc = pageIpc(page);
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: '8650001000015' });
  const payment = await ipc.value('payment:start', { saleId: sale.id, method: 'socialpay.qr' });
  expect(payment.qr).toBeTruthy();
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'pay');

  const again = await host.restart();
  try {
    // The pages reconnect by themselves (same port and tokens); the display asks for the state again.
    await display.reload();
    await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'pay');
    expect(await decodeQrIn(display.getByTestId('display-qr'))).toBe(payment.qr);

    await page.reload();
    const paid = await pageIpc(page).value('sandbox:customer-pay', { paymentId: payment.id });
    expect(paid.state).toBe('paid');
    await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', /paid|thank-you/);
  } finally {
    await again.stop();
  }
});

test('UZ: the cashier attaches the customer’s card with the SMS code the bank texts', async ({
  host,
  page,
}) => {
  await page.goto(host.cashierUrl);
  const manager = managerIpc(page);
  const settings = await manager.value('settings:get', {});
  await manager.value('settings:set', { settings: { ...settings, country: 'UZ' } });
  await cashierPage(page, host.cashierUrl);
  const ipc = pageIpc(page);
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: '4780003000011' });
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await readyToPay(page, 'cash');

  await page.getByTestId('card-attach-open').click();
  const dialog = page.getByTestId('card-attach-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('card-attach-pan').fill('8600 1234 5678 9012');
  await dialog.getByTestId('card-attach-expiry').fill('2812');
  await dialog.getByTestId('card-attach-phone').fill('998901234567');
  await dialog.getByTestId('card-attach-send').click();
  await expect(dialog.getByTestId('card-attach-sent')).toContainText('8600********9012');
  await expect(dialog.getByTestId('card-attach-resend')).toBeDisabled();

  // A wrong code is refused in words; then the code the customer's (sandbox) phone shows.
  await dialog.getByTestId('card-attach-code').fill('000000');
  await dialog.getByTestId('card-attach-confirm').click();
  await expect(dialog.getByTestId('card-attach-error')).toHaveAttribute('data-code', 'card.code-wrong');
  await expect(dialog.getByTestId('card-attach-error')).toContainText('not the code the bank sent');
  await dialog.getByTestId('card-attach-sandbox-sms').click();
  const shown = (await dialog.getByTestId('card-attach-sandbox-code').textContent()) ?? '';
  const code = /(\d{4,8})/.exec(shown)?.[1] ?? '';
  expect(code).toMatch(/^\d{4,8}$/);
  await dialog.getByTestId('card-attach-code').fill(code);
  await dialog.getByTestId('card-attach-confirm').click();
  await expect(dialog.getByTestId('card-attach-done')).toContainText('8600********9012');
  await page.screenshot({ path: 'docs/screenshots/card-attach.png' });
  expect(host.output()).not.toContain('8600123456789012');
  expect(host.dataDirContents()).not.toContain('8600123456789012');
});
