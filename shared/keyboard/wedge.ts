/**
 * Keyboard-wedge scanner decoder: a pure state machine over keydown events with injected timestamps. It runs in
 * the renderer (browser host and Electron: a capture-phase `keydown` listener) or in main (`before-input-event`).
 *
 * Rules (docs/architecture.md §10, docs/devices.md "Keyboard wedge"):
 *   - Characters come from the PHYSICAL key (`code`) through a US map, so Cyrillic / Georgian layouts do not
 *     garble scans. `key` is used only when `code` is empty or unknown and `key` is printable ASCII.
 *   - A burst is a run of keys each at most `maxGapMs` after the previous one. It becomes a scan only when it is
 *     at least `minLength` characters and ends with Enter/Tab within `terminatorMaxGapMs` (or, with
 *     `acceptOnTimeout`, falls silent). Human typing — slower keys, short bursts, auto-repeat, Ctrl/Alt/Meta
 *     chords — never makes a scan.
 *   - The first key of a burst cannot be told from a human key, so the first `confirmAfter - 1` keys pass through
 *     to the page (`consumed: false`); from the `confirmAfter`-th fast key on, keys are consumed (the caller calls
 *     preventDefault) and the scan reports how many characters `leaked`. If a burst that had consumed keys turns
 *     out not to be a scan, the step returns those characters as `released` so the caller can type them.
 *   - Cyrillic register numbers (regNo) cannot come through a US-map decode: a wedge scanner can only send key
 *     positions. regNo is typed into a keyboard field (or read through HID POS, which carries UTF-8 bytes).
 */
import { isModifierCode, usCharForCode } from './us-map';

export interface WedgeKeyEvent {
  /** Physical key, `KeyboardEvent.code`: 'Digit1', 'KeyA', 'Enter', 'NumpadEnter'… */
  code: string;
  /** Layout-dependent character, `KeyboardEvent.key`; only a fallback. */
  key: string;
  shiftKey: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Auto-repeat of a held key: always human. */
  repeat?: boolean;
  /** Milliseconds, monotonic (`KeyboardEvent.timeStamp` or `performance.now()`). */
  timeStamp: number;
}

export interface WedgeOptions {
  /** Largest gap between two keys of one scan. Default 50 ms (Odoo's documented scanner requirement). */
  maxGapMs?: number;
  /** Largest gap before the terminator. Default 100 ms (some scanners pause before the suffix). */
  terminatorMaxGapMs?: number;
  /** Shortest scan. Default 6 characters. */
  minLength?: number;
  /** From the how-manyth fast key a burst counts as a scan in progress and keys are consumed. Default 3 (min 2). */
  confirmAfter?: number;
  /** Terminator keys (by `code`). Default Enter, NumpadEnter, Tab. */
  terminators?: readonly string[];
  /** Accept a burst that ends by silence (scanner without a suffix). Default false. */
  acceptOnTimeout?: boolean;
  /** Bursts longer than this are dropped (stuck key, runaway device). Default 4096. */
  maxLength?: number;
}

export interface WedgeScan {
  text: string;
  startedAt: number;
  endedAt: number;
  terminator: 'Enter' | 'Tab' | 'timeout';
  /** Characters of the scan that reached the page before the burst was recognised (the first confirmAfter-1). */
  leaked: number;
}

export interface WedgeStep {
  /** True → the caller must preventDefault/stopPropagation this key: it belongs to a scan. */
  consumed: boolean;
  scan?: WedgeScan;
  /** Characters that had been consumed but turned out to be typing; the caller should deliver them as typed text. */
  released?: string;
  /** When to call `tick()` if no key arrives (a burst is open); undefined when idle. */
  deadline?: number;
}

interface Burst {
  chars: string[];
  startedAt: number;
  last: number;
  consumedFrom: number | undefined;
}

type Resolved = Required<WedgeOptions>;

export const DEFAULT_WEDGE_OPTIONS: Readonly<Resolved> = {
  maxGapMs: 50,
  terminatorMaxGapMs: 100,
  minLength: 6,
  confirmAfter: 3,
  terminators: ['Enter', 'NumpadEnter', 'Tab'],
  acceptOnTimeout: false,
  maxLength: 4096,
};

/** The character a wedge key stands for, or undefined if it types nothing. */
export function decodeWedgeKey(event: Pick<WedgeKeyEvent, 'code' | 'key' | 'shiftKey'>): string | undefined {
  const fromCode = usCharForCode(event.code, event.shiftKey);
  if (fromCode !== undefined) {
    return fromCode;
  }
  if ((event.code === '' || event.code === 'Unidentified') && /^[\x20-\x7e]$/.test(event.key)) {
    return event.key;
  }
  return undefined;
}

export class WedgeDecoder {
  readonly options: Readonly<Resolved>;
  #burst: Burst | undefined;

  constructor(options: WedgeOptions = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
    if (this.options.confirmAfter < 2) {
      throw new Error('confirmAfter must be at least 2: a single key never proves a scan');
    }
  }

  /** Whether keys are currently being consumed as part of a scan. */
  get scanning(): boolean {
    return this.#burst?.consumedFrom !== undefined;
  }

  /** Feed one keydown. */
  feed(event: WedgeKeyEvent): WedgeStep {
    if (isModifierCode(event.code)) {
      return this.#step(this.scanning);
    }
    // A key after silence first closes the old burst.
    const closed: Partial<WedgeStep> =
      this.#burst && event.timeStamp - this.#burst.last > this.#gapFor(event) ? this.#close('timeout') : {};
    const merge = (step: WedgeStep): WedgeStep => ({
      ...closed,
      ...step,
      released: joinReleased(closed.released, step.released),
    });

    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
      return merge(this.#abandon(false));
    }
    if (this.options.terminators.includes(event.code)) {
      const burst = this.#burst;
      if (burst && burst.chars.length >= this.options.minLength && burst.consumedFrom !== undefined) {
        burst.last = event.timeStamp;
        return merge(this.#close(event.code === 'Tab' ? 'Tab' : 'Enter'));
      }
      return merge(this.#abandon(false));
    }
    const char = decodeWedgeKey(event);
    if (char === undefined) {
      return merge(this.#abandon(false));
    }
    const burst = this.#burst;
    if (!burst) {
      this.#burst = {
        chars: [char],
        startedAt: event.timeStamp,
        last: event.timeStamp,
        consumedFrom: undefined,
      };
      return merge(this.#step(false));
    }
    if (burst.chars.length >= this.options.maxLength) {
      return merge(this.#abandon(false));
    }
    burst.chars.push(char);
    burst.last = event.timeStamp;
    if (burst.consumedFrom === undefined && burst.chars.length >= this.options.confirmAfter) {
      burst.consumedFrom = burst.chars.length - 1;
    }
    return merge(this.#step(burst.consumedFrom !== undefined));
  }

  /** Call at `deadline` (or any time): closes a burst no key can continue any more. */
  tick(now: number): WedgeStep {
    if (this.#burst && now - this.#burst.last > this.#silenceMs()) {
      return this.#close('timeout');
    }
    return this.#step(false);
  }

  /** Drop any burst (window lost focus, screen changed). Returns consumed characters to deliver, if any. */
  reset(): WedgeStep {
    return this.#abandon(false);
  }

  #gapFor(event: WedgeKeyEvent): number {
    return this.options.terminators.includes(event.code)
      ? this.options.terminatorMaxGapMs
      : this.options.maxGapMs;
  }

  /** A burst is over once no key — not even a late terminator — can continue it. */
  #silenceMs(): number {
    return Math.max(this.options.maxGapMs, this.options.terminatorMaxGapMs);
  }

  #step(consumed: boolean): WedgeStep {
    const step: WedgeStep = { consumed };
    if (this.#burst) {
      step.deadline = this.#burst.last + this.#silenceMs() + 1;
    }
    return step;
  }

  #close(terminator: WedgeScan['terminator']): WedgeStep {
    const burst = this.#burst;
    if (!burst) {
      return { consumed: false };
    }
    const isScan =
      burst.consumedFrom !== undefined &&
      burst.chars.length >= this.options.minLength &&
      (terminator !== 'timeout' || this.options.acceptOnTimeout);
    if (!isScan) {
      return this.#abandon(false);
    }
    this.#burst = undefined;
    return {
      consumed: terminator !== 'timeout',
      scan: {
        text: burst.chars.join(''),
        startedAt: burst.startedAt,
        endedAt: burst.last,
        terminator,
        leaked: burst.consumedFrom ?? 0,
      },
    };
  }

  #abandon(consumed: boolean): WedgeStep {
    const burst = this.#burst;
    this.#burst = undefined;
    const step: WedgeStep = { consumed };
    if (burst?.consumedFrom !== undefined) {
      step.released = burst.chars.slice(burst.consumedFrom).join('');
    }
    return step;
  }
}

function joinReleased(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) {
    return b;
  }
  return b === undefined ? a : a + b;
}
