import { describe, expect, it } from 'vitest';
import { drawerKickBytes } from './drawer';

describe('drawer kick', () => {
  it('pulses pin 2 for 100 ms on, 200 ms off by default', () => {
    expect([...drawerKickBytes()]).toEqual([0x1b, 0x70, 0, 50, 100]);
  });

  it('pulses pin 5 with given times', () => {
    expect([...drawerKickBytes({ pin: 5, onMs: 50, offMs: 500 })]).toEqual([0x1b, 0x70, 1, 25, 250]);
  });

  it('never has an off time shorter than the on time', () => {
    expect([...drawerKickBytes({ onMs: 200, offMs: 20 })]).toEqual([0x1b, 0x70, 0, 100, 100]);
  });

  it('refuses times outside 2–510 ms', () => {
    expect(() => drawerKickBytes({ onMs: 0 })).toThrow(RangeError);
    expect(() => drawerKickBytes({ offMs: 600 })).toThrow(RangeError);
  });
});
