/**
 * Key-event sequences for the wedge decoder tests, written as [gap since previous event in ms, code, key, shift].
 * They are modelled on real devices, not captured from them: the key values are what the named layout produces
 * for each physical key, and the gaps follow published measurements (Netum NSL-5 ≈ 6 ms,
 * Honeywell 1400g ≈ 10 ms, Netum NSC750 ≈ 19 ms; human typing 90–250 ms with occasional fast roll-overs).
 */
import type { WedgeKeyEvent } from './wedge';

export type KeyTuple = readonly [gapMs: number, code: string, key: string, shift?: boolean];

/** Expands tuples into events starting at `start`. */
export function events(tuples: readonly KeyTuple[], start = 1000): WedgeKeyEvent[] {
  let t = start;
  return tuples.map(([gap, code, key, shift]) => {
    t += gap;
    return { code, key, shiftKey: shift ?? false, timeStamp: t };
  });
}

/** Honeywell-like scanner, US layout: EAN-13 4006381333931 + Enter, ~10 ms gaps with jitter. */
export const US_EAN13: readonly KeyTuple[] = [
  [0, 'Digit4', '4'],
  [9, 'Digit0', '0'],
  [11, 'Digit0', '0'],
  [10, 'Digit6', '6'],
  [9, 'Digit3', '3'],
  [12, 'Digit8', '8'],
  [10, 'Digit1', '1'],
  [10, 'Digit3', '3'],
  [8, 'Digit3', '3'],
  [11, 'Digit3', '3'],
  [10, 'Digit9', '9'],
  [10, 'Digit3', '3'],
  [9, 'Digit1', '1'],
  [14, 'Enter', 'Enter'],
];

/**
 * The same EAN-13 from a Netum-like scanner (~6 ms) while the Mongolian Cyrillic layout is active. On that layout
 * the unshifted number row types symbols (№ - " ₮ : . _ , % ?), so decoding `key` would give "₮??.",№"""%"№".
 */
export const MN_EAN13: readonly KeyTuple[] = [
  [0, 'Digit4', '₮'],
  [6, 'Digit0', '?'],
  [5, 'Digit0', '?'],
  [7, 'Digit6', '.'],
  [6, 'Digit3', '"'],
  [6, 'Digit8', ','],
  [5, 'Digit1', '№'],
  [6, 'Digit3', '"'],
  [7, 'Digit3', '"'],
  [6, 'Digit3', '"'],
  [6, 'Digit9', '%'],
  [6, 'Digit3', '"'],
  [5, 'Digit1', '№'],
  [8, 'Enter', 'Enter'],
];

/** Mongolian layout, an 8-digit eBarimt customer code printed as Code128: 10038071 + Enter. */
export const MN_CUSTOMER_NO: readonly KeyTuple[] = [
  [0, 'Digit1', '№'],
  [7, 'Digit0', '?'],
  [6, 'Digit0', '?'],
  [6, 'Digit3', '"'],
  [7, 'Digit8', ','],
  [6, 'Digit0', '?'],
  [6, 'Digit7', '_'],
  [6, 'Digit1', '№'],
  [9, 'Enter', 'Enter'],
];

/**
 * NSC750-like scanner (~19 ms), Russian ЙЦУКЕН layout, Code128 "KASSA-42x" + Tab. Upper-case letters come with
 * a Shift keydown first; the Russian layout turns KeyK into Л/л, KeyA into Ф/ф, KeyS into Ы/ы, KeyX into ч.
 */
export const RU_CODE128: readonly KeyTuple[] = [
  [0, 'ShiftLeft', 'Shift', true],
  [2, 'KeyK', 'Л', true],
  [18, 'KeyA', 'Ф', true],
  [19, 'KeyS', 'Ы', true],
  [20, 'KeyS', 'Ы', true],
  [19, 'KeyA', 'Ф', true],
  [19, 'Minus', '-'],
  [18, 'Digit4', '4'],
  [21, 'Digit2', '2'],
  [19, 'KeyX', 'ч'],
  [22, 'Tab', 'Tab'],
];

/** A person typing a phone number on the US layout and pressing Enter: gaps 90–250 ms. */
export const HUMAN_PHONE: readonly KeyTuple[] = [
  [0, 'Digit9', '9'],
  [142, 'Digit9', '9'],
  [118, 'Digit1', '1'],
  [201, 'Digit1', '1'],
  [96, 'Digit2', '2'],
  [250, 'Digit2', '2'],
  [133, 'Digit3', '3'],
  [121, 'Digit3', '3'],
  [310, 'Enter', 'Enter'],
];

/** A fast typist on the Russian layout: "привет" with two 30-ish ms roll-overs, then Enter. */
export const HUMAN_FAST_ROLLOVER: readonly KeyTuple[] = [
  [0, 'KeyG', 'п'],
  [31, 'KeyH', 'р'],
  [36, 'KeyB', 'и'],
  [140, 'KeyD', 'в'],
  [110, 'KeyT', 'е'],
  [95, 'KeyN', 'т'],
  [180, 'Enter', 'Enter'],
];

/** A cashier keying a quantity on the numpad quickly: "12" + Enter within 60 ms. */
export const HUMAN_QUICK_QUANTITY: readonly KeyTuple[] = [
  [0, 'Numpad1', '1'],
  [28, 'Numpad2', '2'],
  [32, 'NumpadEnter', 'Enter'],
];
