/**
 * The catalog on disk at shop scale (docs/architecture.md §5, "Catalog"), through the real core:
 *   catalog import      a generated 100 000-row CSV file through catalog:import-file (parse, check, write, flip)
 *   catalog ready       the core reopened until the last item of the file is found by its barcode
 *   catalog search      name search over 100 000 items (Cyrillic, Latin typing, sku, no hit)
 *   add-line 100k       sale:add-line by barcode with the 100 000-item catalog (add-line demo: the same with the
 *                       6-item demo catalog, so the catalog's own share can be read off)
 *   memory rss 100k     resident memory of a fresh host process over the 100 000-item catalog (catalog-rss.ts)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openNodeKassa, type NodeKassa } from '../electron/hosts/node-kassa';
import { tempDataDir } from '../electron/kernel/testing/temp-dir';
import { createLogger } from '../electron/log/logger';
import { generatedBarcode, writePriceList } from '../electron/sales/testing/price-list';
import { stats, timing, type Figure } from './figures';

const ITEMS = 100_000;
const QUERIES = ['сүү 4', 'suu 99', 'hleb 1234', 'tsai', 'P-99999', 'ширхэг', 'nothing like this', 'Өндөг 7'];

export async function catalogFigures(): Promise<Figure[]> {
  const t = tempDataDir('kassa-bench-catalog-');
  const { logger, redactor } = createLogger({ level: 'silent' });
  const open = (): NodeKassa =>
    openNodeKassa({
      dataDir: t.dir,
      host: 'test',
      logger,
      redactor,
      env: { KASSA_VAULT_KEY: '8'.repeat(64) },
    });
  const ok = async (node: NodeKassa, channel: string, input: unknown): Promise<unknown> => {
    const r = await node.kassa.invoke('operator', channel, input);
    if (!r.ok) {
      throw new Error(`${channel}: ${r.error.message}`);
    }
    return r.value;
  };
  const file = join(t.dir, 'prices.csv');
  await writePriceList(file, ITEMS);
  const last = generatedBarcode(ITEMS - 1);

  let node = open();
  const addLine = async (codes: (i: number) => string): Promise<number[]> => {
    const samples: number[] = [];
    for (let s = 0; s < 4; s++) {
      await ok(node, 'sale:new', {});
      for (let i = 0; i < 50; i++) {
        const code = codes(s * 50 + i);
        const began = performance.now();
        await ok(node, 'sale:add-line', { kind: 'catalog', code });
        samples.push(performance.now() - began);
      }
      await ok(node, 'sale:void', {});
    }
    return samples;
  };
  const demo = ['8650001000015', '8650001000022', '8650001000039', '8650001000046', '8650001000053'];
  const addLineDemo = await addLine((i) => demo[i % demo.length] ?? '');

  let started = performance.now();
  await ok(node, 'catalog:import-file', { path: file });
  const importMs = performance.now() - started;
  await node.kassa.close();

  const ready: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    node = open();
    const found = (await ok(node, 'catalog:search', { query: last })) as unknown[];
    ready.push(performance.now() - started);
    if (found.length !== 1) {
      throw new Error('the last item of the file was not found after a reopen');
    }
    if (i < 4) {
      await node.kassa.close();
    }
  }

  const search: number[] = [];
  for (let i = 0; i < 400; i++) {
    started = performance.now();
    await ok(node, 'catalog:search', { query: QUERIES[i % QUERIES.length] });
    search.push(performance.now() - started);
  }

  const addLineBig = await addLine((i) => generatedBarcode((i * 104_729) % ITEMS));
  await node.kassa.close();
  const child = spawnSync('npx', ['tsx', 'bench/catalog-rss.ts', t.dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rss = Number(child.stdout.trim().split('\n').at(-1));
  t.cleanup();
  if (child.status !== 0 || !Number.isFinite(rss)) {
    throw new Error(`the catalog memory figure failed (exit ${String(child.status)})`);
  }
  return [
    timing('catalog import 100k', `${ITEMS} rows from a CSV file: parse, check, write, flip`, [importMs], {
      p95: 5000,
    }),
    timing('catalog ready', `core reopened until the last of ${ITEMS} items is found`, ready, { p95: 1000 }),
    timing('catalog search 100k', `name search over ${ITEMS} items (Cyrillic, Latin, sku, no hit)`, search, {
      p95: 5,
    }),
    timing('add-line 100k', `sale:add-line by barcode with a ${ITEMS}-item catalog`, addLineBig, { p95: 5 }),
    timing(
      'add-line demo',
      'the same with the 6-item demo catalog (the journal append is most of both)',
      addLineDemo,
    ),
    {
      name: 'memory rss 100k',
      what: `resident memory of a fresh host process with the ${ITEMS}-item catalog open, searched and sold from`,
      unit: 'MiB',
      stats: stats([rss]),
      target: { p95: 250 },
    },
  ];
}
