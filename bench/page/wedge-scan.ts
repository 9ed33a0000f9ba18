/**
 * Wedge scan → line in the DOM, in Chromium against the browser host with a 100 000-item catalog, side by side
 * with the bare IPC step in the same page:
 *   wedge scan → line in DOM   from the moment the page handles the scan's Enter keydown until the cart shows
 *                              the new line (a MutationObserver): decode, scan:submit, main carries it out and
 *                              journals it, sale:updated back, React renders. Target ≤ 16 ms p95 (issue #12).
 *   Enter delivery             from the Enter's KeyboardEvent.timeStamp (the browser made the event) until the
 *                              page handles it: the DevTools protocol's and the machine's share, not the app's.
 *   scan:submit round trip     the same scan sent by the page over its own WebSocket and answered, no keys and
 *                              no rendering of its own.
 * Keys go through the DevTools protocol at a scanner's pace; a scan the loaded machine delivered too slowly to be
 * a scan (a gap over 50 ms) is counted as a retry, not as a sample.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { gtinCheckDigit } from '../../shared/codes';
import { startBrowserHost } from '../../electron/hosts/browser';
import { openNodeKassa } from '../../electron/hosts/node-kassa';
import { createLogger } from '../../electron/log/logger';
import { launchChromium } from './chromium';
import { timing, type Figure } from '../figures';

const CATALOG_SIZE = 100_000;
const SCANS = 200;
const WARM_UP = 10;
const LINES_PER_SALE = 40;

/** The n-th product's EAN-13: GS1 prefix 865 (Mongolia), the number, a valid check digit. */
function barcodeOf(n: number): string {
  const body = `865${String(n).padStart(9, '0')}`;
  return `${body}${String(gtinCheckDigit(body))}`;
}

function catalogCsv(): string {
  const rows = ['sku,name,price,barcode'];
  for (let n = 1; n <= CATALOG_SIZE; n += 1) {
    rows.push(`P${String(n)},Item ${String(n)},1000,${barcodeOf(n)}`);
  }
  return rows.join('\n');
}

interface KeyEvent {
  type: 'keyDown' | 'keyUp';
  code: string;
  key: string;
  windowsVirtualKeyCode: number;
  text?: string;
}

function scanKeys(digits: string): KeyEvent[] {
  const events: KeyEvent[] = [];
  for (const d of digits) {
    const code = `Digit${d}`;
    const keyCode = 48 + Number(d);
    events.push({ type: 'keyDown', code, key: d, windowsVirtualKeyCode: keyCode, text: d });
    events.push({ type: 'keyUp', code, key: d, windowsVirtualKeyCode: keyCode });
  }
  events.push({ type: 'keyDown', code: 'Enter', key: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  events.push({ type: 'keyUp', code: 'Enter', key: 'Enter', windowsVirtualKeyCode: 13 });
  return events;
}

interface BenchWindow {
  __bench: { enterAt: number; expected: number; samples: number[]; delivery: number[] };
}

/** Records, in the page, the time from each scan's Enter to the cart showing the expected number of lines. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__bench = { enterAt: 0, expected: 0, samples: [], delivery: [] };
    const bench = w.__bench;
    // Window capture listeners run before the document-level wedge capture.
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.code === 'Enter') {
          bench.enterAt = performance.now();
          bench.delivery.push(bench.enterAt - event.timeStamp);
        }
      },
      { capture: true },
    );
    const cart = document.querySelector('[data-testid="cart"]');
    if (cart === null) {
      throw new Error('no cart');
    }
    new MutationObserver(() => {
      const rows = cart.querySelectorAll('[data-testid="cart-line"]').length;
      if (bench.enterAt > 0 && rows === bench.expected) {
        bench.samples.push(performance.now() - bench.enterAt);
        bench.enterAt = 0;
      }
    }).observe(cart, { childList: true, subtree: true, characterData: true });
  });
}

interface WedgeRun {
  samples: number[];
  delivery: number[];
  retries: number;
}

async function wedgeScans(page: Page, voidSale: () => Promise<void>): Promise<WedgeRun> {
  const cdp = await page.context().newCDPSession(page);
  let retries = 0;
  let product = 1;
  for (let i = 0; i < SCANS + WARM_UP; i += 1) {
    if (i > 0 && i % LINES_PER_SALE === 0) {
      await voidSale();
    }
    const expected = (i % LINES_PER_SALE) + 1;
    for (let attempt = 0; ; attempt += 1) {
      const before = await page.evaluate((n) => {
        const bench = (window as unknown as BenchWindow).__bench;
        bench.expected = n;
        return bench.samples.length;
      }, expected);
      await Promise.all(scanKeys(barcodeOf(product)).map((e) => cdp.send('Input.dispatchKeyEvent', e)));
      product += 1;
      const done = await page
        .waitForFunction((n) => (window as unknown as BenchWindow).__bench.samples.length > n, before, {
          timeout: 3000,
        })
        .then(
          () => true,
          () => false,
        );
      if (done) {
        break;
      }
      // Not a scan after all (keys delivered too slowly): clear what was typed and scan the next product.
      retries += 1;
      await page.getByTestId('barcode-input').fill('');
      if (attempt > 5) {
        throw new Error('the wedge scan never arrived');
      }
    }
  }
  await cdp.detach();
  const { samples, delivery } = await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__bench;
    return { samples: bench.samples, delivery: bench.delivery };
  });
  return { samples: samples.slice(WARM_UP), delivery: delivery.slice(WARM_UP), retries };
}

/** scan:submit round trips from the page over a second WebSocket with the page's own token. */
async function ipcSteps(page: Page, firstProduct: number): Promise<number[]> {
  const codes = Array.from({ length: SCANS + WARM_UP }, (_, i) => barcodeOf(firstProduct + i));
  const samples = await page.evaluate(
    async ({ codes: list, perSale }) => {
      const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
      const ws = new WebSocket(`ws://${location.host}/ipc`, ['kassa.v1', `kassa-token.${token}`]);
      await new Promise((resolve, reject) => {
        ws.addEventListener('open', resolve);
        ws.addEventListener('error', reject);
      });
      let id = 0;
      const invoke = (channel: string, input: unknown): Promise<void> =>
        new Promise((resolve) => {
          id += 1;
          const mine = id;
          const onMessage = (m: MessageEvent<string>): void => {
            const frame = JSON.parse(m.data) as { type: string; id?: number };
            if (frame.type === 'result' && frame.id === mine) {
              ws.removeEventListener('message', onMessage);
              resolve();
            }
          };
          ws.addEventListener('message', onMessage);
          ws.send(JSON.stringify({ type: 'invoke', id: mine, channel, input }));
        });
      const out: number[] = [];
      for (const [i, text] of list.entries()) {
        if (i > 0 && i % perSale === 0) {
          await invoke('sale:void', {});
        }
        const started = performance.now();
        await invoke('scan:submit', { text, source: 'wedge' });
        out.push(performance.now() - started);
      }
      ws.close();
      return out;
    },
    { codes, perSale: LINES_PER_SALE },
  );
  return samples.slice(WARM_UP);
}

export async function wedgeScanFigures(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-bench-wedge-'));
  const { logger, redactor } = createLogger({ level: 'silent' });
  const node = openNodeKassa({
    dataDir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '9'.repeat(64) },
  });
  const { kassa } = node;
  const imported = await kassa.invoke('operator', 'catalog:import-csv', { csv: catalogCsv() });
  if (!imported.ok) {
    throw new Error(`catalog:import-csv: ${imported.error.message}`);
  }
  const host = await startBrowserHost({ kassa, staticDir: resolve('dist/renderer'), logger, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with an `__name` helper that the functions handed to page.evaluate carry along.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(host.cashierUrl);
    await page.getByTestId('barcode-input').waitFor();
    await instrument(page);
    const voidSale = async (): Promise<void> => {
      await kassa.invoke('cashier', 'sale:void', {});
    };
    const wedge = await wedgeScans(page, voidSale);
    await voidSale();
    const ipc = await ipcSteps(page, SCANS * 10);
    return [
      timing(
        'wedge scan → line in DOM',
        `Chromium, ${CATALOG_SIZE.toLocaleString('en')}-item catalog, the page handles Enter → the cart shows the line (${String(wedge.retries)} scans re-sent: keys came too slowly)`,
        wedge.samples,
        { p95: 16 },
      ),
      timing(
        'Enter delivery',
        "the Enter's timeStamp → the page handles it (DevTools protocol and machine load)",
        wedge.delivery,
      ),
      timing('scan:submit round trip', 'the same scan from the page over its own WebSocket, answered', ipc),
    ];
  } finally {
    await browser.close();
    await host.close();
    await kassa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
