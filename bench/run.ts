/**
 * `npm run bench`: speed and memory figures of the till's hot paths, through the real core (IPC gate, journal
 * on disk, sandbox simulators on 127.0.0.1). Figures only — no pass/fail; compare runs on the same machine.
 *   add-line        one scanned item: gate + zod + sale service + durable journal append
 *   checkout        3 lines → SocialPay QR → customer pays → eBarimt receipt issued
 *   journal:list    today's sales after the runs above
 *   rejected input  malformed calls refused by the gate (must stay cheap: a stuck scanner can flood it)
 */
import { performance } from 'node:perf_hooks';
import { openNodeKassa } from '../electron/hosts/node-kassa';
import { createLogger } from '../electron/log/logger';
import { tempDataDir } from '../electron/kernel/testing/temp-dir';

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

function line(name: string, s: Stats, unit = 'ms'): void {
  process.stdout.write(
    `${name.padEnd(16)} n=${String(s.n).padStart(4)}  p50=${s.p50.toFixed(2)}${unit}  p95=${s.p95.toFixed(2)}${unit}  max=${s.max.toFixed(2)}${unit}  p95/p50=${(s.p95 / Math.max(s.p50, 1e-9)).toFixed(2)}\n`,
  );
}

async function main(): Promise<void> {
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

  const codes = ['8650001000015', '8650001000022', '8650001000039', '8650001000046', '8650001000053'];
  const addLine: number[] = [];
  for (let s = 0; s < 4; s += 1) {
    await ok('sale:new', {});
    for (let i = 0; i < 50; i += 1) {
      const started = performance.now();
      await ok('sale:add-line', { kind: 'catalog', code: codes[i % codes.length] });
      addLine.push(performance.now() - started);
    }
    await ok('sale:void', {});
  }
  line('add-line', stats(addLine));

  const checkout: number[] = [];
  for (let s = 0; s < 20; s += 1) {
    const started = performance.now();
    const view = (await ok('sale:new', {})) as { sale: { id: string } };
    for (const code of codes.slice(0, 3)) {
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
  line('checkout', stats(checkout));

  const list: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    await ok('journal:list', {});
    list.push(performance.now() - started);
  }
  line('journal:list', stats(list));

  const rejectCount = 5000;
  const started = performance.now();
  for (let i = 0; i < rejectCount; i += 1) {
    await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '', extra: i });
  }
  const perSecond = rejectCount / ((performance.now() - started) / 1000);
  process.stdout.write(`rejected input    ${Math.round(perSecond)} calls/s refused by the gate\n`);

  const rssEnd = process.memoryUsage().rss;
  process.stdout.write(
    `memory            rss ${(rssStart / 2 ** 20).toFixed(1)} MiB → ${(rssEnd / 2 ** 20).toFixed(1)} MiB (heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB)\n`,
  );
  await kassa.close();
  t.cleanup();
}

await main();
