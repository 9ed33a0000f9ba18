import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KassaError } from '../kernel/errors';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { openCatalogStore, type CatalogStore } from '../storage/catalog-store';
import { exportCatalogFile } from './catalog-export';
import { delimiterOf, importCatalogFile, type ImportProgress } from './catalog-import';
import type { RowRules } from './catalog-row';
import { generatedBarcode, writePriceList } from './testing/price-list';

const MN: RowRules = {
  currency: 'MNT',
  defaultVatBasisPoints: 1000,
  defaultCityTaxBasisPoints: 200,
  receiptCodes: true,
};
const GE: RowRules = {
  currency: 'GEL',
  defaultVatBasisPoints: 1800,
  defaultCityTaxBasisPoints: 0,
  receiptCodes: false,
};

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) {
    await c();
  }
  cleanups = [];
});

function setUp(): {
  dir: string;
  store: CatalogStore;
  file(name: string, text: string): string;
  reopen(): CatalogStore;
} {
  const t = tempDataDir();
  cleanups.push(t.cleanup);
  const opened: CatalogStore[] = [];
  const openStore = (): CatalogStore => {
    const store = openCatalogStore({ dataDir: t.dir });
    opened.push(store);
    cleanups.push(() => store.close());
    return store;
  };
  const store = openStore();
  return {
    dir: t.dir,
    store,
    file(name, text) {
      const path = join(t.dir, name);
      writeFileSync(path, text);
      return path;
    },
    reopen() {
      void store.close();
      return openStore();
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<KassaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KassaError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a KassaError');
}

describe('CSV catalog import from a file', () => {
  it('comma file: any column order, quoted commas, BOM, CRLF, major-unit prices, percent taxes', async () => {
    const s = setUp();
    const path = s.file(
      'ge.csv',
      '\uFEFFname,SKU,price,barcode,unit,vat_percent,city_tax_percent\r\n' +
        '"Khachapuri, Imeruli",GE-1,8.50,4860002000011,each,18,0\r\n' +
        'Tomatoes,GE-2,4.8,,kg,18,\r\n',
    );
    const outcome = await importCatalogFile({ source: { path }, store: s.store, rules: GE });
    expect(outcome).toEqual({ imported: 2, dryRun: false, warnings: [], warningCount: 0 });
    expect([...s.store.products()]).toEqual([
      {
        sku: 'GE-1',
        name: 'Khachapuri, Imeruli',
        price: 850,
        currency: 'GEL',
        measure: 'each',
        barcode: '4860002000011',
        vatBasisPoints: 1800,
        cityTaxBasisPoints: 0,
      },
      {
        sku: 'GE-2',
        name: 'Tomatoes',
        price: 480,
        currency: 'GEL',
        measure: 'weight',
        vatBasisPoints: 1800,
        cityTaxBasisPoints: 0,
      },
    ]);
  });

  it('semicolon file from a ru/mn Excel: decimal comma, quoted newline, the new columns', async () => {
    const s = setUp();
    const path = s.file(
      'mn.csv',
      '\uFEFFsku;name;price;barcodes;unit;tax_type;classification_code;tax_product_code;city_tax;category;favourite\n' +
        'A1;"Сүү\n1 л";4 500;8650001000015|8650001000022;ш;VAT_ABLE;2211000;;нет;Сүүн бүтээгдэхүүн;тийм\n' +
        'A2;Гурил;1250,00;;кг;VAT_FREE;0111000;101;yes;;\n',
    );
    expect(delimiterOf('sku;name;price\n1,2;3;4')).toBe(';');
    const outcome = await importCatalogFile({ source: { path }, store: s.store, rules: MN });
    expect(outcome).toMatchObject({ imported: 2, warningCount: 0 });
    expect(s.store.byCode('8650001000022')).toEqual({
      sku: 'A1',
      name: 'Сүү 1 л', // the line break inside quotes is cleaned to a space
      price: 4500,
      currency: 'MNT',
      measure: 'each',
      barcode: '8650001000015',
      barcodes: ['8650001000015', '8650001000022'],
      vatBasisPoints: 1000, // VAT_ABLE without vat_percent: the country's VAT
      cityTaxBasisPoints: 0,
      taxType: 'VAT_ABLE',
      classificationCode: '2211000',
      category: 'Сүүн бүтээгдэхүүн',
      favourite: true,
    });
    expect(s.store.byCode('a2')).toMatchObject({
      price: 1250,
      measure: 'weight',
      vatBasisPoints: 0,
      cityTaxBasisPoints: 200, // city_tax yes: the settings' rate
      taxType: 'VAT_FREE',
      taxProductCode: '101',
    });
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const s = setUp();
    s.store.replaceSync(
      [
        {
          sku: 'OLD',
          name: 'Old',
          price: 1,
          currency: 'MNT',
          measure: 'each',
          vatBasisPoints: 0,
          cityTaxBasisPoints: 0,
        },
      ],
      'import',
    );
    const path = s.file(
      'bad.csv',
      [
        'sku,name,price,barcode,unit,vat_percent',
        'A1,Milk,4500,8650001000015,each,10', // line 2: fine
        'A2,,4500,,each,10', // line 3: no name
        'A3,Bread,12.5,,each,10', // line 4: MNT has no decimals
        'A4,Water,1200,8650001000016,each,10', // line 5: bad check digit
        'A5,"Tea',
        'two lines",800,,box,10', // lines 6–7: bad unit, reported where the row starts
        'A1,Again,100,,each,10', // line 8: duplicate sku
        'A7,Cake,100,,each', // line 9: short row
        'A8,Beer,3000,,each,abc', // line 10: bad vat
      ].join('\n'),
    );
    const error = await failure(importCatalogFile({ source: { path }, store: s.store, rules: MN }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^Nothing was imported: 7 problems/);
    expect(error.issues?.map((i) => i.path)).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 8',
      'line 9',
      'line 10',
    ]);
    expect(error.issues?.[2]?.message).toMatch(/check digit/);
    expect(error.issues?.[3]?.message).toMatch(/unit "box"/);
    expect(error.issues?.[4]?.message).toMatch(/already used on line 2/);
    // All or nothing: the catalog is the one before.
    expect(s.store.info()).toMatchObject({ source: 'import', size: 1 });
    expect(s.store.byCode('OLD')).toBeDefined();
    expect(s.store.byCode('A1')).toBeUndefined();
  });

  it('refuses a bad header, an empty file and a broken quote', async () => {
    const s = setUp();
    const header = await failure(
      importCatalogFile({ source: { text: 'sku,title,price,price\nA,B,1,1\n' }, store: s.store, rules: MN }),
    );
    expect(header.issues?.map((i) => i.message)).toEqual([
      'missing column "name"',
      'unknown column "title"',
      'column "price" appears twice',
    ]);
    expect(
      (await failure(importCatalogFile({ source: { text: 'sku,name,price\n' }, store: s.store, rules: MN })))
        .message,
    ).toMatch(/no products/);
    expect(
      (await failure(importCatalogFile({ source: { text: '\n\n' }, store: s.store, rules: MN }))).message,
    ).toMatch(/no header/);
    const quote = await failure(
      importCatalogFile({
        source: { text: 'sku,name,price\nA,"open,1\nB,b,2\n' },
        store: s.store,
        rules: MN,
      }),
    );
    expect(quote.issues?.[0]?.message).toMatch(/quote/i);
    expect(s.store.info().size).toBe(0);
  });

  it('warns, by line, about products a Mongolian receipt would refuse, and imports them', async () => {
    const s = setUp();
    const outcome = await importCatalogFile({
      source: {
        text: 'sku,name,price,classification_code,tax_type\nA,Tea,800,2211000,VAT_ABLE\nB,Salt,300,12,\nC,Rice,900,,VAT_ZERO\n',
      },
      store: s.store,
      rules: MN,
    });
    expect(outcome.imported).toBe(3);
    expect(outcome.warnings.map((w) => w.line)).toEqual([3, 4]);
    expect(outcome.warnings[0]?.message).toMatch(/"12" is not 7 digits.*a Mongolian receipt refuses it/);
    expect(outcome.warnings[1]?.message).toMatch(/tax_product_code/);
    expect(s.store.byCode('B')?.classificationCode).toBeUndefined();
  });

  it('a dry run checks every row and changes nothing', async () => {
    const s = setUp();
    const outcome = await importCatalogFile({
      source: { text: 'sku,name,price\nA,Tea,800\n' },
      store: s.store,
      rules: GE,
      dryRun: true,
    });
    expect(outcome).toMatchObject({ imported: 1, dryRun: true });
    expect(s.store.info()).toMatchObject({ generation: 0, size: 0 });
  });

  it('exports a CSV that imports back to the same products', async () => {
    const s = setUp();
    const path = s.file(
      'in.csv',
      'sku;name;price;barcode;barcodes;unit;vat_percent;city_tax_percent;tax_type;classification_code;tax_product_code;category;favourite\n' +
        'A;"Quote "" and, comma";12,5;4860002000011;4860002000028 4860002000035;kg;18;1,5;VAT_ABLE;2211000;;Fruit;yes\n' +
        'B;Bread;3;;;each;0;0;VAT_ZERO;1234567;101;;\n',
    );
    await importCatalogFile({ source: { path }, store: s.store, rules: GE });
    const before = [...s.store.products()];
    const out = join(s.dir, 'out.csv');
    expect(await exportCatalogFile(out, s.store.products())).toBe(2);
    await importCatalogFile({ source: { path: out }, store: s.store, rules: GE });
    expect([...s.store.products()]).toEqual(before);
    expect(before[0]).toMatchObject({
      price: 1250,
      cityTaxBasisPoints: 150,
      barcodes: ['4860002000011', '4860002000028', '4860002000035'],
    });
  });

  it('100 000 rows from a generated file: imported with progress, reopened, the last item found by barcode', async () => {
    const s = setUp();
    const path = join(s.dir, 'big.csv');
    await writePriceList(path, 100_000);
    const progress: ImportProgress[] = [];
    const outcome = await importCatalogFile({
      source: { path },
      store: s.store,
      rules: MN,
      onProgress: (p) => progress.push(p),
    });
    expect(outcome).toMatchObject({ imported: 100_000, warningCount: 0 });
    expect(progress.length).toBeGreaterThanOrEqual(20);
    expect(progress.at(-1)).toMatchObject({ rows: 100_000, done: true });
    expect(progress[0]?.bytes).toBeLessThan(progress[0]?.totalBytes ?? 0);
    const reopened = s.reopen();
    expect(reopened.info()).toMatchObject({ size: 100_000 });
    expect(reopened.byCode(generatedBarcode(99_999))).toMatchObject({
      sku: 'P-99999',
      classificationCode: '2211000',
    });
    expect(reopened.search('suu 99990').map((p) => p.sku)).toEqual(['P-99990']);
  }, 120_000);
});
