import { describe, expect, it } from 'vitest';
import { decodeWedgeKey, WedgeDecoder, type WedgeKeyEvent, type WedgeScan, type WedgeStep } from './wedge';
import {
  events,
  HUMAN_FAST_ROLLOVER,
  HUMAN_PHONE,
  HUMAN_QUICK_QUANTITY,
  MN_CUSTOMER_NO,
  MN_EAN13,
  RU_CODE128,
  US_EAN13,
  type KeyTuple,
} from './wedge.fixtures';

interface Run {
  steps: WedgeStep[];
  scans: WedgeScan[];
  released: string;
}

/** Feeds events, calling tick() at each deadline that passes before the next event (as a timer would). */
function run(decoder: WedgeDecoder, evs: readonly WedgeKeyEvent[], tailMs = 500): Run {
  const steps: WedgeStep[] = [];
  let deadline: number | undefined;
  const record = (step: WedgeStep) => {
    steps.push(step);
    deadline = step.deadline;
  };
  for (const ev of evs) {
    if (deadline !== undefined && deadline < ev.timeStamp) {
      record(decoder.tick(deadline));
    }
    record(decoder.feed(ev));
  }
  const end = (evs.at(-1)?.timeStamp ?? 0) + tailMs;
  if (deadline !== undefined && deadline < end) {
    record(decoder.tick(deadline));
  }
  return {
    steps,
    scans: steps.flatMap((s) => (s.scan ? [s.scan] : [])),
    released: steps.map((s) => s.released ?? '').join(''),
  };
}

/** Consumed flags of the key events only (not of timer ticks). */
function consumedPerKey(decoder: WedgeDecoder, evs: readonly WedgeKeyEvent[]): boolean[] {
  return evs.map((ev) => decoder.feed(ev).consumed);
}

describe('decodeWedgeKey', () => {
  it('decodes physical keys with the US map whatever the layout', () => {
    expect(decodeWedgeKey({ code: 'Digit1', key: '№', shiftKey: false })).toBe('1');
    expect(decodeWedgeKey({ code: 'Digit1', key: '1', shiftKey: true })).toBe('!');
    expect(decodeWedgeKey({ code: 'KeyQ', key: 'ф', shiftKey: false })).toBe('q');
    expect(decodeWedgeKey({ code: 'KeyQ', key: 'Ф', shiftKey: true })).toBe('Q');
    expect(decodeWedgeKey({ code: 'KeyA', key: 'ა', shiftKey: false })).toBe('a'); // Georgian layout
    expect(decodeWedgeKey({ code: 'Numpad7', key: 'Home', shiftKey: false })).toBe('7');
    expect(decodeWedgeKey({ code: 'Slash', key: '.', shiftKey: false })).toBe('/');
    expect(decodeWedgeKey({ code: '', key: 'x', shiftKey: false })).toBe('x');
    expect(decodeWedgeKey({ code: '', key: 'ж', shiftKey: false })).toBeUndefined();
    expect(decodeWedgeKey({ code: 'F5', key: 'F5', shiftKey: false })).toBeUndefined();
  });
});

describe('WedgeDecoder: scanners', () => {
  it('reads an EAN-13 on the US layout and consumes all but the first two keys', () => {
    const evs = events(US_EAN13);
    const result = run(new WedgeDecoder(), evs);
    expect(result.scans).toEqual([
      {
        text: '4006381333931',
        startedAt: evs[0]!.timeStamp,
        endedAt: evs.at(-1)!.timeStamp,
        terminator: 'Enter',
        leaked: 2,
      },
    ]);
    expect(consumedPerKey(new WedgeDecoder(), evs)).toEqual([false, false, ...Array<boolean>(12).fill(true)]);
    expect(result.released).toBe('');
  });

  it('reads the same EAN-13 while the Mongolian Cyrillic layout is active', () => {
    const result = run(new WedgeDecoder(), events(MN_EAN13));
    expect(result.scans.map((s) => s.text)).toEqual(['4006381333931']);
  });

  it('reads an 8-digit customer code on the Mongolian layout', () => {
    const result = run(new WedgeDecoder(), events(MN_CUSTOMER_NO));
    expect(result.scans.map((s) => s.text)).toEqual(['10038071']);
  });

  it('reads letters, Shift and a Tab terminator on the Russian layout', () => {
    const evs = events(RU_CODE128);
    const result = run(new WedgeDecoder(), evs);
    expect(result.scans).toHaveLength(1);
    expect(result.scans[0]).toMatchObject({ text: 'KASSA-42x', terminator: 'Tab', leaked: 2 });
    // The Shift keydown before the first letter neither starts nor breaks the burst.
    expect(consumedPerKey(new WedgeDecoder(), evs)).toEqual([
      false,
      false,
      false,
      ...Array<boolean>(8).fill(true),
    ]);
  });

  it('reads a 200-digit eBarimt QR typed at 1–3 ms per key', () => {
    const qr = '1234567890'.repeat(20);
    const tuples: KeyTuple[] = Array.from(qr).map((d, i) => [i === 0 ? 0 : 1 + (i % 3), `Digit${d}`, d]);
    tuples.push([2, 'Enter', 'Enter']);
    const result = run(new WedgeDecoder(), events(tuples));
    expect(result.scans.map((s) => s.text)).toEqual([qr]);
  });

  it('accepts a scanner without a suffix only when asked to', () => {
    const noSuffix = events(US_EAN13.slice(0, -1));
    expect(run(new WedgeDecoder(), noSuffix).scans).toEqual([]);
    const accepting = run(new WedgeDecoder({ acceptOnTimeout: true }), noSuffix);
    expect(accepting.scans.map((s) => [s.text, s.terminator])).toEqual([['4006381333931', 'timeout']]);
  });

  it('tolerates a slower pause before the terminator, up to terminatorMaxGapMs', () => {
    const late = US_EAN13.map((t, i): KeyTuple => (i === US_EAN13.length - 1 ? [90, 'Enter', 'Enter'] : t));
    expect(run(new WedgeDecoder(), events(late)).scans).toHaveLength(1);
    const tooLate = US_EAN13.map((t, i): KeyTuple =>
      i === US_EAN13.length - 1 ? [140, 'Enter', 'Enter'] : t,
    );
    const result = run(new WedgeDecoder(), events(tooLate));
    expect(result.scans).toEqual([]);
    // The digits it had consumed are handed back as typed text.
    expect(result.released).toBe('06381333931');
  });

  it('separates two back-to-back scans and a human key before a scan', () => {
    const evs = events([
      [0, 'KeyA', 'ф'],
      [300, 'Digit4', '4'],
      ...US_EAN13.slice(1),
      [400, 'Digit4', '4'],
      ...US_EAN13.slice(1),
    ]);
    const result = run(new WedgeDecoder(), evs);
    expect(result.scans.map((s) => s.text)).toEqual(['4006381333931', '4006381333931']);
  });
});

describe('WedgeDecoder: people typing are never scans', () => {
  it('ignores a phone number typed at human speed, consuming nothing', () => {
    const evs = events(HUMAN_PHONE);
    const result = run(new WedgeDecoder(), evs);
    expect(result.scans).toEqual([]);
    expect(consumedPerKey(new WedgeDecoder(), evs).every((c) => !c)).toBe(true);
  });

  it('gives back a roll-over key it had swallowed', () => {
    const evs = events(HUMAN_FAST_ROLLOVER);
    const decoder = new WedgeDecoder();
    const result = run(decoder, evs);
    expect(result.scans).toEqual([]);
    // Third key of a fast roll-over is consumed, then released when the burst goes silent.
    expect(result.released).toBe('b');
    expect(result.steps.some((s) => s.consumed && s.scan === undefined)).toBe(true);
    expect(decoder.scanning).toBe(false);
  });

  it('passes a quick numpad quantity and its Enter through', () => {
    const evs = events(HUMAN_QUICK_QUANTITY);
    expect(consumedPerKey(new WedgeDecoder(), evs)).toEqual([false, false, false]);
  });

  it('does not take a short fast burst for a scan, and does not eat its Enter', () => {
    const short: KeyTuple[] = [
      [0, 'Digit1', '1'],
      [10, 'Digit2', '2'],
      [10, 'Digit3', '3'],
      [10, 'Digit4', '4'],
      [10, 'Digit5', '5'],
      [10, 'Enter', 'Enter'],
    ];
    const decoder = new WedgeDecoder();
    const steps = events(short).map((ev) => decoder.feed(ev));
    expect(steps.map((s) => s.consumed)).toEqual([false, false, true, true, true, false]);
    expect(steps.at(-1)!.released).toBe('345');
    expect(steps.some((s) => s.scan)).toBe(false);
  });

  it('treats auto-repeat and Ctrl chords as typing', () => {
    const decoder = new WedgeDecoder();
    const held: WedgeKeyEvent[] = Array.from({ length: 20 }, (_, i) => ({
      code: 'Digit0',
      key: '0',
      shiftKey: false,
      repeat: i > 0,
      timeStamp: 1000 + i * 33,
    }));
    held.push({ code: 'Enter', key: 'Enter', shiftKey: false, timeStamp: 1000 + 20 * 33 });
    expect(held.map((ev) => decoder.feed(ev)).filter((s) => s.consumed || s.scan)).toEqual([]);

    const chord = events(US_EAN13).map((ev, i) =>
      i === 9 ? { ...ev, code: 'KeyV', key: 'v', ctrlKey: true } : ev,
    );
    expect(run(new WedgeDecoder(), chord).scans).toEqual([]);
  });

  it('drops runaway bursts and rejects a one-key confirmation', () => {
    const decoder = new WedgeDecoder({ maxLength: 5 });
    expect(run(decoder, events(US_EAN13)).scans).toEqual([]);
    expect(() => new WedgeDecoder({ confirmAfter: 1 })).toThrow(/at least 2/);
  });

  it('reset() hands back consumed characters', () => {
    const decoder = new WedgeDecoder();
    for (const ev of events(US_EAN13.slice(0, 5))) {
      decoder.feed(ev);
    }
    expect(decoder.scanning).toBe(true);
    expect(decoder.reset()).toEqual({ consumed: false, released: '063' });
    expect(decoder.scanning).toBe(false);
  });
});
