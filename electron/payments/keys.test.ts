import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idempotencyKeyFor, refundKeyFor } from './keys';

describe('idempotency keys', () => {
  it('are stable, alphanumeric, ≤ 32 chars and distinct per (sale, attempt)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{1,24}$/),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 999 }),
        (sale, a, b) => {
          const key = idempotencyKeyFor(sale, a);
          expect(key).toMatch(/^[A-Za-z0-9]{1,32}$/);
          expect(idempotencyKeyFor(sale, a)).toBe(key);
          expect(idempotencyKeyFor(sale, b) === key).toBe(a === b);
          expect(refundKeyFor(key, 1)).toMatch(/^[A-Za-z0-9]{1,32}$/);
        },
      ),
    );
  });

  it('refuses what no provider would accept', () => {
    expect(() => idempotencyKeyFor('S-1', 1)).toThrow(/alphanumeric/);
    expect(() => idempotencyKeyFor('S1', 0)).toThrow();
  });
});
