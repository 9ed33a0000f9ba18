/**
 * The cash drawer kick: `ESC p m t1 t2` (0x1B 0x70), per the Epson ESC/POS reference. The printer drives a pulse on
 * drawer connector pin 2 (m = 0) or pin 5 (m = 1) for t1 × 2 ms on, then t2 × 2 ms off (t2 ≥ t1 on most models).
 * Most drawers are wired to pin 2; a second drawer, or a drawer wired the other way, is on pin 5.
 */

export type DrawerPin = 2 | 5;

export interface DrawerKickOptions {
  /** Default pin 2. */
  pin?: DrawerPin;
  /** Pulse on time in ms (2 ms steps, 2–510). Default 100 ms, what most drawer solenoids need. */
  onMs?: number;
  /** Off time in ms (2 ms steps, 2–510), at least the on time. Default 200 ms. */
  offMs?: number;
}

function steps(ms: number, name: string): number {
  const value = Math.round(ms / 2);
  if (!Number.isFinite(ms) || value < 1 || value > 255) {
    throw new RangeError(`drawer ${name} ${String(ms)} ms is outside 2–510 ms`);
  }
  return value;
}

export function drawerKickBytes(options: DrawerKickOptions = {}): Uint8Array {
  const m = (options.pin ?? 2) === 2 ? 0 : 1;
  const t1 = steps(options.onMs ?? 100, 'on time');
  const t2 = Math.max(t1, steps(options.offMs ?? 200, 'off time'));
  return Uint8Array.of(0x1b, 0x70, m, t1, t2);
}
