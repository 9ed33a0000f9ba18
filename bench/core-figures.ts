/**
 * The till's hot paths through the real core (IPC gate, journal on disk, sandbox simulators on 127.0.0.1):
 *   add-line        one item: gate + zod + sale service + durable journal commit
 *   checkout        3 lines → SocialPay QR → customer pays → eBarimt receipt issued
 *   rejected input  malformed calls refused by the gate (must stay cheap: a stuck scanner can flood it)
 * Payment steps, reports, journal:list and disk per sale: bench/ledger-figures.ts.
 */
import { performance } from 'node:perf_hooks';
import { openNodeKassa } from '../electron/hosts/node-kassa';
import { tempDataDir } from '../electron/kernel/testing/temp-dir';
import { createLogger } from '../electron/log/logger';
import { timing, type Figure } from './figures';

export const DEMO_CODES = [
  '8650001000015',
  '8650001000022',
  '8650001000039',
  '8650001000046',
  '8650001000053',
];

export async function coreFigures(): Promise<Figure[]> {
  const t = tempDataDir('kassa-bench-');
  const { logger, redactor } = createLogger({ level: 'silent' });
  const node = openNodeKassa({
    dataDir: t.dir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '9'.repeat(64) },
  });
  const { kassa } = node;
  const rssStart = process.memoryUsage().rss;
  const ok = async (channel: string, input: unknown): Promise<unknown> => {
    const r = await kassa.invoke('cashier', channel, input);
    if (!r.ok) {
      throw new Error(`${channel}: ${r.error.message}`);
    }
    return r.value;
  };
  await kassa.providers.sandbox();

  const addLine: number[] = [];
  for (let s = 0; s < 4; s += 1) {
    await ok('sale:new', {});
    for (let i = 0; i < 50; i += 1) {
      const started = performance.now();
      await ok('sale:add-line', { kind: 'catalog', code: DEMO_CODES[i % DEMO_CODES.length] });
      addLine.push(performance.now() - started);
    }
    await ok('sale:void', {});
  }

  const checkout: number[] = [];
  for (let s = 0; s < 20; s += 1) {
    const started = performance.now();
    const view = (await ok('sale:new', {})) as { sale: { id: string } };
    for (const code of DEMO_CODES.slice(0, 3)) {
      await ok('sale:add-line', { kind: 'catalog', code });
    }
    const payment = (await ok('payment:start', { saleId: view.sale.id, method: 'socialpay.qr' })) as {
      id: string;
    };
    await ok('sandbox:customer-pay', { paymentId: payment.id });
    for (;;) {
      const receipt = (await ok('receipt:get', { saleId: view.sale.id })) as { state: string };
      if (receipt.state === 'issued' || receipt.state === 'failed') {
        break;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    checkout.push(performance.now() - started);
  }

  const rejectCount = 5000;
  const started = performance.now();
  for (let i = 0; i < rejectCount; i += 1) {
    await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '', extra: i });
  }
  const perSecond = rejectCount / ((performance.now() - started) / 1000);
  const rssEnd = process.memoryUsage().rss;
  await kassa.close();
  t.cleanup();
  return [
    timing('add-line', 'sale:add-line through the gate to a durable journal commit', addLine),
    timing('checkout', '3 lines → SocialPay QR → customer pays → eBarimt receipt issued', checkout),
    {
      name: 'rejected input',
      what: 'malformed calls refused by the gate',
      unit: 'calls/s',
      value: perSecond,
    },
    {
      name: 'memory rss',
      what: `resident memory after the core runs (at start ${(rssStart / 2 ** 20).toFixed(1)} MiB)`,
      unit: 'MiB',
      value: rssEnd / 2 ** 20,
    },
  ];
}
