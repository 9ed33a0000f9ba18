import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { open } from 'lmdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/channels/sale';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { CATALOG_SCHEMA, openCatalogStore, type CatalogStore } from './catalog-store';
import { injectWriteFailure } from './disk-errors';

const product = (i: number, extra: Partial<Product> = {}): Product => ({
  sku: `Sku-${i}`,
  barcode: `${4860000000000 + i}`,
  name: `Сүү ${i}`,
  price: 1000 + i,
  currency: 'MNT',
  measure: 'each',
  vatBasisPoints: 1000,
  cityTaxBasisPoints: 0,
  ...extra,
});

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
});

function setUp(): { dir: string; open: () => CatalogStore } {
  const t = tempDataDir();
  cleanups.push(t.cleanup);
  return {
    dir: t.dir,
    open: () => {
      const store = openCatalogStore({ dataDir: t.dir });
      cleanups.push(() => store.close());
      return store;
    },
  };
}

async function importAll(store: CatalogStore, products: readonly Product[]): Promise<void> {
  const writer = store.begin('import');
  await writer.add(products);
  await writer.commit();
}

describe('the catalog on disk', () => {
  it('starts empty, owner-only, and keeps an import across a reopen', async () => {
    const s = setUp();
    const first = s.open();
    expect(first.info()).toEqual({ generation: 0, source: 'empty', size: 0 });
    await importAll(first, [product(1), product(2, { barcodes: ['4860000000002', '4860000000099'] })]);
    await first.close();

    const again = s.open();
    expect(again.info()).toEqual({ generation: 1, source: 'import', size: 2 });
    expect(again.byCode('4860000000001')?.sku).toBe('Sku-1');
    expect(again.byCode('SKU-2')?.sku).toBe('Sku-2'); // sku in any case
    expect(again.byCode('4860000000099')?.sku).toBe('Sku-2'); // a second barcode
    expect(again.search('suu 2').map((p) => p.sku)).toEqual(['Sku-2']);
    expect([...again.products()].map((p) => p.sku)).toEqual(['Sku-1', 'Sku-2']);
    const dir = join(s.dir, 'catalog');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) {
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('a 12-digit UPC-A finds the product stored under its 13-digit EAN form', () => {
    const store = setUp().open();
    store.replaceSync([product(0, { barcode: '0012345678905' })], 'demo');
    expect(store.byCode('012345678905')?.sku).toBe('Sku-0');
    expect(store.byCode(' ')).toBeUndefined();
  });

  it('an import flips to a new generation at once and drops the old one', async () => {
    const store = setUp().open();
    await importAll(store, [product(1)]);
    const writer = store.begin('import');
    await writer.add([product(7)]);
    // Written but not flipped: the till still sells from the old catalog.
    expect(store.byCode('Sku-7')).toBeUndefined();
    expect(store.byCode('Sku-1')).toBeDefined();
    expect(() => store.begin('import')).toThrow(/Another catalog import/);
    expect(await writer.commit()).toEqual({ generation: 2, source: 'import', size: 1 });
    expect(store.byCode('Sku-1')).toBeUndefined();
    expect(store.byCode('Sku-7')?.name).toBe('Сүү 7');
    expect(store.search('')).toHaveLength(1);
  });

  it('an aborted import leaves the catalog as it was', async () => {
    const store = setUp().open();
    await importAll(store, [product(1)]);
    const writer = store.begin('import');
    await writer.add([product(2)]);
    await writer.abort();
    expect(store.info()).toMatchObject({ generation: 1, size: 1 });
    expect(store.byCode('Sku-2')).toBeUndefined();
    await importAll(store, [product(3)]); // the next import starts cleanly
    expect(store.info()).toMatchObject({ generation: 2, size: 1 });
  });

  it('a write failure during an import (full disk) answers storage.full; the old catalog stays', async () => {
    const store = setUp().open();
    await importAll(store, [product(1)]);
    const writer = store.begin('import');
    injectWriteFailure(28);
    try {
      await expect(writer.add([product(2)])).rejects.toMatchObject({ code: 'storage.full' });
      await expect(writer.commit()).rejects.toMatchObject({ code: 'storage.full' });
    } finally {
      injectWriteFailure(undefined);
    }
    await writer.abort();
    expect(store.info()).toMatchObject({ generation: 1, size: 1 });
    expect(store.byCode('Sku-1')).toBeDefined();
    expect(store.byCode('Sku-2')).toBeUndefined();
  });

  it('a crash in the middle of an import: the old catalog on reopen, the leftovers deleted', async () => {
    const s = setUp();
    const store = s.open();
    await importAll(store, [product(1)]);
    const writer = store.begin('import');
    await writer.add([product(2), product(3)]);
    await store.close(); // the process dies here: no commit, no abort

    const again = s.open();
    expect(again.info()).toEqual({ generation: 1, source: 'import', size: 1 });
    expect(again.byCode('Sku-2')).toBeUndefined();
    await again.close();
    const env = open<unknown, string>({ path: join(s.dir, 'catalog'), maxDbs: 16 });
    const leftover = env.openDB<unknown, string>({ name: 'products.g2' });
    expect(leftover.getCount()).toBe(0);
    expect(env.openDB<unknown, string>({ name: 'meta' }).get('pending')).toBeUndefined();
    await env.close();
  });

  it('a damaged product is an error naming the catalog, never a wrong price', async () => {
    const s = setUp();
    const store = s.open();
    store.replaceSync([product(1)], 'demo');
    await store.close();
    const env = open<unknown, string>({ path: join(s.dir, 'catalog'), maxDbs: 16 });
    await env.openDB<unknown, string>({ name: 'products.g1' }).put('sku-1', { sku: 'Sku-1', price: 'free' });
    await env.close();
    const again = s.open();
    expect(() => again.byCode('Sku-1')).toThrow(/catalog in .* is damaged \(product sku-1/);
  });

  it('a damaged saved name index is rebuilt from the products', async () => {
    const s = setUp();
    const store = s.open();
    store.replaceSync([product(1), product(2)], 'demo');
    await store.close();
    const env = open<unknown, string>({ path: join(s.dir, 'catalog'), maxDbs: 16 });
    await env
      .openDB<unknown, number>({ name: 'index.g1' })
      .put(0, { keys: ['sku-1', 'sku-2'], text: 'short' });
    await env.close();
    expect(
      s
        .open()
        .search('suu 2')
        .map((p) => p.sku),
    ).toEqual(['Sku-2']);
  });

  it('refuses a catalog written by a newer Kassa', async () => {
    const s = setUp();
    await s.open().close();
    const env = open<unknown, string>({ path: join(s.dir, 'catalog'), maxDbs: 16 });
    await env.openDB<unknown, string>({ name: 'meta' }).put('schema', CATALOG_SCHEMA + 1);
    await env.close();
    expect(() => openCatalogStore({ dataDir: s.dir })).toThrow(/newer Kassa/);
  });

  it('a second opener of the data dir (the CLI beside a running till) sees an import the first one made', async () => {
    const s = setUp();
    const till = s.open();
    const cli = s.open();
    // lmdb keeps a read snapshot until its own setTimeout(0) resets it (see journal.ts close()); a lookup of
    // the other process comes after that.
    const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
    till.replaceSync([product(1)], 'demo');
    await nextTurn();
    expect(cli.byCode('Sku-1')).toBeDefined();
    await importAll(cli, [product(2)]);
    await nextTurn();
    expect(till.byCode('Sku-1')).toBeUndefined();
    expect(till.byCode('4860000000002')?.sku).toBe('Sku-2');
    expect(till.search('suu').map((p) => p.sku)).toEqual(['Sku-2']);
    expect(till.info()).toEqual({ generation: 2, source: 'import', size: 1 });
  });

  it('replaceSync: the demo catalog, and emptying it', () => {
    const store = setUp().open();
    expect(store.replaceSync([product(1), product(2)], 'demo')).toEqual({
      generation: 1,
      source: 'demo',
      size: 2,
    });
    expect(store.replaceSync([], 'empty')).toEqual({ generation: 2, source: 'empty', size: 0 });
    expect(store.byCode('Sku-1')).toBeUndefined();
    expect(store.search('')).toEqual([]);
  });
});
