/**
 * HID report → sale:updated: a HID POS scanner's input report (FakeHidBackend standing in for node-hid) through
 * the device manager, HID POS reassembly, the scan router, the sale service and the durable journal append, until
 * the core publishes the new sale view. Target ≤ 5 ms p95 (issue #12).
 */
import { performance } from 'node:perf_hooks';
import { createKassa } from '../electron/core/kassa';
import { honeywellReports } from '../electron/devices/testing/hid-pos-reports';
import { FakeHidBackend } from '../electron/devices/testing/fake-hid-backend';
import { KASSA_VERSION } from '../electron/hosts/node-kassa';
import { systemClock } from '../electron/kernel/clock';
import { tempDataDir } from '../electron/kernel/testing/temp-dir';
import { createLogger } from '../electron/log/logger';
import { openJournal } from '../electron/storage/journal';
import { openNodeSettingsStore } from '../electron/storage/settings';
import { openNodeVault } from '../electron/storage/vault';
import type { SaleView } from '../shared/channels/sale';
import { DEMO_CODES } from './core-figures';
import { timing, type Figure } from './figures';

const SCANNER_PATH = '/dev/hidraw-bench';

export async function hidScanFigures(): Promise<Figure[]> {
  const t = tempDataDir('kassa-bench-hid-');
  const { logger, redactor } = createLogger({ level: 'silent' });
  const hid = new FakeHidBackend();
  hid.plug({ path: SCANNER_PATH, vendorId: 0x0c2e, productId: 0x10d3, usagePage: 0x8c, product: 'Voyager' });
  const kassa = createKassa({
    clock: systemClock,
    dataDir: t.dir,
    settings: openNodeSettingsStore(t.dir, logger),
    vault: openNodeVault({
      dataDir: t.dir,
      clock: systemClock,
      redactor,
      env: { KASSA_VAULT_KEY: '9'.repeat(64) },
    }),
    logger,
    redactor,
    host: 'test',
    version: KASSA_VERSION,
    hidBackend: hid,
    hotplug: false,
  });
  const selected = await kassa.invoke('cashier', 'devices:select', { id: '0c2e:10d3:8c' });
  if (!selected.ok) {
    throw new Error(`devices:select: ${selected.error.message}`);
  }
  let updated: () => void = () => undefined;
  let lastView: SaleView | undefined;
  const off = kassa.on('sale:updated', (view) => {
    lastView = view;
    updated();
  });
  const samples: number[] = [];
  for (let i = 0; i < 250; i += 1) {
    if (i % 50 === 0 && i > 0) {
      await kassa.invoke('cashier', 'sale:void', {});
    }
    const reports = honeywellReports(DEMO_CODES[i % DEMO_CODES.length] ?? '', ']E0', 0x64);
    const seen = new Promise<void>((resolve) => {
      updated = resolve;
    });
    const started = performance.now();
    for (const report of reports) {
      hid.push(SCANNER_PATH, report);
    }
    await seen;
    // The first scans warm the JIT and open the sale; they are not what a cashier waits for all day.
    if (i >= 10) {
      samples.push(performance.now() - started);
    }
  }
  off();
  await kassa.close();
  const floor = await journalAppends(t.dir, lastView);
  t.cleanup();
  return [
    timing(
      'hid report → sale:updated',
      'HID POS report (fake backend) → reassembly → scan router → sale service → journal → sale:updated',
      samples,
      { p95: 5 },
    ),
    timing(
      'journal append alone',
      "the durable (fsync'ed) commit every sale change awaits before it is shown: the floor of the figure above",
      floor,
    ),
  ];
}

/**
 * The same sale committed again and again to the till's journal (its row and one small event, one transaction),
 * each commit awaited like the sale service does.
 */
async function journalAppends(dataDir: string, view: SaleView | undefined): Promise<number[]> {
  if (view === undefined) {
    throw new Error('no sale was published');
  }
  const journal = openJournal({ dataDir });
  const samples: number[] = [];
  for (let i = 0; i < 250; i += 1) {
    const at = Date.now();
    const started = performance.now();
    const sale = { ...view.sale, updatedAt: at };
    await journal.commit({
      at,
      events: [
        {
          type: 'sale',
          saleId: sale.id,
          what: 'line.quantity',
          from: sale.status,
          to: sale.status,
          currency: sale.currency,
          total: sale.totals.total,
        },
      ],
      sales: [sale],
    });
    if (i >= 10) {
      samples.push(performance.now() - started);
    }
  }
  await journal.close();
  return samples;
}
