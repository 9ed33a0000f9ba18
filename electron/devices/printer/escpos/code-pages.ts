/**
 * Cyrillic code pages the receipt printers have (docs/printing.md, "Code pages"): the byte for each character
 * of the upper half (0x80–0xFF). ASCII 0x20–0x7E is itself in both. Tables checked against the WHATWG
 * decoders (`TextDecoder('ibm866')`, `TextDecoder('windows-1251')`) in code-pages.test.ts.
 *
 * Neither page has Mongolian Ө ө Ү ү or Uzbek Қ қ Ғ ғ Ҳ ҳ (Ў ў are in both). No common ESC/POS code-page
 * table has them either, so a profile either substitutes the nearest letter (Ө→О, Ү→У, Қ→К, Ғ→Г, Ҳ→Х: the
 * text stays text, readable, like the pole display) or draws lines holding them as a raster image
 * (profile `cyrillicExtras: 'raster'`, raster.ts).
 */
import type { CodePageName } from './profile';
import { CYRILLIC_SUBSTITUTES } from '../../pole/text';

/** `\0` marks a byte whose character receipts never need (box drawing, rare signs). */
const CP866_UPPER =
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп' +
  '\0'.repeat(48) +
  'рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0';

const WPC1251_UPPER =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\0™љ›њќћџ' +
  '\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕї' +
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

function tableOf(upper: string): Map<string, number> {
  const map = new Map<string, number>();
  Array.from(upper).forEach((char, i) => {
    if (char !== '\0') {
      map.set(char, 0x80 + i);
    }
  });
  return map;
}

const ENCODE: Readonly<Record<CodePageName, Map<string, number>>> = {
  cp866: tableOf(CP866_UPPER),
  wpc1251: tableOf(WPC1251_UPPER),
};

/** The characters of bytes 0x80–0xFF, for decoding (tests, logs). */
export const UPPER_HALF: Readonly<Record<CodePageName, readonly string[]>> = {
  cp866: Array.from(CP866_UPPER),
  wpc1251: Array.from(WPC1251_UPPER),
};

/** Epson's `ESC t n` numbers: PC866 (Cyrillic #2) = 17, WPC1251 = 46. */
export const EPSON_CODE_PAGE_NUMBER: Readonly<Record<CodePageName, number>> = { cp866: 17, wpc1251: 46 };

/** Letters neither page has, written as the nearest one it has: the pole display's table. */
export { CYRILLIC_SUBSTITUTES };

/** Signs the pages lack, as text. */
const SIGNS: Readonly<Record<string, string>> = {
  '₮': 'MNT',
  '₾': 'GEL',
  '€': 'EUR',
  '−': '-',
  '–': '-',
  '—': '-',
  '×': 'x',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  ʻ: "'",
  ʼ: "'",
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

/** A sign the pages lack, spelled in ASCII (₮ → MNT), or undefined. */
export function spellSign(char: string): string | undefined {
  return SIGNS[char];
}

/** The byte of `char` in the page, or undefined (control characters never have one: text cannot carry commands). */
export function byteOf(char: string, page: CodePageName): number | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) {
    return code;
  }
  return ENCODE[page].get(char);
}

/** Whether the page can print `char` as it is. */
export function hasChar(char: string, page: CodePageName): boolean {
  return byteOf(char, page) !== undefined;
}

/**
 * Text → bytes in the page, one or more bytes per character: substitutes for missing Cyrillic letters, signs
 * spelled out, accents dropped, `?` for the rest. `otherwise` may spell a character first (Georgian
 * transliteration).
 */
export function encodeText(
  text: string,
  page: CodePageName,
  otherwise: (char: string) => string | undefined = () => undefined,
): number[] {
  const out: number[] = [];
  for (const char of Array.from(text.normalize('NFC'))) {
    const direct = byteOf(char, page) ?? byteOf(CYRILLIC_SUBSTITUTES[char] ?? '', page);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const spelled = otherwise(char) ?? SIGNS[char];
    if (spelled !== undefined) {
      out.push(...encodeText(spelled, page));
      continue;
    }
    const stripped = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const plain = stripped.length === 1 ? byteOf(stripped, page) : undefined;
    out.push(plain ?? 0x3f);
  }
  return out;
}

/** Bytes → text in the page (`\ufffd` where the table has no character). */
export function decodeText(bytes: readonly number[], page: CodePageName): string {
  return bytes
    .map((b) =>
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b >= 0x80 ? UPPER_HALF[page][b - 0x80] : '\ufffd',
    )
    .map((c) => (c === '\0' || c === undefined ? '\ufffd' : c))
    .join('');
}
