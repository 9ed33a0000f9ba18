/**
 * Roles as people at the till meet them (issue #13): a cashier cannot open Settings or refund — the screen asks
 * for a manager, and the host refuses the channels anyway; a manager signs in with the PIN and can; signing
 * out makes the page a cashier again. Going live runs the checks first and keeps the switch off while they fail.
 */
import { expect, test } from './fixtures/host';
import { pageIpc } from './fixtures/ipc';
import { E2E_MANAGER, ensureManager, signInAsManager } from './fixtures/manager';

test('a cashier cannot open Settings or refund; a manager signed in with the PIN can', async ({
  host,
  page,
}) => {
  await page.goto(host.cashierUrl);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await ensureManager(page);
  const ipc = pageIpc(page);

  // Settings: the sign-in instead of the settings; the host refuses a cashier's save.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('manager-sign-in')).toContainText('Only a manager can change settings.');
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  const settings = await ipc.value('settings:get', {});
  const refused = await ipc.invoke('settings:set', {
    settings: { ...settings, store: { name: 'Hijacked' } },
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // A paid cash sale, then the journal: Refund asks for a manager, and the host refuses a cashier's refund.
  const { sale } = await ipc.value('sale:new', {});
  await ipc.value('sale:add-line', { saleId: sale.id, kind: 'catalog', code: 'MN-MILK-1L' });
  const payment = await ipc.value('payment:start', { saleId: sale.id, method: 'cash', tendered: 5000 });
  expect(await ipc.invoke('payment:refund', { paymentId: payment.id })).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });
  await page.getByTestId('nav-journal').click();
  await page.locator(`[data-testid="journal-row"][data-sale-id="${sale.id}"]`).click();
  await page.getByTestId('journal-refund').click();
  const signIn = page.getByRole('dialog', { name: 'Manager sign-in' });
  await expect(signIn).toContainText('Only a manager can refund.');
  await expect(page.getByTestId('refund-dialog')).toHaveCount(0);

  // A wrong PIN is refused and counted, in words.
  await signIn.getByTestId('manager-code').fill('000000');
  await signIn.getByTestId('manager-sign-in-submit').click();
  await expect(signIn.getByRole('alert')).toHaveText(
    'Wrong PIN or badge. 4 more tries before sign-in locks.',
  );

  // The manager's PIN: the refund goes through.
  await signIn.getByTestId('manager-code').fill(E2E_MANAGER.pin);
  await signIn.getByTestId('manager-sign-in-submit').click();
  await expect(page.getByTestId('session')).toContainText(`Manager: ${E2E_MANAGER.name}`);
  await expect(page.getByTestId('refund-dialog')).toBeVisible();
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('journal-refunded')).toBeVisible();

  // Settings open for the manager, with the fields going live needs.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
  await expect(page.getByLabel('Terminal number')).toBeVisible();
  await expect(page.getByLabel('Merchant TIN')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/cashier-go-live.png', fullPage: true });

  // Sign out: a cashier again.
  await page.getByTestId('session-sign-out').click();
  await expect(page.getByTestId('session')).toHaveAttribute('data-role', 'cashier');
  await expect(page.getByTestId('manager-sign-in')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
});

test('going live checks first: on an unconfigured till the checks fail and the switch stays off', async ({
  host,
  page,
}) => {
  await page.goto(host.cashierUrl);
  await page.getByTestId('lang-en').click();
  await signInAsManager(page);
  await page.getByTestId('nav-settings').click();
  const goLive = page.getByRole('region', { name: 'Go live' });
  await expect(goLive).toContainText('Environment now: Sandbox (simulators)');
  await goLive.getByTestId('go-live-target').selectOption('production');
  await expect(goLive.getByRole('button', { name: 'Switch to Production' })).toBeDisabled();
  await goLive.getByRole('button', { name: 'Run checks' }).click();
  // Each provider is asked (loopback addresses that refuse, a missing user name): allow a slow machine time.
  await expect(goLive.getByTestId('go-live-summary')).toContainText('check(s) failed', { timeout: 30_000 });
  await expect(goLive.locator('[data-testid="go-live-line"][data-ok="false"]').first()).toBeVisible();
  await expect(goLive.getByRole('button', { name: 'Switch to Production' })).toBeDisabled();
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
});
