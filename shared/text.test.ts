import { describe, expect, it } from 'vitest';
import { cleanFreeText, freeText, isCleanFreeText } from './text';

describe('free text', () => {
  it('removes a right-to-left override, so a name reads as what it is', () => {
    expect(cleanFreeText('ABC\u202Egnp.exe')).toBe('ABCgnp.exe');
  });

  it('removes every bidi control, C0/C1 control and invisible character', () => {
    const hidden = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00ad', '\u061c', '\u200b', '\u200e'];
    const bidi = ['\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const ch of [...hidden, ...bidi, '\u2060', '\ufeff']) {
      expect(cleanFreeText(`Сүү${ch}1л`), JSON.stringify(ch)).toBe('Сүү1л');
    }
  });

  it('turns line breaks and tabs into single spaces and trims', () => {
    expect(cleanFreeText('  Talx\n\t  хар \r\n')).toBe('Talx хар');
    expect(cleanFreeText('a\u2028b')).toBe('a b');
  });

  it('keeps letters of every script the till sells in, and emoji joiners', () => {
    for (const text of ['Хлеб ржаной', 'პური', "Non o'zbek", 'Сүү 3.2%', '👩\u200d🍳']) {
      expect(cleanFreeText(text)).toBe(text);
      expect(isCleanFreeText(text)).toBe(true);
    }
    expect(isCleanFreeText('x\u202ey')).toBe(false);
  });

  it('checks the length of what is left, with the field’s own message', () => {
    const name = freeText({ min: 1, max: 5, minMessage: 'give the item a name' });
    expect(name.parse(' ab\u202Ec ')).toBe('abc');
    const empty = name.safeParse('\u202E\u200b ');
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('give the item a name');
    expect(name.safeParse('abcdef').error?.issues[0]?.message).toBe('at most 5 characters');
  });
});
