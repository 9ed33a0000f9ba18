import { describe, expect, it } from 'vitest';
import { KassaError } from '../kernel/errors';
import { importCatalogCsv, parseCsv } from './csv-import';

function failure(fn: () => unknown): KassaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KassaError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a KassaError');
}

describe('CSV catalog import', () => {
  it('imports a good file: any column order, quoted commas, BOM, CRLF, major-unit prices, percent taxes', () => {
    const csv =
      '\uFEFFname,SKU,price,barcode,unit,vat_percent,city_tax_percent\r\n' +
      '"Khachapuri, Imeruli",GE-1,8.50,4860002000011,each,18,0\r\n' +
      'Tomatoes,GE-2,4.8,,kg,18,\r\n';
    expect(importCatalogCsv(csv, 'GEL')).toEqual([
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

  it('reports every bad row with its line number and imports nothing', () => {
    const csv = [
      'sku,name,price,barcode,unit,vat_percent',
      'A1,Milk,4500,8650001000015,each,10', // line 2: fine
      'A2,,4500,,each,10', // line 3: no name
      'A3,Bread,12.5,,each,10', // line 4: MNT has no decimals
      'A4,Water,1200,8650001000016,each,10', // line 5: bad check digit
      'A5,Tea,800,,box,10', // line 6: bad unit
      'A1,Again,100,,each,10', // line 7: duplicate sku
      'A7,Cake,100,,each', // line 8: short row
      'A8,Beer,3000,,each,abc', // line 9: bad vat
    ].join('\n');
    const error = failure(() => importCatalogCsv(csv, 'MNT'));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^Nothing was imported: 7 problems/);
    expect(error.issues?.map((i) => i.path)).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'line 9',
    ]);
    expect(error.issues?.[2]?.message).toMatch(/check digit/);
    expect(error.issues?.[4]?.message).toMatch(/already used on line 2/);
  });

  it('line numbers count physical lines, including newlines inside quotes', () => {
    const csv = 'sku,name,price\nA,"two\nline name",100\nB,,100\n';
    expect(failure(() => importCatalogCsv(csv, 'MNT')).issues).toEqual([
      { path: 'line 4', message: expect.stringMatching(/name/) as string },
    ]);
    expect(parseCsv(csv).map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('refuses a bad header: missing, unknown and repeated columns', () => {
    const error = failure(() => importCatalogCsv('sku,title,price,price\nA,B,1,1\n', 'MNT'));
    expect(error.issues?.map((i) => i.message)).toEqual([
      'missing column "name"',
      'unknown column "title"',
      'column "price" appears twice',
    ]);
    expect(failure(() => importCatalogCsv('sku,name,price\n', 'MNT')).message).toMatch(/no products/);
    expect(failure(() => importCatalogCsv('\n\n', 'MNT')).message).toMatch(/no header/);
  });
});
