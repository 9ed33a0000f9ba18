import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  divideRounded,
  formatMoney,
  fromMajorString,
  money,
  multiplyByThousandths,
  percentOf,
  toMajorString,
} from './money';

describe('money', () => {
  it('writes minor units as major-unit strings without floats', () => {
    expect(toMajorString(money(1250, 'GEL'))).toBe('12.50');
    expect(toMajorString(money(5, 'GEL'))).toBe('0.05');
    expect(toMajorString(money(-5, 'GEL'))).toBe('-0.05');
    expect(toMajorString(money(12500, 'MNT'))).toBe('12500');
  });

  it('round-trips every amount through the major-unit string', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('MNT', 'GEL', 'UZS' as const),
        (amount, cur) => {
          expect(fromMajorString(toMajorString(money(amount, cur)), cur)).toEqual(money(amount, cur));
        },
      ),
    );
  });

  it('rejects floats and over-precise strings', () => {
    expect(() => money(0.1, 'GEL')).toThrow(/safe integer/);
    expect(() => fromMajorString('1.005', 'GEL')).toThrow(/more than 2 decimals/);
    expect(() => fromMajorString('1.5', 'MNT')).toThrow(/more than 0 decimals/);
    expect(() => fromMajorString('abc', 'MNT')).toThrow(/not a decimal/);
  });

  it('rounds half away from zero in integers', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(multiplyByThousandths(money(3999, 'MNT'), 1250)).toEqual(money(4999, 'MNT'));
    expect(percentOf(money(10000, 'MNT'), 1000)).toEqual(money(1000, 'MNT'));
  });

  it('formats with grouping and symbol', () => {
    expect(formatMoney(money(1234567, 'MNT'))).toBe('1\u202f234\u202f567 ₮');
    expect(formatMoney(money(1250, 'GEL'))).toBe('12.50 ₾');
  });
});
