/**
 * Foundation, as a new till meets it: language switch, Settings closed to the cashier, a secret set through
 * Settings by a manager that never comes back out anywhere, the customer display's idle screen, and the display
 * token's limits.
 */
import type { Page, WebSocket as PageSocket } from '@playwright/test';
import { expect, test } from './fixtures/host';
import { E2E_MANAGER, signInAsManager } from './fixtures/manager';

const SECRET = 'e2e-Secret-Value-93f1c2';

/** Every WebSocket frame the page receives (what main sends back: results and events). */
function recordReceivedFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws: PageSocket) => {
    ws.on('framereceived', (frame) => {
      frames.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8'));
    });
  });
  return frames;
}

test('a cashier switches language; a manager sets a secret, and the secret never comes back out', async ({
  host,
  page,
}) => {
  const received = recordReceivedFrames(page);
  await page.goto(host.cashierUrl);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');

  // Mongolian by default for a new till; switch to English and back.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');
  await page.getByTestId('lang-mn').click();
  await expect(page.getByTestId('nav-settings')).toHaveText('Тохиргоо');
  await expect(page.getByTestId('lang-mn')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-settings')).toHaveText('Settings');

  // Settings are a manager's: the cashier gets the sign-in. A fresh sandbox till offers its first manager.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('first-manager')).toBeVisible();
  await expect(page.getByTestId('settings-save')).toHaveCount(0);
  await page.getByTestId('first-manager-name').fill(E2E_MANAGER.name);
  await page.getByTestId('first-manager-pin').fill(E2E_MANAGER.pin);
  await page.getByTestId('first-manager-pin-again').fill(E2E_MANAGER.pin);
  await page.getByTestId('first-manager-create').click();
  await expect(page.getByTestId('session')).toHaveAttribute('data-role', 'manager');
  await expect(page.getByTestId('session')).toContainText(`Manager: ${E2E_MANAGER.name}`);
  const name = 'socialpay.checksumKey';
  await expect(page.getByTestId(`secret-status-${name}`)).toHaveAttribute('data-set', 'false');
  await page.getByTestId(`secret-input-${name}`).fill(SECRET);
  await page.getByTestId(`secret-set-${name}`).click();
  await expect(page.getByTestId(`secret-status-${name}`)).toHaveAttribute('data-set', 'true');
  // Bound to where it may go: the SocialPay address saved now, and shown so.
  await expect(page.getByTestId(`secret-origin-${name}`)).toContainText('http://127.0.0.1:1');
  await expect(page.getByTestId(`secret-input-${name}`)).toHaveValue('');
  await page.screenshot({ path: 'docs/screenshots/cashier-settings.png', fullPage: false });

  // The scanners panel answers from the host: no real HID device on a build machine, only the sandbox profile's
  // virtual scanner (docs/devices.md, "Testing without hardware"); a rescan works.
  await expect(page.getByTestId('devices-panel')).toBeVisible();
  await expect(page.getByTestId('device-1209:0001:8c')).toContainText('Kassa sandbox scanner');
  await page.getByTestId('devices-rescan').click();
  await expect(page.getByTestId('devices-rescan')).toBeEnabled();

  // A CSV price list with one bad row changes nothing and names the line; a good one replaces the catalog.
  await page.getByTestId('catalog-file').setInputFiles({
    name: 'prices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sku,name,price,barcode\nA1,Apple,1200,\nB2,Bread,abc,\n'),
  });
  await expect(page.getByTestId('catalog-problems')).toContainText('line 3');
  await page.getByTestId('catalog-file').setInputFiles({
    name: 'prices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sku,name,price,barcode\nA1,Apple,1200,\nB2,Bread,900,\n'),
  });
  await expect(page.getByTestId('catalog-imported')).toContainText('2');

  // Reload: a new connection is a cashier again; status comes from main, the value from nowhere.
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('manager-sign-in')).toBeVisible();
  await signInAsManager(page);
  await expect(page.getByTestId(`secret-status-${name}`)).toHaveAttribute('data-set', 'true');

  expect(await page.content()).not.toContain(SECRET);
  expect(received.length).toBeGreaterThan(0);
  expect(received.join('\n')).not.toContain(SECRET);
  expect(host.output()).not.toContain(SECRET);
  expect(host.output().length).toBeGreaterThan(0);
  expect(host.dataDirContents()).toContain('socialpay.checksumKey');
  expect(host.dataDirContents()).not.toContain(SECRET);
  expect(host.dataDirContents()).not.toContain(Buffer.from(SECRET).toString('base64'));
});

test('the display page shows the idle welcome, and its token cannot use cashier channels', async ({
  host,
  page,
  browser,
}) => {
  await page.goto(host.displayUrl);
  const root = page.getByTestId('display-root');
  await expect(root).toHaveAttribute('data-state', 'welcome');
  await expect(page.getByTestId('display-store-name')).toHaveText('Kassa demo store');
  await page.screenshot({ path: 'docs/screenshots/display-welcome.png' });

  // The display page's own token, used by hand against cashier-only channels.
  const token = new URL(host.displayUrl).hash.replace('#token=', '');
  const answers = await page.evaluate(async (displayToken: string) => {
    const ws = new WebSocket(`ws://${location.host}/ipc`, ['kassa.v1', `kassa-token.${displayToken}`]);
    await new Promise((resolve) => {
      ws.addEventListener('open', resolve);
    });
    const ask = (id: number, channel: string, input: unknown): Promise<unknown> =>
      new Promise((resolve) => {
        ws.addEventListener('message', (m: MessageEvent<string>) => {
          const frame = JSON.parse(m.data) as { type: string; id?: number; envelope?: unknown };
          if (frame.type === 'result' && frame.id === id) {
            resolve(frame.envelope);
          }
        });
        ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
      });
    return [
      await ask(1, 'secrets:status', {}),
      await ask(2, 'secrets:set', { name: 'pocket.clientSecret', value: 'x1234' }),
      await ask(3, 'settings:get', {}),
      await ask(4, 'display:ready', {}),
    ];
  }, token);
  expect(answers[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(answers[1]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(answers[2]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(answers[3]).toMatchObject({ ok: true, value: { state: 'welcome' } });

  // The cashier changes the store name; the display follows without a reload.
  const cashier = await browser.newPage();
  await cashier.goto(host.cashierUrl);
  await cashier.getByTestId('lang-en').click();
  await signInAsManager(cashier);
  await cashier.getByTestId('nav-settings').click();
  await cashier.getByTestId('settings-store-name').fill('Khan-Uul branch');
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('settings-saved')).toBeVisible();
  await expect(page.getByTestId('display-store-name')).toHaveText('Khan-Uul branch');
  await cashier.close();
});

test('a page without a token, or with a wrong one, gets nothing from the host', async ({ host, page }) => {
  await page.goto(`${host.origin}/cashier.html`);
  const noToken = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ipc`, ['kassa.v1']);
        ws.addEventListener('open', () => {
          resolve('open');
        });
        ws.addEventListener('error', () => {
          resolve('refused');
        });
      }),
  );
  expect(noToken).toBe('refused');
  const wrong = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ipc`, ['kassa.v1', `kassa-token.${'0'.repeat(64)}`]);
        ws.addEventListener('open', () => {
          resolve('open');
        });
        ws.addEventListener('error', () => {
          resolve('refused');
        });
      }),
  );
  expect(wrong).toBe('refused');
});
