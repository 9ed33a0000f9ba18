import { describe, expect, it } from 'vitest';
import type { Product } from '../../shared/channels/sale';
import { computeSaleTotals, type Sale } from '../../shared/domain';
import {
  withAddedLine,
  withItem,
  withLineDiscount,
  withoutLine,
  withQuantity,
  withSaleDiscount,
} from './line-edits';

const MILK: Product = {
  sku: 'MILK',
  barcode: '8650001000015',
  name: 'Milk',
  price: 4_500,
  currency: 'MNT',
  measure: 'each',
  vatBasisPoints: 1000,
  cityTaxBasisPoints: 0,
};
const APPLES: Product = {
  ...MILK,
  sku: 'APPLES',
  barcode: '2000001000007',
  name: 'Apples',
  measure: 'weight',
};
const WINE: Product = { ...MILK, sku: 'WINE', barcode: '4860000000001', currency: 'GEL' };
const lookup = (code: string): Product | undefined =>
  [MILK, APPLES, WINE].find((p) => p.barcode === code || p.sku === code);

function empty(): Sale {
  const base = { currency: 'MNT' as const, lines: [], discount: null };
  return {
    ...base,
    id: 'S1',
    number: 1,
    status: 'open',
    totals: computeSaleTotals(base),
    createdAt: 0,
    updatedAt: 0,
  };
}

/** The sale with its totals recomputed, as the service saves it. */
const totalled = (sale: Sale): Sale => ({ ...sale, totals: computeSaleTotals(sale) });

describe('line edits', () => {
  it('a repeated piece item adds to its line; a weighed item needs grams; a free item gets the default VAT', () => {
    let sale = withAddedLine(empty(), { kind: 'catalog', code: MILK.barcode ?? '' }, lookup);
    sale = withAddedLine(sale, { kind: 'catalog', code: 'MILK', quantity: 2 }, lookup);
    expect(sale.lines.map((l) => [l.id, l.quantity])).toEqual([['L1', 3]]);
    expect(() => withAddedLine(sale, { kind: 'catalog', code: 'APPLES' }, lookup)).toThrow(/by weight/);
    sale = withAddedLine(sale, { kind: 'catalog', code: 'APPLES', quantity: 1500 }, lookup);
    sale = withAddedLine(sale, { kind: 'free', name: 'Bag', unitPrice: 200 }, lookup);
    expect(sale.lines.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
    expect(sale.lines[2]).toMatchObject({ name: 'Bag', vatBasisPoints: 1000, measure: 'each' });
  });

  it('a free-amount item carries the shop’s free-item classification code, or none', () => {
    const bag = { kind: 'free', name: 'Bag', unitPrice: 200 } as const;
    expect(withItem(empty(), bag, lookup, '2211000').sale.lines[0]?.classificationCode).toBe('2211000');
    expect(withItem(empty(), bag, lookup).sale.lines[0]).not.toHaveProperty('classificationCode');
  });

  it('names the line that took the item: the counted-up piece line, or the new one', () => {
    const first = withItem(empty(), { kind: 'catalog', code: 'MILK' }, lookup);
    const again = withItem(first.sale, { kind: 'catalog', code: 'MILK' }, lookup);
    const apples = withItem(again.sale, { kind: 'catalog', code: 'APPLES', quantity: 500 }, lookup);
    expect([first.lineId, again.lineId, apples.lineId]).toEqual(['L1', 'L1', 'L2']);
  });

  it('a price label sells its item at the label price, one line per label, never counted up', () => {
    let sale = withAddedLine(empty(), { kind: 'catalog', code: 'MILK' }, lookup);
    sale = withAddedLine(sale, { kind: 'catalog', code: 'APPLES', quantity: 1, labelPrice: 1_234 }, lookup);
    const second = withItem(
      sale,
      { kind: 'catalog', code: 'APPLES', quantity: 1, labelPrice: 1_234 },
      lookup,
    );
    // A labelled milk is not counted up on the shelf-price milk line either.
    const labelledMilk = withItem(second.sale, { kind: 'catalog', code: 'MILK', labelPrice: 4_000 }, lookup);
    expect(labelledMilk.lineId).toBe('L4');
    expect(labelledMilk.sale.lines.map((l) => [l.sku, l.measure, l.quantity, l.unitPrice.amount])).toEqual([
      ['MILK', 'each', 1, 4_500],
      ['APPLES', 'each', 1, 1_234],
      ['APPLES', 'each', 1, 1_234],
      ['MILK', 'each', 1, 4_000],
    ]);
    // A shelf-price scan counts up the shelf-price line, not the labelled one.
    expect(withItem(labelledMilk.sale, { kind: 'catalog', code: 'MILK' }, lookup).lineId).toBe('L1');
  });

  it('refuses unknown codes and products in another currency', () => {
    expect(() => withAddedLine(empty(), { kind: 'catalog', code: '123' }, lookup)).toThrow(
      expect.objectContaining({ code: 'not_found' }) as Error,
    );
    expect(() => withAddedLine(empty(), { kind: 'catalog', code: 'WINE' }, lookup)).toThrow(
      expect.objectContaining({ code: 'validation' }) as Error,
    );
  });

  it('discounts must fit their line (also after a quantity change) and the sale after line discounts', () => {
    let sale = totalled(withAddedLine(empty(), { kind: 'catalog', code: 'MILK', quantity: 2 }, lookup));
    sale = withLineDiscount(sale, 'L1', { kind: 'amount', amount: 9_000 });
    expect(() => withQuantity(sale, 'L1', 1)).toThrow(/larger than the line \(4500\)/);
    expect(() => withLineDiscount(sale, 'L1', { kind: 'amount', amount: 9_001 })).toThrow(
      /larger than the line/,
    );
    sale = totalled(withLineDiscount(sale, 'L1', { kind: 'amount', amount: 1_000 }));
    expect(() => withSaleDiscount(sale, { kind: 'amount', amount: 8_001 })).toThrow(/larger than the sale/);
    expect(withSaleDiscount(sale, { kind: 'amount', amount: 8_000 }).discount).toEqual({
      kind: 'amount',
      amount: 8_000,
    });
  });

  it('removes a line by id; an unknown line is not_found', () => {
    const sale = withAddedLine(empty(), { kind: 'free', name: 'Bag', unitPrice: 200 }, lookup);
    expect(withoutLine(sale, 'L1').lines).toEqual([]);
    expect(() => withoutLine(sale, 'L9')).toThrow(expect.objectContaining({ code: 'not_found' }) as Error);
  });
});
