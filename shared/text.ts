/**
 * Free text people type or import — product names, sale notes, void and refund reasons, the store name, device
 * labels — is shown on both screens, printed on tax receipts and sent to providers. Control characters and
 * Unicode bidirectional controls make text *look* different from what it is (`ABC\u202Egnp.exe` shows as
 * `ABCexe.png`), so every free-text input is cleaned at the boundary with `freeText()` (docs/architecture.md
 * §15): the characters are removed, not rejected, and the length limits apply to
 * what is left.
 */
import { z } from 'zod';

/** Tab, line feed, vertical tab, form feed, carriage return, line and paragraph separators: become a space. */
const LINE_BREAKS = /[\t\n\v\f\r\u2028\u2029]/g;
/**
 * Removed: C0 and C1 control characters, the bidi embeddings/overrides/isolates and marks (LRM, RLM, ALM), and
 * invisible characters that hide text (zero-width space, word joiner, byte-order mark, soft hyphen).
 * ZWJ / ZWNJ stay: some scripts and emoji need them, and they cannot reorder text.
 */
const HIDDEN_OR_REORDERING =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g; // eslint-disable-line no-control-regex -- finding control characters is the point

/** The text as people will see it: no control or bidi-override characters, single spaces, trimmed. */
export function cleanFreeText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(HIDDEN_OR_REORDERING, '').replace(/ {2,}/g, ' ').trim();
}

/** Whether the text is already clean (stored values are checked with this, inputs are cleaned). */
export function isCleanFreeText(text: string): boolean {
  return cleanFreeText(text) === text;
}

export interface FreeTextOptions {
  /** Longest cleaned text, in characters. */
  max: number;
  /** Shortest cleaned text (default 0: may be empty). */
  min?: number;
  /** Shown when the cleaned text is shorter than `min`. */
  minMessage?: string;
}

/** A string input cleaned of control and bidi characters, then length-checked. Use for every free-text field. */
export function freeText(options: FreeTextOptions) {
  const min = options.min ?? 0;
  return z
    .string()
    .transform(cleanFreeText)
    .pipe(
      z
        .string()
        .min(min, options.minMessage ?? `at least ${min} character${min === 1 ? '' : 's'}`)
        .max(options.max, `at most ${options.max} characters`),
    );
}
