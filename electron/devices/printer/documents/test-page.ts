/**
 * The settings screen's test page: the printer's profile, one line per receipt language (so the installer sees
 * at once whether the code page and the Georgian raster come out right), an amount and a QR — the parts a real
 * receipt is made of. Nothing on it is a sale's or the tax authority's.
 */
import type { PrintLine } from '../escpos/render';
import type { PrinterProfile } from '../escpos/profile';
import { RECEIPT_LOCALES, RECEIPT_WORDS } from './catalog';
import { centered, textLine, time } from './common';
import { receiptAmountWithCode } from './format';
import type { DocumentTime, Seller } from './model';

/** A line per language with letters a code page may lack: Mongolian Ө Ү, Uzbek Қ Ғ Ҳ, Georgian. */
const SAMPLES = {
  mn: 'Өндөг, үхрийн мах',
  en: 'Eggs, beef',
  ka: 'კვერცხი, საქონლის ხორცი',
  uz: 'Қатиқ, ғалла, ҳолва',
  ru: 'Яйца, говядина',
} as const;

export function testPageLines(input: {
  seller: Seller;
  time: DocumentTime;
  profile: PrinterProfile;
  printerLabel: string;
}): PrintLine[] {
  const { profile } = input;
  return [
    centered(input.seller.name, { bold: true }),
    centered('Kassa test page', { bold: true }),
    textLine('Printer', input.printerLabel),
    textLine('Paper', `${profile.paperWidth} mm`),
    textLine(
      'Code page',
      profile.codePage + (profile.codePageNumber === undefined ? '' : ` (${profile.codePageNumber})`),
    ),
    textLine('Georgian', profile.georgian),
    textLine(RECEIPT_WORDS.en.time, time(input.time)),
    { kind: 'rule' },
    ...RECEIPT_LOCALES.map((locale) => textLine(`${locale}: ${SAMPLES[locale]}`)),
    { kind: 'rule' },
    ...RECEIPT_LOCALES.map((locale) =>
      textLine(RECEIPT_WORDS[locale].total, receiptAmountWithCode({ amount: 123_456, currency: 'MNT' })),
    ),
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: 'KASSA TEST PAGE' },
  ];
}
