/**
 * A fresh host process over a data dir whose catalog holds 100 000 items (a till after a restart): opens the
 * core, searches and sells a little, and prints its resident memory in MiB as the last line. Run by
 * catalog-figures.ts in its own process, so the import's memory is not counted.
 */
import { openNodeKassa } from '../electron/hosts/node-kassa';
import { createLogger } from '../electron/log/logger';
import { generatedBarcode } from '../electron/sales/testing/price-list';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  throw new Error('usage: tsx bench/catalog-rss.ts DATA_DIR');
}
const { logger, redactor } = createLogger({ level: 'silent' });
const node = openNodeKassa({
  dataDir,
  host: 'test',
  logger,
  redactor,
  env: { KASSA_VAULT_KEY: '8'.repeat(64) },
});
for (let i = 0; i < 100; i++) {
  await node.kassa.invoke('operator', 'catalog:search', { query: ['suu 9', 'hleb 1', 'nothing'][i % 3] });
}
await node.kassa.invoke('operator', 'sale:new', {});
for (let i = 0; i < 20; i++) {
  await node.kassa.invoke('operator', 'sale:add-line', { kind: 'catalog', code: generatedBarcode(i * 4999) });
}
await node.kassa.invoke('operator', 'sale:void', {});
const rss = process.memoryUsage().rss / 2 ** 20;
await node.kassa.close();
process.stdout.write(`${String(rss)}\n`);
