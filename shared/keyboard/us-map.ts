/**
 * Physical key (`KeyboardEvent.code`) → character on a US layout. A keyboard-wedge scanner sends key positions as
 * if the host had a US layout; decoding `code` instead of `key` gives the scanner's characters whatever layout the
 * cashier has active (Mongolian Cyrillic, Russian, Georgian, French…) and whatever the Caps Lock state.
 */

/** [unshifted, shifted] */
const PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ['`', '~'],
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  Numpad0: ['0', '0'],
  Numpad1: ['1', '1'],
  Numpad2: ['2', '2'],
  Numpad3: ['3', '3'],
  Numpad4: ['4', '4'],
  Numpad5: ['5', '5'],
  Numpad6: ['6', '6'],
  Numpad7: ['7', '7'],
  Numpad8: ['8', '8'],
  Numpad9: ['9', '9'],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

/** The character a US layout gives for this physical key, or undefined for keys that type nothing. */
export function usCharForCode(code: string, shiftKey: boolean): string | undefined {
  if (/^Key[A-Z]$/.test(code)) {
    const letter = code.charAt(3);
    return shiftKey ? letter : letter.toLowerCase();
  }
  const pair = PAIRS[code];
  return pair ? pair[shiftKey ? 1 : 0] : undefined;
}

/** Keys that only modify others: they neither start nor break a scan. */
export function isModifierCode(code: string): boolean {
  return /^(Shift|Control|Alt|Meta|OS)(Left|Right)?$/.test(code) || code === 'CapsLock' || code === 'NumLock';
}
