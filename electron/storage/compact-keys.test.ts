import { describe, expect, it } from 'vitest';
import { computeSaleTotals, type Sale } from '../../shared/domain';
import { compactKeys, expandKeys } from './compact-keys';

describe('short field names on disk', () => {
  it('round-trips a row, nested objects and arrays included, and is shorter', () => {
    const base = {
      currency: 'MNT' as const,
      discount: { kind: 'percent' as const, basisPoints: 1000 },
      lines: [
        {
          id: 'L1',
          sku: 'MN-MILK-1L',
          barcode: '8650001000015',
          name: 'Сүү 1 л',
          unitPrice: { amount: 4500, currency: 'MNT' as const },
          measure: 'each' as const,
          quantity: 2,
          discount: null,
          vatBasisPoints: 1000,
          cityTaxBasisPoints: 0,
        },
      ],
    };
    const sale: Sale = {
      ...base,
      id: 'S1',
      number: 1,
      status: 'paid',
      totals: computeSaleTotals(base),
      createdAt: 1,
      updatedAt: 2,
    };
    const stored = compactKeys(sale);
    expect(JSON.stringify(stored)).not.toContain('cityTaxBasisPoints');
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(sale).length * 0.7);
    expect(expandKeys(stored)).toEqual(sale);
  });

  it('keeps names it does not know, and its codes are never real names', () => {
    expect(expandKeys(compactKeys({ somethingNew: { id: 'x' } }))).toEqual({ somethingNew: { id: 'x' } });
    expect(compactKeys({ somethingNew: 1 })).toEqual({ somethingNew: 1 });
    expect(Object.keys(compactKeys({ id: 1, status: 2 }) as object).every((k) => k.startsWith('~'))).toBe(
      true,
    );
  });
});
