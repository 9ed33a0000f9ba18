/**
 * The browser host as a till runs it for days: restarted under open pages, poked by a client that sends what
 * no page would, its data dir copied around with a loose umask. Against the real built host (`dist/start.mjs`).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { expect, startHost, test, type RunningHost } from './fixtures/host';
import { pageIpc } from './fixtures/ipc';
import { managerIpc } from './fixtures/manager';
import { pickPriceListInSettings } from './fixtures/price-list';

/** A Node WebSocket client with a page's token, from the host's own origin (as the page would connect). */
function socketFor(host: RunningHost, pageUrl: string): Promise<WebSocket> {
  const token = new URL(pageUrl).hash.replace('#token=', '');
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, ['kassa.v1', `kassa-token.${token}`], {
    origin: host.origin,
  });
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      resolve(ws);
    });
    ws.once('unexpected-response', () => {
      reject(new Error('refused'));
    });
  });
}

/** Typed at a person's speed: keys faster than the wedge decoder's 50 ms gap are a scanner's (docs/devices.md). */
async function typeBarcode(page: Page, code: string): Promise<void> {
  await page.getByTestId('barcode-input').focus();
  await page.keyboard.type(code, { delay: 80 });
  await page.keyboard.press('Enter');
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.once('close', (code) => {
      resolve(code);
    });
  });
}

test('restart the host: the display and the cashier page come back by themselves, showing the current sale', async ({
  host,
  page,
  browser,
}) => {
  await page.goto(host.cashierUrl);
  await page.getByTestId('lang-en').click();
  const display = await browser.newPage();
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'welcome');

  await page.bringToFront();
  await typeBarcode(page, '8650001000015');
  await typeBarcode(page, '8650001000022');
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  // The display shows both lines before its total is read (after the first line it is already in 'cart').
  await expect(display.getByTestId('display-line')).toHaveCount(2);
  const total = await display.getByTestId('display-total').textContent();

  const again = await host.restart();
  try {
    // Same port, same tokens: the URLs the pages were opened with are still right.
    expect(again.displayUrl).toBe(host.displayUrl);
    expect(again.cashierUrl).toBe(host.cashierUrl);
    // Nobody touches either page: both reconnect and show the sale as it is now.
    await expect(display.getByTestId('display-root')).toHaveAttribute('data-connected', 'true', {
      timeout: 15_000,
    });
    await expect(display.getByTestId('display-root')).toHaveAttribute('data-state', 'cart');
    await expect(display.getByTestId('display-total')).toHaveText(total ?? '');
    await expect(page.getByTestId('connection-lost')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByTestId('cart-line')).toHaveCount(2);
    // …and stay live: a line added now reaches both.
    await typeBarcode(page, '8650001000039');
    await expect(page.getByTestId('cart-line')).toHaveCount(3);
    await expect(display.getByTestId('display-total')).not.toHaveText(total ?? '');
  } finally {
    await again.stop();
  }
});

test('a 2 MiB frame or invalid UTF-8 from the display token closes that socket; the till keeps serving', async ({
  host,
  page,
}) => {
  const big = await socketFor(host, host.displayUrl);
  const bigClosed = closeCode(big);
  big.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'display:ready', input: 'x'.repeat(2 << 20) }));
  expect(await bigClosed).toBe(1009);

  const bad = await socketFor(host, host.displayUrl);
  const badClosed = closeCode(bad);
  bad.send(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), { binary: false });
  expect(await badClosed).toBe(1007);

  // The process is still there and still the till.
  await page.goto(host.cashierUrl);
  await expect(page.getByTestId('profile-badge')).toHaveAttribute('data-profile', 'sandbox');
  expect(await pageIpc(page).value('app:info', {})).toMatchObject({ host: 'browser' });
  expect(host.output()).toContain('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH');
});

test('a 1.2 MB price list imported from Settings: the till imports it and keeps running', async ({
  host,
  page,
}) => {
  const lines = ['sku,name,price,barcode'];
  let size = 0;
  for (let i = 0; size < 1.2 * 1024 * 1024; i++) {
    const line = `SKU-${String(i).padStart(6, '0')},Product number ${i} with a fairly long descriptive name,${(i % 900) + 100},`;
    lines.push(line);
    size += line.length + 1;
  }
  const rows = lines.length - 1;
  await pickPriceListInSettings(page, host.cashierUrl, `${lines.join('\n')}\n`);
  await expect(page.getByTestId('catalog-imported')).toHaveText(`${rows} products imported.`, {
    timeout: 20_000,
  });
  await expect(page.getByTestId('connection-lost')).toHaveCount(0);
  expect(await pageIpc(page).value('catalog:search', { query: 'SKU-000777' })).toMatchObject([
    { sku: 'SKU-000777' },
  ]);
});

test('source maps are never served; the scripts they map are', async ({ host }) => {
  const assets = readdirSync('dist/renderer/assets');
  const map = assets.find((f) => f.endsWith('.js.map'));
  const js = assets.find((f) => f.endsWith('.js'));
  expect(map).toBeDefined();
  expect((await fetch(`${host.origin}/assets/${js ?? ''}`)).status).toBe(200);
  expect((await fetch(`${host.origin}/assets/${map ?? ''}`)).status).toBe(404);
  expect((await fetch(`${host.origin}/assets/..%2f..%2fstart.mjs`)).status).toBe(404);
  expect((await fetch(`${host.origin}/../start.mjs.map`)).status).toBe(404);
});

test('a data dir copied around with a loose umask is owner-only again after start, with a log line', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-e2e-perm-'));
  chmodSync(dataDir, 0o755);
  // A settings file as Kassa writes it names the profile and the country (a file without them refuses to start).
  writeFileSync(join(dataDir, 'settings.json'), '{"profile":"sandbox","country":"MN"}\n', { mode: 0o644 });
  writeFileSync(join(dataDir, 'scanners.json'), '{"version":1,"selected":[]}\n', { mode: 0o644 });
  chmodSync(join(dataDir, 'settings.json'), 0o644);
  chmodSync(join(dataDir, 'scanners.json'), 0o644);
  const host = await startHost({ dataDir });
  try {
    const modes = Object.fromEntries(
      ['.', ...readdirSync(dataDir, { recursive: true }).map(String)].map((name) => [
        name,
        (statSync(join(dataDir, name)).mode & 0o777).toString(8),
      ]),
    );
    for (const [name, mode] of Object.entries(modes)) {
      expect(mode, name).toBe(statSync(join(dataDir, name)).isDirectory() ? '700' : '600');
    }
    for (const name of ['journal/data.mdb', 'journal/lock.mdb', 'pairing.json', 'settings.json']) {
      expect(modes[name], name).toBeDefined();
    }
    expect(host.output()).toContain('permissions were looser than owner-only');
    expect(host.output()).toContain('settings.json 644→600');
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a truncated vault.json: the till starts, the vault is locked naming the file, nothing is wiped', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-e2e-vault-'));
  const cut = '{"version":1,"backend":"aes-256-gcm-env-key","keyCheck":"AAAA","entries":{"pocket.clientSec';
  writeFileSync(join(dataDir, 'vault.json'), cut, { mode: 0o600 });
  const host = await startHost({ dataDir });
  try {
    expect(host.output()).toContain(join(dataDir, 'vault.json'));
    await page.goto(host.cashierUrl);
    const status = await managerIpc(page).value('secrets:status', {});
    expect(status.locked).toBe(true);
    expect(status.warning).toContain(join(dataDir, 'vault.json'));
    const set = await managerIpc(page).invoke('secrets:set', {
      name: 'pocket.clientSecret',
      value: 'x-123456',
    });
    expect(set).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
    expect(readFileSync(join(dataDir, 'vault.json'), 'utf8')).toBe(cut);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
