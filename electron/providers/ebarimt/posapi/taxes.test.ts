import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReceiptTaxes, TAX_TYPES, type TaxLineInput } from './taxes';

describe('computeReceiptTaxes', () => {
  it('reproduces the PosAPI document example 1000 + 100 + 20 = 1120', () => {
    const result = computeReceiptTaxes([{ amount: 1120, taxType: 'VAT_ABLE', cityTaxBasisPoints: 200 }]);
    expect(result.totals).toEqual({ totalAmount: 1120, base: 1000, vat: 100, cityTax: 20 });
  });

  it('charges no VAT on VAT_FREE / VAT_ZERO / NOT_VAT lines but keeps their city tax', () => {
    const result = computeReceiptTaxes([
      { amount: 1100, taxType: 'VAT_ABLE', cityTaxBasisPoints: 0 },
      { amount: 1020, taxType: 'VAT_FREE', cityTaxBasisPoints: 200 },
      { amount: 500, taxType: 'NOT_VAT', cityTaxBasisPoints: 0 },
    ]);
    expect(result.lines).toEqual([
      { totalAmount: 1100, base: 1000, vat: 100, cityTax: 0 },
      { totalAmount: 1020, base: 1000, vat: 0, cityTax: 20 },
      { totalAmount: 500, base: 500, vat: 0, cityTax: 0 },
    ]);
    expect(result.groups.map((g) => g.taxType)).toEqual(['VAT_ABLE', 'VAT_FREE', 'NOT_VAT']);
    expect(result.totals).toEqual({ totalAmount: 2620, base: 2500, vat: 100, cityTax: 20 });
  });

  it('rounds half-up on amounts that do not divide evenly', () => {
    // 999 / 1.12 = 891.96 base → VAT 89.196 → 89, city 17.84 → 18, base takes the remainder.
    const [line] = computeReceiptTaxes([{ amount: 999, taxType: 'VAT_ABLE', cityTaxBasisPoints: 200 }]).lines;
    expect(line).toEqual({ totalAmount: 999, base: 892, vat: 89, cityTax: 18 });
  });

  it('rejects fractional and negative amounts', () => {
    expect(() => computeReceiptTaxes([{ amount: 10.5, taxType: 'VAT_ABLE', cityTaxBasisPoints: 0 }])).toThrow(
      RangeError,
    );
    expect(() => computeReceiptTaxes([{ amount: -1, taxType: 'VAT_ABLE', cityTaxBasisPoints: 0 }])).toThrow(
      RangeError,
    );
  });

  const lineArb: fc.Arbitrary<TaxLineInput> = fc.record({
    amount: fc.integer({ min: 0, max: 50_000_000 }),
    taxType: fc.constantFrom(...TAX_TYPES),
    cityTaxBasisPoints: fc.constantFrom(0, 100, 200),
  });

  it('property: parts are integers and sum to the total, per line, per group and overall', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (lines) => {
        const result = computeReceiptTaxes(lines);
        const all = [...result.lines, ...result.groups, result.totals];
        for (const parts of all) {
          for (const value of [parts.base, parts.vat, parts.cityTax, parts.totalAmount]) {
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
          expect(parts.base + parts.vat + parts.cityTax).toBe(parts.totalAmount);
        }
        expect(result.totals.totalAmount).toBe(lines.reduce((s, l) => s + l.amount, 0));
        expect(result.groups.reduce((s, g) => s + g.vat, 0)).toBe(result.totals.vat);
        // VAT is about a tenth of the base (within rounding) and only on VAT_ABLE lines.
        result.lines.forEach((parts, i) => {
          if (lines[i]?.taxType === 'VAT_ABLE') {
            expect(Math.abs(parts.vat * 10 - parts.base)).toBeLessThanOrEqual(15);
          } else {
            expect(parts.vat).toBe(0);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
