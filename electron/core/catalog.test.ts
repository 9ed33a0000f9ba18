/**
 * The catalog through the core (docs/architecture.md §5, "Catalog"): an imported price list survives a
 * restart and the sandbox does not overwrite it with the demo catalog; going live drops only the demo catalog;
 * a Mongolian receipt uses each product's codes; a product without one is refused at payment:start, before the
 * customer pays and before PosAPI is asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogImportProgress, Product, SaleView } from '../../shared/channels/sale';
import { SANDBOX_FREE_ITEM_CODE } from '../../shared/product-codes';
import { SettingsSchema } from '../../shared/settings';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { openCatalogStore } from '../storage/catalog-store';
import { openNodeKassa, type NodeKassa } from '../hosts/node-kassa';
import { closeTills, openTestTill, value } from '../testing/till';
import { onProfileOrCountryChange } from './demo-catalog-policy';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
  await closeTills();
});

const PRICE_LIST =
  'sku,name,price,barcode,classification_code,tax_type\nT1,Цай,800,8650001000107,2211000,VAT_ABLE\nS1,Давс,300,,,\n';

function openAt(dataDir: string): NodeKassa {
  const { logger, redactor } = createCapturingLogger();
  const node = openNodeKassa({
    dataDir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '3'.repeat(64) },
  });
  return node;
}

describe('the catalog in the till', () => {
  it('a sandbox till starts with the demo catalog; an imported list replaces it and survives a restart', async () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const first = openAt(t.dir);
    expect(
      value<Product[]>(await first.kassa.invoke('cashier', 'catalog:search', { query: 'suu' })),
    ).toMatchObject([{ sku: 'MN-MILK-1L' }]);
    const progress: CatalogImportProgress[] = [];
    first.kassa.on('catalog:import-progress', (p) => progress.push(p));
    const outcome = await first.kassa.invoke('operator', 'catalog:import-csv', { csv: PRICE_LIST });
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        imported: 2,
        warnings: [{ line: 3, message: expect.stringMatching(/classification_code/) as string }],
      },
    });
    expect(progress.at(-1)).toMatchObject({ rows: 2, done: true });
    await first.kassa.close();

    const second = openAt(t.dir);
    cleanups.push(() => second.kassa.close());
    expect(
      value<Product[]>(await second.kassa.invoke('cashier', 'catalog:search', { query: '' })).map(
        (p) => p.sku,
      ),
    ).toEqual(['T1', 'S1']); // the file's order
    value(await second.kassa.invoke('cashier', 'sale:new', {}));
    const sale = value<SaleView>(
      await second.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000107' }),
    );
    expect(sale.sale.lines[0]).toMatchObject({
      sku: 'T1',
      classificationCode: '2211000',
      taxType: 'VAT_ABLE',
    });
  });

  it('going live drops the demo catalog but keeps an imported one', () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const store = openCatalogStore({ dataDir: t.dir });
    cleanups.push(() => store.close());
    const sandbox = SettingsSchema.parse({ profile: 'sandbox', country: 'MN' });
    const live = { ...sandbox, profile: 'production' as const };
    onProfileOrCountryChange(store, live, sandbox); // back to the sandbox with nothing: the demo catalog
    expect(store.info()).toMatchObject({ source: 'demo', size: 6 });
    onProfileOrCountryChange(store, sandbox, { ...sandbox, country: 'GE' });
    expect(store.byCode('GE-KHACH')).toBeDefined();
    onProfileOrCountryChange(store, sandbox, live);
    expect(store.info()).toMatchObject({ source: 'empty', size: 0 });
    store.replaceSync(
      [
        {
          sku: 'A',
          name: 'A',
          price: 1,
          currency: 'MNT',
          measure: 'each',
          vatBasisPoints: 0,
          cityTaxBasisPoints: 0,
        },
      ],
      'import',
    );
    onProfileOrCountryChange(store, live, sandbox);
    onProfileOrCountryChange(store, sandbox, live);
    expect(store.info()).toMatchObject({ source: 'import', size: 1 });
  });

  it('a product without a classification code is refused before the customer pays; nothing is written, PosAPI never asked', async () => {
    const node = openTestTill();
    const { kassa } = node;
    value(await kassa.invoke('operator', 'catalog:import-csv', { csv: PRICE_LIST }));
    value<SaleView>(await kassa.invoke('cashier', 'sale:new', {}));
    value<SaleView>(await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: 'T1' }));
    const sale = value<SaleView>(
      await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: 'S1' }),
    );
    const refused = await kassa.invoke('cashier', 'payment:start', {
      saleId: sale.sale.id,
      method: 'socialpay.qr',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'receipt.product-codes' } });
    expect(JSON.stringify(refused)).toMatch(/Давс/);
    const after = value<SaleView>(await kassa.invoke('cashier', 'journal:get', { saleId: sale.sale.id }));
    expect(after.sale.status).toBe('open');
    expect(after.payments).toHaveLength(0);
    const sims = await node.simulators();
    expect(sims.ebarimt.posApi.receipts).toHaveLength(0);
  });

  it('a free-amount item is sold under the shop’s free-item code (the sandbox’s until one is set)', async () => {
    const node = openTestTill();
    const { kassa } = node;
    const free = { kind: 'free', name: 'Үйлчилгээ', unitPrice: 5000 } as const;
    value<SaleView>(await kassa.invoke('cashier', 'sale:new', {}));
    let sale = value<SaleView>(await kassa.invoke('cashier', 'sale:add-line', free));
    expect(sale.sale.lines[0]?.classificationCode).toBe(SANDBOX_FREE_ITEM_CODE);
    const paid = await kassa.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'cash' });
    expect(paid).toMatchObject({ ok: true });
    const settings = node.settings.get();
    const ebarimt = { ...settings.providers.ebarimt, freeItemClassificationCode: '2211000' };
    value(
      await kassa.invoke('operator', 'settings:set', {
        settings: { ...settings, providers: { ...settings.providers, ebarimt } },
      }),
    );
    value<SaleView>(await kassa.invoke('cashier', 'sale:new', {}));
    sale = value<SaleView>(await kassa.invoke('cashier', 'sale:add-line', free));
    expect(sale.sale.lines[0]?.classificationCode).toBe('2211000');
  });
});
