/**
 * Search folding, so a cashier typing Latin letters finds Cyrillic names ("suu" → "Сүү", "hleb" → "Хлеб",
 * "tsai" → "Цай"): both the name and the query are folded to one Latin skeleton and compared there. Mongolian
 * and Russian Cyrillic are covered; Latin spellings people actually type for the same sound fold together
 * (kh/h/x → h, zh/j → j, ts/c → c, ö → o, ü → u). Lowercase in, lowercase out. The catalog's name index
 * (storage/catalog-search.ts) keeps each name's folded form beside its lowercase form.
 */

/** Cyrillic letter → Latin, as Mongolians and Russians type them on a Latin keyboard. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
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
  х: 'h',
  ц: 'c',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh-Mongolian letters that appear in western aimags' shop names.
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ұ: 'u',
  һ: 'h',
  і: 'i',
};

/** Latin spellings of one sound, folded to one spelling (applied after the Cyrillic is replaced). */
const LATIN_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/kh|x/g, 'h'],
  [/zh/g, 'j'],
  [/ts/g, 'c'],
  [/ö/g, 'o'],
  [/ü/g, 'u'],
  [/w/g, 'v'],
];

const HAS_FOLDABLE = /[\u0400-\u04ff]|kh|x|zh|ts|ö|ü|w/;

/** The Latin skeleton of a lowercase text; text with nothing to fold is returned as it is. */
export function foldForSearch(lowercase: string): string {
  if (!HAS_FOLDABLE.test(lowercase)) {
    return lowercase;
  }
  let latin = '';
  for (const ch of lowercase) {
    latin += CYRILLIC_TO_LATIN[ch] ?? ch;
  }
  for (const [pattern, replacement] of LATIN_FOLDS) {
    latin = latin.replace(pattern, replacement);
  }
  return latin;
}
