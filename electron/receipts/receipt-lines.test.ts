import { describe, expect, it } from 'vitest';
import type { Product } from '../../shared/channels/sale';
import { computeSaleTotals, type Sale } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { withAddedLine } from '../sales/line-edits';
import { receiptLines } from './receipt-lines';

const MILK: Product = {
  sku: 'MILK',
  barcode: '8650001000015',
  name: 'Сүү',
  price: 4_500,
  currency: 'MNT',
  measure: 'each',
  vatBasisPoints: 1000,
  cityTaxBasisPoints: 0,
  taxType: 'VAT_ABLE',
  classificationCode: '2211000',
};
const FLOUR: Product = {
  ...MILK,
  sku: 'FLOUR',
  barcode: '8650001000022',
  name: 'Гурил',
  measure: 'weight',
  price: 3_000,
  vatBasisPoints: 0,
  taxType: 'VAT_FREE',
  classificationCode: '0111000',
  taxProductCode: '101',
};
const VODKA: Product = {
  ...MILK,
  sku: 'VODKA',
  barcode: '8650001000046',
  name: 'Архи',
  cityTaxBasisPoints: 200,
};
const UNCODED: Product = {
  sku: 'SALT',
  name: 'Давс',
  price: 500,
  currency: 'MNT',
  measure: 'each',
  vatBasisPoints: 1000,
  cityTaxBasisPoints: 0,
};
const lookup = (code: string): Product | undefined =>
  [MILK, FLOUR, VODKA, UNCODED].find((p) => p.sku === code);

function saleOf(items: { code: string; quantity?: number }[]): Sale {
  const base = { currency: 'MNT' as const, lines: [], discount: null };
  let sale: Sale = {
    ...base,
    id: 'S1',
    number: 1,
    status: 'paid',
    totals: computeSaleTotals(base),
    createdAt: 0,
    updatedAt: 0,
  };
  for (const item of items) {
    sale = withAddedLine(sale, { kind: 'catalog', ...item }, lookup);
  }
  return { ...sale, totals: computeSaleTotals(sale) };
}

describe('receipt lines carry each product’s own codes', () => {
  it('classification code, tax type, tax product code, unit and city tax come from the product', () => {
    const lines = receiptLines(
      saleOf([{ code: 'MILK', quantity: 2 }, { code: 'FLOUR', quantity: 1500 }, { code: 'VODKA' }]),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        name: 'Сүү',
        barCode: '8650001000015',
        classificationCode: '2211000',
        taxType: 'VAT_ABLE',
        measureUnit: 'ш',
        qty: 2,
        amount: 9_000,
        cityTax: false,
      }),
      expect.objectContaining({
        classificationCode: '0111000',
        taxType: 'VAT_FREE',
        taxProductCode: '101',
        measureUnit: 'кг',
        qty: 1.5,
        amount: 4_500,
      }),
      expect.objectContaining({ classificationCode: '2211000', cityTax: true }),
    ]);
    expect(lines[0]).not.toHaveProperty('taxProductCode');
  });

  it('refuses a sale with a product that has no code, naming it, with receipt.product-codes', () => {
    let caught: unknown;
    try {
      receiptLines(saleOf([{ code: 'MILK' }, { code: 'SALT' }]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KassaError);
    expect(caught).toMatchObject({ code: 'receipt.product-codes', params: { products: 'Давс' } });
  });

  it('refuses a free-amount line (no product, so no codes) and a VAT-free product without its tax product code', () => {
    const free = withAddedLine(
      saleOf([{ code: 'MILK' }]),
      { kind: 'free', name: 'Bag', unitPrice: 200 },
      lookup,
    );
    expect(() => receiptLines({ ...free, totals: computeSaleTotals(free) })).toThrow(
      /Bag has no classification/,
    );
    const noTaxProduct: Product = { ...FLOUR, sku: 'RICE', name: 'Будаа' };
    delete noTaxProduct.taxProductCode;
    const sale = withAddedLine(saleOf([]), { kind: 'catalog', code: 'RICE', quantity: 1000 }, (c) =>
      c === 'RICE' ? noTaxProduct : undefined,
    );
    expect(() => receiptLines({ ...sale, totals: computeSaleTotals(sale) })).toThrow(/Будаа/);
  });
});
