import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './bridge';

describe('reconnect back-off', () => {
  it('0.5 s, 1 s, 2 s, 4 s, then 8 s at most, each within ±20 %', () => {
    const mid = (): number => 0.5;
    expect([0, 1, 2, 3, 4, 5, 20].map((n) => reconnectDelay(n, mid))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect(reconnectDelay(0, () => 0)).toBe(400);
    expect(reconnectDelay(10, () => 1)).toBe(9600);
  });
});
