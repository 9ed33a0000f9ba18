import { describe, expect, it } from 'vitest';
import { formatStoreTime } from './store-time';

describe('formatStoreTime', () => {
  const instant = Date.UTC(2026, 10, 30, 16, 5, 9); // 2026-11-30 16:05:09 UTC

  it('writes the wall-clock time of the store zone, not of the computer', () => {
    expect(formatStoreTime(instant, 'Asia/Ulaanbaatar')).toBe('2026-12-01 00:05:09');
    expect(formatStoreTime(instant, 'Asia/Tbilisi')).toBe('2026-11-30 20:05:09');
    expect(formatStoreTime(new Date(instant), 'Asia/Tashkent')).toBe('2026-11-30 21:05:09');
    expect(formatStoreTime(instant, 'UTC')).toBe('2026-11-30 16:05:09');
  });

  it('uses 24-hour time at midnight', () => {
    expect(formatStoreTime(Date.UTC(2026, 0, 1, 16, 0, 0), 'Asia/Ulaanbaatar')).toBe('2026-01-02 00:00:00');
  });

  it('refuses an unknown zone', () => {
    expect(() => formatStoreTime(instant, 'Mars/Olympus')).toThrow(RangeError);
  });
});
