import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, computeSaleTotals, type Discount, type Line } from './domain';

const discountArb: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5_000_000 }).map((amount): Discount => ({ kind: 'amount', amount })),
  fc.integer({ min: 0, max: 10_000 }).map((basisPoints): Discount => ({ kind: 'percent', basisPoints })),
);

const lineArb: fc.Arbitrary<Line> = fc.record({
  id: fc.stringMatching(/^L[0-9]{1,3}$/),
  name: fc.constant('item'),
  unitPrice: fc.integer({ min: 0, max: 50_000_000 }).map((amount) => ({ amount, currency: 'UZS' as const })),
  measure: fc.constantFrom('each' as const, 'weight' as const),
  quantity: fc.integer({ min: 1, max: 100_000 }),
  discount: discountArb,
  vatBasisPoints: fc.constantFrom(0, 1000, 1200, 1800),
  cityTaxBasisPoints: fc.constantFrom(0, 100, 200),
});

const saleArb = fc.record({
  currency: fc.constant('UZS' as const),
  lines: fc.array(lineArb, { maxLength: 12 }),
  discount: discountArb,
});

describe('computeSaleTotals', () => {
  it('parts sum exactly to the total, nothing is negative, everything is an integer', () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const t = computeSaleTotals(sale);
        const sumOf = (pick: (l: (typeof t.lines)[number]) => number): number =>
          t.lines.reduce((acc, l) => acc + pick(l), 0);
        expect(sumOf((l) => l.total)).toBe(t.total);
        expect(sumOf((l) => l.saleDiscount)).toBe(t.saleDiscount);
        expect(t.total).toBe(t.subtotal - t.lineDiscounts - t.saleDiscount);
        expect(t.vat + t.cityTax + t.net).toBe(t.total);
        for (const l of t.lines) {
          expect(l.gross - l.lineDiscount - l.saleDiscount).toBe(l.total);
          expect(l.vat + l.cityTax + l.net).toBe(l.total);
          for (const v of Object.values(l)) {
            if (typeof v === 'number') {
              expect(Number.isSafeInteger(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
          }
        }
        for (const v of [t.subtotal, t.lineDiscounts, t.saleDiscount, t.total, t.vat, t.cityTax, t.net]) {
          expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches a hand-worked Mongolian sale (VAT-inclusive, city tax, sale discount by largest remainder)', () => {
    const line = (id: string, amount: number, quantity: number, city = 0): Line => ({
      id,
      name: id,
      unitPrice: { amount, currency: 'MNT' },
      measure: 'each',
      quantity,
      discount: null,
      vatBasisPoints: 1000,
      cityTaxBasisPoints: city,
    });
    const t = computeSaleTotals({
      currency: 'MNT',
      lines: [line('L1', 1000, 1), line('L2', 1000, 1), line('L3', 1000, 1, 100)],
      discount: { kind: 'amount', amount: 100 },
    });
    // 100 over three equal lines: 33 + 33 + 33 leaves 1, which goes to the first line (ties → earlier line).
    expect(t.lines.map((l) => l.saleDiscount)).toEqual([34, 33, 33]);
    expect(t.total).toBe(2900);
    // 967 × 1000/11000 = 87.9 → 88; the city-tax line: 967 × 1000/11100 = 87.1 → 87 and 967 × 100/11100 = 8.7 → 9.
    expect(t.lines.map((l) => [l.vat, l.cityTax])).toEqual([
      [88, 0],
      [88, 0],
      [87, 9],
    ]);
  });

  it('weights are thousandths of a kg, rounded half-up to a minor unit; percent discounts round half-up', () => {
    const t = computeSaleTotals({
      currency: 'GEL',
      lines: [
        {
          id: 'L1',
          name: 'tomatoes',
          unitPrice: { amount: 480, currency: 'GEL' },
          measure: 'weight',
          quantity: 1255,
          discount: { kind: 'percent', basisPoints: 1000 },
          vatBasisPoints: 1800,
          cityTaxBasisPoints: 0,
        },
      ],
      discount: null,
    });
    expect(t.lines[0]).toMatchObject({ gross: 602, lineDiscount: 60, total: 542 });
  });

  it('a discount never exceeds what it applies to', () => {
    const t = computeSaleTotals({
      currency: 'MNT',
      lines: [
        {
          id: 'L1',
          name: 'x',
          unitPrice: { amount: 500, currency: 'MNT' },
          measure: 'each',
          quantity: 1,
          discount: { kind: 'amount', amount: 900 },
          vatBasisPoints: 1000,
          cityTaxBasisPoints: 0,
        },
      ],
      discount: { kind: 'amount', amount: 50 },
    });
    expect(t).toMatchObject({ lineDiscounts: 500, saleDiscount: 0, total: 0 });
  });
});

describe('allocateLargestRemainder', () => {
  it('sums exactly, never exceeds a weight, and handles amounts past 2^53 products', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4_000_000_000 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        (weights, wanted) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const amount = Math.min(wanted, total);
          const parts = allocateLargestRemainder(amount, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : amount);
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(weights[i] ?? 0);
          });
        },
      ),
    );
  });
});
