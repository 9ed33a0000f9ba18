/**
 * Keyboard-wedge capture for the cashier page (docs/architecture.md §10, docs/devices.md "Keyboard wedge"):
 * one capture-phase `keydown` listener on the document feeds the shared WedgeDecoder (physical key codes through
 * a US map, so Mongolian / Russian / Georgian layouts do not garble scans). Keys that belong to a scan are
 * preventDefault()ed and stopped, so they never reach the focused input or trigger a focused button (the Enter
 * suffix). Completed scans go to `onScan`; the caller sends them to main once (scan:submit).
 *
 * Nothing is re-dispatched. The first `confirmAfter - 1` keys of a scan reach the page before the burst is
 * recognised: `onScan` gets what they typed *in the active layout* (`leakedText`, e.g. "₮?" for "40" on the
 * Mongolian layout) so the caller can take exactly that back out of the focused field. Keys held back as a
 * possible scan that turn out to be typing go to `onReleased`, again as the layout typed them.
 */
import {
  WedgeDecoder,
  type WedgeKeyEvent,
  type WedgeOptions,
  type WedgeScan,
  type WedgeStep,
} from '../../../shared/keyboard/wedge';

export interface WedgeCaptureOptions {
  /** A finished scan, and what its leaked first keys typed into the page (in the active layout). */
  onScan: (scan: WedgeScan, leakedText: string) => void;
  /** What keys held back as a possible scan typed (in the active layout): they were typing after all. */
  onReleased?: (text: string) => void;
  /** Decoder tuning, e.g. from settings.devices.wedge. */
  wedge?: WedgeOptions;
  /** Where to listen. Default: `document` (keydown) and its window (blur). */
  target?: Document;
  /** Monotonic time for deadline ticks, same clock as `KeyboardEvent.timeStamp`. Default performance.now(). */
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface WedgeCapture {
  /** Drop a burst in progress (screen changed). */
  reset(): void;
  /** Remove the listeners and the timer. */
  detach(): void;
}

function toWedgeEvent(event: KeyboardEvent): WedgeKeyEvent {
  return {
    code: event.code,
    key: event.key,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    repeat: event.repeat,
    timeStamp: event.timeStamp,
  };
}

/** The character a keydown types in the active layout, or undefined (Enter, Shift, F5 …). */
function typedChar(event: KeyboardEvent): string | undefined {
  // Named keys ('Enter', 'Shift', 'F5') are words; a typed character is one code point (₮, Ө, ч …).
  return /^.$/su.test(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey ? event.key : undefined;
}

/** How many of the last keys that reached the page are remembered (more than any decoder lets leak). */
const REMEMBERED = 16;

export function attachWedgeCapture(options: WedgeCaptureOptions): WedgeCapture {
  const doc = options.target ?? document;
  const view = doc.defaultView;
  const decoder = new WedgeDecoder(options.wedge);
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer =
    options.clearTimer ??
    ((handle: unknown) => {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    });
  let timer: unknown;
  let attached = true;
  /** What the last keys that reached the page typed; a scan's leaked keys are the newest of them. */
  let reachedPage: string[] = [];
  /** What the keys held back in the current burst would have typed. */
  let heldBack: string[] = [];
  /**
   * The last key's own time (its timeStamp: when it was pressed) and when this page got to it. Silence is
   * measured from the latter: a page busy for a moment, with keys still queued, must not end a scan early.
   */
  let lastKeyStamp = 0;
  let lastKeyHandled = 0;
  /** Now, on the keys' clock: the last key's time plus the time since the page handled it. */
  const keyClockNow = (): number => lastKeyStamp + (now() - lastKeyHandled);

  const apply = (step: WedgeStep, event?: KeyboardEvent): void => {
    const char = event === undefined ? undefined : typedChar(event);
    if (step.released !== undefined && step.released !== '') {
      const text = heldBack.join('');
      heldBack = [];
      options.onReleased?.(text);
    }
    if (step.consumed && event) {
      event.preventDefault();
      event.stopPropagation();
      if (char !== undefined) {
        heldBack.push(char);
      }
    } else if (char !== undefined) {
      reachedPage = [...reachedPage.slice(1 - REMEMBERED), char];
    }
    if (timer !== undefined) {
      clearTimer(timer);
      timer = undefined;
    }
    if (step.deadline !== undefined && attached) {
      timer = setTimer(
        () => {
          timer = undefined;
          apply(decoder.tick(keyClockNow()));
        },
        Math.max(0, step.deadline - keyClockNow()),
      );
    }
    if (step.scan) {
      const leaked = step.scan.leaked === 0 ? [] : reachedPage.slice(-step.scan.leaked);
      reachedPage = [];
      heldBack = [];
      options.onScan(step.scan, leaked.join(''));
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    lastKeyStamp = event.timeStamp;
    lastKeyHandled = now();
    apply(decoder.feed(toWedgeEvent(event)), event);
  };
  const onBlur = (): void => {
    apply(decoder.reset());
  };

  doc.addEventListener('keydown', onKeyDown, { capture: true });
  view?.addEventListener('blur', onBlur);

  return {
    reset: onBlur,
    detach() {
      attached = false;
      doc.removeEventListener('keydown', onKeyDown, { capture: true });
      view?.removeEventListener('blur', onBlur);
      if (timer !== undefined) {
        clearTimer(timer);
        timer = undefined;
      }
    },
  };
}
