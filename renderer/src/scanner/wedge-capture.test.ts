import { afterEach, describe, expect, it } from 'vitest';
import {
  events,
  HUMAN_FAST_ROLLOVER,
  HUMAN_PHONE,
  MN_EAN13,
  US_EAN13,
  type KeyTuple,
} from '../../../shared/keyboard/wedge.fixtures';
import type { WedgeKeyEvent, WedgeOptions, WedgeScan } from '../../../shared/keyboard/wedge';
import { attachWedgeCapture, type WedgeCapture } from './wedge-capture';

/** Timers run by hand against a clock the test moves. */
class ManualTimers {
  now = 0;
  tasks: { at: number; run: () => void; id: number }[] = [];
  #next = 1;
  set = (run: () => void, ms: number): number => {
    const id = this.#next++;
    this.tasks.push({ at: this.now + ms, run, id });
    return id;
  };
  clear = (handle: unknown): void => {
    this.tasks = this.tasks.filter((t) => t.id !== handle);
  };
  advanceTo(ms: number): void {
    this.now = ms;
    const due = this.tasks.filter((t) => t.at <= ms);
    this.tasks = this.tasks.filter((t) => t.at > ms);
    for (const task of due) {
      task.run();
    }
  }
}

interface Dispatched {
  event: KeyboardEvent;
  reachedPage: boolean;
}

let capture: WedgeCapture | undefined;
let input: HTMLInputElement | undefined;
afterEach(() => {
  capture?.detach();
  capture = undefined;
  input?.remove();
  input = undefined;
});

function setup(wedge?: WedgeOptions) {
  const timers = new ManualTimers();
  const scans: WedgeScan[] = [];
  const leakedTexts: string[] = [];
  const released: string[] = [];
  capture = attachWedgeCapture({
    onScan: (scan, leakedText) => {
      scans.push(scan);
      leakedTexts.push(leakedText);
    },
    onReleased: (text) => released.push(text),
    now: () => timers.now,
    setTimer: timers.set,
    clearTimer: timers.clear,
    ...(wedge ? { wedge } : {}),
  });
  // A focused text field: what a scan must not type into (or submit with Enter).
  input = document.createElement('input');
  document.body.append(input);
  input.focus();
  const pageSaw: string[] = [];
  input.addEventListener('keydown', (e) => pageSaw.push(e.code));

  const type = (tuples: readonly KeyTuple[], start = 1000): Dispatched[] =>
    events(tuples, start).map((key: WedgeKeyEvent) => {
      timers.advanceTo(key.timeStamp);
      const event = new KeyboardEvent('keydown', {
        code: key.code,
        key: key.key,
        shiftKey: key.shiftKey,
        bubbles: true,
        cancelable: true,
      });
      Object.defineProperty(event, 'timeStamp', { value: key.timeStamp });
      const before = pageSaw.length;
      input?.dispatchEvent(event);
      return { event, reachedPage: pageSaw.length > before };
    });
  return { timers, scans, leakedTexts, released, type, pageSaw };
}

describe('wedge capture (document, capture phase)', () => {
  it('a scanner-speed burst on the Mongolian layout → one scan, its keys kept from the page', () => {
    const t = setup();
    const keys = t.type(MN_EAN13);
    expect(t.scans).toHaveLength(1);
    expect(t.scans[0]).toMatchObject({ text: '4006381333931', terminator: 'Enter', leaked: 2 });
    // The first two keys cannot be told from typing and reach the page; every later key, and Enter, do not.
    expect(keys.map((k) => k.event.defaultPrevented)).toEqual(keys.map((_k, i) => i >= 2));
    expect(keys.map((k) => k.reachedPage)).toEqual(keys.map((_k, i) => i < 2));
    expect(t.pageSaw).not.toContain('Enter');
    expect(t.released).toEqual([]);
    // What those two keys typed on this layout (Digit4, Digit0): the caller takes exactly that back.
    expect(t.leakedTexts).toEqual(['₮?']);
  });

  it('keys typed slowly before a scan are not counted as its leaked keys', () => {
    const t = setup();
    t.type([
      [0, 'Digit1', '1'],
      [300, 'Digit2', '2'],
    ]);
    t.type(MN_EAN13, 3000);
    expect(t.scans.map((s) => s.text)).toEqual(['4006381333931']);
    expect(t.leakedTexts).toEqual(['₮?']);
  });

  it('human typing → no scan, nothing prevented', () => {
    const t = setup();
    const keys = t.type(HUMAN_PHONE);
    t.timers.advanceTo(60_000);
    expect(t.scans).toEqual([]);
    expect(keys.every((k) => !k.event.defaultPrevented && k.reachedPage)).toBe(true);
  });

  it('a fast burst without the Enter suffix is released when it falls silent, not scanned', () => {
    const t = setup();
    const tuples: KeyTuple[] = [
      [0, 'Digit1', '1'],
      [8, 'Digit2', '2'],
      [8, 'Digit3', '3'],
      [8, 'Digit4', '4'],
      [8, 'Digit5', '5'],
      [8, 'Digit6', '6'],
      [8, 'Digit7', '7'],
    ];
    t.type(tuples);
    expect(t.scans).toEqual([]);
    t.timers.advanceTo(2000);
    expect(t.scans).toEqual([]);
    expect(t.released).toEqual(['34567']);
  });

  it('a fast roll-over while typing is held back once and handed back as the layout typed it, not scanned', () => {
    const t = setup();
    const keys = t.type(HUMAN_FAST_ROLLOVER);
    expect(t.scans).toEqual([]);
    expect(keys.map((k) => k.event.defaultPrevented)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(t.released).toEqual(['и']);
  });

  it('keys pressed 5 ms apart but handled late (a busy page) are still one scan', () => {
    const t = setup();
    const keys = events(US_EAN13.map(([, code, key]) => [5, code, key] as const));
    keys.forEach((key, i) => {
      // The page gets to each key 40 ms after the previous one; the keys' own times stay 5 ms apart.
      t.timers.advanceTo(10_000 + i * 40);
      const event = new KeyboardEvent('keydown', {
        code: key.code,
        key: key.key,
        bubbles: true,
        cancelable: true,
      });
      Object.defineProperty(event, 'timeStamp', { value: key.timeStamp });
      input?.dispatchEvent(event);
    });
    expect(t.scans.map((s) => s.text)).toEqual(['4006381333931']);
    expect(t.released).toEqual([]);
  });

  it('takes decoder options (minLength from settings)', () => {
    const t = setup({ minLength: 20 });
    t.type(MN_EAN13);
    expect(t.scans).toEqual([]);
    // Handed back as the Mongolian layout typed them (the number row types symbols there), not as digits.
    expect(t.released).toEqual(['?.",№"""%"№']);
  });

  it('after detach nothing is captured or prevented', () => {
    const t = setup();
    capture?.detach();
    const keys = t.type(MN_EAN13);
    expect(t.scans).toEqual([]);
    expect(keys.some((k) => k.event.defaultPrevented)).toBe(false);
    expect(t.timers.tasks).toEqual([]);
  });
});
