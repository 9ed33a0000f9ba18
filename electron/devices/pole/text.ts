/**
 * Text for 2×20 pole displays: every character becomes exactly one display cell (one byte). Pole displays have
 * ASCII plus one selectable code page; none has Georgian or Mongolian Ө/Ү.
 *
 *   - `cyrillic: 'cp866'`: Cyrillic goes out in code page 866 (the display must support it: Epson `ESC t 17`).
 *     Mongolian Ө/Ү and Uzbek Қ/Ғ/Ҳ, absent from cp866, fall back to the closest cp866 letter (О, У, К, Г, Х).
 *   - `cyrillic: 'transliterate'`: Cyrillic is written in Latin letters (Mongolian-style: Х → Kh, Ө → O, Ү → U).
 *   - Georgian (Mkhedruli, and Mtavruli capitals) is always transliterated, national system of 2002 (ejective
 *     apostrophes off by default).
 *   - Currency signs the displays lack become letters (₮ → MNT, ₾ → GEL); other accents are stripped; anything
 *     left that the display cannot show becomes '?'.
 */

export const POLE_COLUMNS = 20;

export interface PoleTextOptions {
  cyrillic: 'cp866' | 'transliterate';
  /** Write Georgian ejectives with an apostrophe (k' p' t' ts' ch' q'). Default false. */
  georgianApostrophes?: boolean;
}

// --- cp866 ------------------------------------------------------------------------------------------------------

const CP866 = new Map<string, number>();
{
  const upper = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
  const lowerA = 'абвгдежзийклмноп';
  const lowerR = 'рстуфхцчшщъыьэюя';
  Array.from(upper).forEach((c, i) => CP866.set(c, 0x80 + i));
  Array.from(lowerA).forEach((c, i) => CP866.set(c, 0xa0 + i));
  Array.from(lowerR).forEach((c, i) => CP866.set(c, 0xe0 + i));
  const tail: [string, number][] = [
    ['Ё', 0xf0],
    ['ё', 0xf1],
    ['Є', 0xf2],
    ['є', 0xf3],
    ['Ї', 0xf4],
    ['ї', 0xf5],
    ['Ў', 0xf6],
    ['ў', 0xf7],
    ['°', 0xf8],
    ['·', 0xfa],
    ['№', 0xfc],
  ];
  for (const [c, b] of tail) {
    CP866.set(c, b);
  }
}

/**
 * Cyrillic letters missing from cp866 (and from WPC1251), drawn with the closest one it has. Shared with the receipt
 * printer's code pages (devices/printer/escpos/code-pages.ts).
 */
export const CYRILLIC_SUBSTITUTES: Readonly<Record<string, string>> = {
  Ө: 'О',
  ө: 'о',
  Ү: 'У',
  ү: 'у',
  Қ: 'К',
  қ: 'к',
  Ғ: 'Г',
  ғ: 'г',
  Ҳ: 'Х',
  ҳ: 'х',
  І: 'И',
  і: 'и',
};

// --- Transliteration --------------------------------------------------------------------------------------------

/** Mongolian / Russian / Uzbek Cyrillic, lower case → Latin. */
const CYRILLIC_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: "o'",
  қ: 'q',
  ғ: "g'",
  ҳ: 'h',
  і: 'i',
};

/** Georgian Mkhedruli → Latin (national system); `'` marks ejectives, removed unless asked for. */
const GEORGIAN_LATIN: Readonly<Record<string, string>> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: "k'",
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: "p'",
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: "t'",
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: "q'",
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: "ts'",
  ჭ: "ch'",
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

/** Mtavruli capitals (U+1C90…) are Mkhedruli (U+10D0…) shifted by a constant. */
const MTAVRULI_OFFSET = 0x1c90 - 0x10d0;

const SYMBOLS: Readonly<Record<string, string>> = {
  '₮': 'MNT',
  '₾': 'GEL',
  '€': 'EUR',
  '№': 'No',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  ʻ: "'",
  ʼ: "'",
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

function isUpper(char: string | undefined): boolean {
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

function casedLatin(latin: string, upper: boolean, nextUpper: boolean): string {
  if (!upper || latin === '') {
    return latin;
  }
  // "Хан" → "Khan", "ХААН" → "KHAAN".
  return nextUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
}

function transliterateChar(
  char: string,
  next: string | undefined,
  options: PoleTextOptions,
): string | undefined {
  const lower = char.toLowerCase();
  const cyr = CYRILLIC_LATIN[lower];
  if (cyr !== undefined) {
    return casedLatin(cyr, isUpper(char), isUpper(next));
  }
  const code = char.codePointAt(0) ?? 0;
  const mtavruli = code >= 0x1c90 && code <= 0x1cbf;
  const mkhedruli = mtavruli ? String.fromCodePoint(code - MTAVRULI_OFFSET) : char;
  const geo = GEORGIAN_LATIN[mkhedruli];
  if (geo !== undefined) {
    const latin = options.georgianApostrophes ? geo : geo.replace("'", '');
    const nextCode = next?.codePointAt(0) ?? 0;
    return casedLatin(latin, mtavruli, nextCode >= 0x1c90 && nextCode <= 0x1cbf);
  }
  return SYMBOLS[char];
}

/** The text as display bytes (one byte per cell), before fitting to the line width. */
export function encodePoleText(text: string, options: PoleTextOptions): number[] {
  const out: number[] = [];
  const chars = Array.from(text.normalize('NFC'));
  chars.forEach((char, i) => {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f) {
      out.push(code);
      return;
    }
    if (options.cyrillic === 'cp866') {
      const byte = CP866.get(CYRILLIC_SUBSTITUTES[char] ?? char);
      if (byte !== undefined) {
        out.push(byte);
        return;
      }
    }
    const latin = transliterateChar(char, chars[i + 1], options);
    if (latin !== undefined) {
      for (const c of latin) {
        out.push(c.charCodeAt(0));
      }
      return;
    }
    // Latin letters with accents: drop the accent.
    const stripped = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (stripped.length === 1 && stripped.charCodeAt(0) >= 0x20 && stripped.charCodeAt(0) < 0x7f) {
      out.push(stripped.charCodeAt(0));
      return;
    }
    out.push(0x3f); // '?'
  });
  return out;
}

/** A line in a layout: `left` and `right` parts (an amount on the right), or `center` text. */
export interface PoleLine {
  left?: string;
  right?: string;
  center?: string;
}

/**
 * Exactly `columns` bytes. The right part wins: the left is cut to leave it room and one space; an overlong part
 * is cut at the end.
 */
export function layoutPoleLine(line: PoleLine, options: PoleTextOptions, columns = POLE_COLUMNS): number[] {
  const space = 0x20;
  if (line.center !== undefined) {
    const text = encodePoleText(line.center, options).slice(0, columns);
    const before = Math.floor((columns - text.length) / 2);
    return [
      ...Array<number>(before).fill(space),
      ...text,
      ...Array<number>(columns - before - text.length).fill(space),
    ];
  }
  const right = encodePoleText(line.right ?? '', options).slice(0, columns);
  const room = right.length === 0 ? columns : Math.max(0, columns - right.length - 1);
  const left = encodePoleText(line.left ?? '', options).slice(0, room);
  return [...left, ...Array<number>(columns - left.length - right.length).fill(space), ...right];
}

/** Decodes transliterated (ASCII-only) cells back to a string; for tests and logs. */
export function cellsToAscii(cells: readonly number[]): string {
  return cells.map((b) => (b < 0x80 ? String.fromCharCode(b) : '\u00bf')).join('');
}
