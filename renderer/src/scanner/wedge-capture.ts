/**
 * Keyboard-wedge capture for the cashier page (docs/architecture.md §10, docs/devices.md "Keyboard wedge"):
 * one capture-phase `keydown` listener on the document feeds the shared WedgeDecoder (physical key codes
 * through a US map, so Mongolian / Russian / Georgian layouts do not garble scans). Keys that belong to a
 * scan are preventDefault()ed and stopped, so they never reach the focused input or trigger a focused button
 * (the Enter suffix). Completed scans go to `onScan`; the caller (a store action) sends them to main with
 * scan:submit.
 *
 * Nothing is re-dispatched: the first `confirmAfter - 1` characters of a scan reach the page before the burst is
 * recognised (the scan reports them as `leaked`), and a fast roll-over that turns out to be typing is handed to
 * `onReleased` (if given) instead of being typed again.
 */
import {
  WedgeDecoder,
  type WedgeKeyEvent,
  type WedgeOptions,
  type WedgeScan,
  type WedgeStep,
} from '../../../shared/keyboard/wedge';

export interface WedgeCaptureOptions {
  onScan: (scan: WedgeScan) => void;
  /** Characters that were held back as a possible scan but were typing. Not re-typed by this module. */
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

  const apply = (step: WedgeStep, event?: KeyboardEvent): void => {
    if (step.consumed && event) {
      event.preventDefault();
      event.stopPropagation();
    }
    if (timer !== undefined) {
      clearTimer(timer);
      timer = undefined;
    }
    if (step.deadline !== undefined && attached) {
      timer = setTimer(
        () => {
          timer = undefined;
          apply(decoder.tick(now()));
        },
        Math.max(0, step.deadline - now()),
      );
    }
    if (step.released !== undefined && step.released !== '') {
      options.onReleased?.(step.released);
    }
    if (step.scan) {
      options.onScan(step.scan);
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
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
