/**
 * What a scanned (or typed) code is. Pure TypeScript, used by the main-process scan router and by renderer
 * fields that accept a buyer identifier.
 *
 * Ambiguities are resolved deliberately, never by accident:
 *   - 8 digits can be an EAN-8, an eBarimt customer code or a Mongolian mobile number; 12 digits can be a UPC-A or
 *     an Uzbek number without "+". `prefer: 'product'` (sale screen) reads them as barcodes and checks the check
 *     digit; `prefer: 'identity'` (buyer field on the approval screen) reads them as identifiers.
 *   - A scanner-reported symbology (AIM or vendor byte, see `Symbology`) beats both: an EAN-8 symbol is checked as
 *     EAN-8 whatever the screen, a QR code with 8 digits is an identifier.
 *   - A bad check digit is reported as `invalid-checksum`, never accepted as a product or guessed to be something else.
 */

// --- Symbologies ------------------------------------------------------------------------------------------------

/** Normalised symbology names, from an AIM identifier (']E0') or a vendor byte (Honeywell 'd'). */
export type Symbology =
  | 'ean13'
  | 'ean8'
  | 'upca'
  | 'upce'
  | 'code128'
  | 'gs1-128'
  | 'code39'
  | 'itf'
  | 'qr'
  | 'datamatrix'
  | 'pdf417'
  | 'gs1-databar'
  | 'other';

const EAN_FAMILY: ReadonlySet<Symbology> = new Set<Symbology>(['ean13', 'ean8', 'upca', 'upce']);

const AIM_CODES: Readonly<Record<string, Symbology>> = {
  A: 'code39',
  I: 'itf',
  Q: 'qr',
  d: 'datamatrix',
  L: 'pdf417',
  e: 'gs1-databar',
};

/**
 * AIM / ISO/IEC 15424 symbology identifier (']' + code character + modifier) → symbology.
 * ']E0' is EAN-13 *and* UPC-A (a UPC-A is sent as 13 digits with a leading 0); ']E4' is EAN-8.
 */
export function symbologyFromAim(aim: string): Symbology {
  if (aim.length !== 3 || !aim.startsWith(']')) {
    return 'other';
  }
  const code = aim.charAt(1);
  const modifier = aim.charAt(2);
  if (code === 'E') {
    return modifier === '4' ? 'ean8' : 'ean13';
  }
  if (code === 'C') {
    return modifier === '1' ? 'gs1-128' : 'code128';
  }
  return AIM_CODES[code] ?? 'other';
}

// --- Check digits -----------------------------------------------------------------------------------------------

/** GTIN (EAN-8 / UPC-A / EAN-13) check digit for the digits before it: weights 3,1,3,… from the right. */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) {
    throw new Error('gtinCheckDigit: digits only');
  }
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the GTIN check digit of the others. */
export function hasValidGtinCheckDigit(code: string): boolean {
  return /^\d{2,}$/.test(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

// --- Options ----------------------------------------------------------------------------------------------------

/**
 * An in-store EAN-13 with an embedded weight or price (Odoo's `23.....{NNNDD}` idea, integers only):
 *   prefix | item code (itemCodeDigits) | ignored digits (e.g. a price check digit) | value (valueDigits) | check
 * prefix.length + itemCodeDigits + valueDigits must be ≤ 12.
 */
export interface EmbeddedRule {
  prefix: string;
  kind: 'weight' | 'price';
  itemCodeDigits: number;
  valueDigits: number;
}

export type PhoneCountry = 'MN' | 'GE' | 'UZ';

export interface ClassifyOptions {
  /** How to read bare 8 / 12 digit strings when the symbology does not say. Default 'product'. */
  prefer?: 'product' | 'identity';
  /** Symbology reported by the scanner, if any. */
  symbology?: Symbology;
  /** Embedded weight/price rules, tried in order. Default none (every prefix-2 EAN-13 is a plain EAN-13). */
  embedded?: readonly EmbeddedRule[];
  /** Digits-only strings at least this long are eBarimt qrData. Default 40 (real qrData is ~200 digits). */
  qrMinDigits?: number;
  /** The shop's country: national phone forms without a country code are read for this country. Default 'MN'. */
  country?: PhoneCountry;
}

/** Convenience: one rule per prefix, e.g. `embeddedRules(['20','21'], 'weight', 5, 5)`. */
export function embeddedRules(
  prefixes: readonly string[],
  kind: EmbeddedRule['kind'],
  itemCodeDigits: number,
  valueDigits: number,
): EmbeddedRule[] {
  return prefixes.map((prefix) => ({ prefix, kind, itemCodeDigits, valueDigits }));
}

// --- Result -----------------------------------------------------------------------------------------------------

export type ClassifiedCode =
  | { kind: 'ean13'; code: string }
  | { kind: 'ean8'; code: string }
  /** `gtin13` is the same item as a 13-digit code (leading 0), for catalogue lookup. */
  | { kind: 'upca'; code: string; gtin13: string }
  /**
   * `lookupCode`: the code with the value digits zeroed and the check digit recomputed — what the catalogue stores.
   * `value` is grams for 'weight' and minor currency units for 'price'; always an integer.
   */
  | {
      kind: 'weight' | 'price';
      code: string;
      prefix: string;
      itemCode: string;
      value: number;
      lookupCode: string;
    }
  | {
      kind: 'invalid-checksum';
      code: string;
      symbology: 'ean13' | 'ean8' | 'upca';
      expected: number;
      actual: number;
    }
  /** eBarimt receipt qrData: digits only. Never store or log it (ITC rule). */
  | { kind: 'ebarimt-qr'; qrData: string }
  /** 8-digit eBarimt customer code (`loginName` / `customerNo` / `consumerNo`). */
  | { kind: 'customer-no'; customerNo: string }
  /** Citizen register number: 2 Mongolian Cyrillic letters + 8 digits, normalised to upper case, no spaces. */
  | { kind: 'regno'; regNo: string }
  | { kind: 'phone'; country: PhoneCountry; national: string; e164: string }
  | { kind: 'unknown'; text: string };

export type CodeKind = ClassifiedCode['kind'];

// --- Identifiers ------------------------------------------------------------------------------------------------

/** The Mongolian Cyrillic alphabet (Russian letters plus Ө and Ү), upper case. */
const MONGOLIAN_UPPER = 'АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ';
const REGNO = new RegExp(`^([${MONGOLIAN_UPPER}]{2})\\s?(\\d{8})$`);

/**
 * Latin capitals that look the same as a Cyrillic one, as a register number typed on a Latin keyboard (or copied
 * from ITC's own document, whose test citizen is `AA12345678` in Latin letters) spells them. Only letters whose
 * Cyrillic twin is unambiguous: `Y` (У or Ү?) and the letters with no twin stay unread, so nothing is guessed.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

/**
 * Register number in normal form (Cyrillic letters, upper case, no space), or undefined. Accepts lower case,
 * one space between letters and digits, and Latin look-alike letters (`AA12345678` → `АА12345678`).
 */
export function normaliseRegNo(text: string): string | undefined {
  const upper = text.trim().toLocaleUpperCase('mn');
  // Only the two leading letters are mapped (ASCII, one code unit each).
  const cyrillic = upper.replace(/^[A-Z]{1,2}/, (letters) =>
    letters.replace(/[A-Z]/g, (letter) => LATIN_LOOKALIKES[letter] ?? letter),
  );
  const match = REGNO.exec(cyrillic);
  return match ? `${match[1] ?? ''}${match[2] ?? ''}` : undefined;
}

/** Mongolian mobile numbers: 8 digits, first digit 6, 8 or 9 (7… are fixed lines; 1–5 are not phone numbers). */
const MN_MOBILE = /^[689]\d{7}$/;
/** Georgian mobile: 9 digits starting with 5. */
const GE_MOBILE = /^5\d{8}$/;
/** Uzbek numbers: 9 digits (operator code + 7). */
const UZ_NATIONAL = /^\d{9}$/;

const COUNTRY_CODES: Record<PhoneCountry, string> = { MN: '976', GE: '995', UZ: '998' };
const NATIONAL: Record<PhoneCountry, RegExp> = { MN: MN_MOBILE, GE: GE_MOBILE, UZ: UZ_NATIONAL };

function phone(country: PhoneCountry, national: string): ClassifiedCode {
  return { kind: 'phone', country, national, e164: `+${COUNTRY_CODES[country]}${national}` };
}

/** Phone forms: `+976 9911 2233`, `976-99112233`, `(+995) 555 12 34 56`; spaces, dashes, dots and brackets ignored. */
function classifyPhone(text: string, country: PhoneCountry): ClassifiedCode | undefined {
  if (!/^\+?[\d\s\-().]+$/.test(text)) {
    return undefined;
  }
  const plus = text.includes('+');
  const digits = text.replace(/\D/g, '');
  for (const candidate of ['MN', 'GE', 'UZ'] as const) {
    const cc = COUNTRY_CODES[candidate];
    if (digits.startsWith(cc) && NATIONAL[candidate].test(digits.slice(cc.length))) {
      return phone(candidate, digits.slice(cc.length));
    }
  }
  if (!plus && /\s|-|\(|\./.test(text) && NATIONAL[country].test(digits)) {
    // "9911 2233" written with separators: clearly a phone, not a code.
    return phone(country, digits);
  }
  return undefined;
}

// --- Classification ---------------------------------------------------------------------------------------------

function classifyEmbedded(code: string, rules: readonly EmbeddedRule[]): ClassifiedCode | undefined {
  for (const rule of rules) {
    if (rule.prefix.length + rule.itemCodeDigits + rule.valueDigits > 12 || rule.valueDigits < 1) {
      throw new Error(`embedded rule for prefix ${rule.prefix} does not fit in an EAN-13`);
    }
    if (!code.startsWith(rule.prefix)) {
      continue;
    }
    const itemStart = rule.prefix.length;
    const valueStart = 12 - rule.valueDigits;
    const body = `${code.slice(0, valueStart)}${'0'.repeat(rule.valueDigits)}`;
    return {
      kind: rule.kind,
      code,
      prefix: rule.prefix,
      itemCode: code.slice(itemStart, itemStart + rule.itemCodeDigits),
      value: Number.parseInt(code.slice(valueStart, 12), 10),
      lookupCode: `${body}${gtinCheckDigit(body)}`,
    };
  }
  return undefined;
}

function checkGtin(
  code: string,
  symbology: 'ean13' | 'ean8' | 'upca',
  embedded: readonly EmbeddedRule[],
): ClassifiedCode {
  const expected = gtinCheckDigit(code.slice(0, -1));
  const actual = Number(code.at(-1));
  if (expected !== actual) {
    return { kind: 'invalid-checksum', code, symbology, expected, actual };
  }
  switch (symbology) {
    case 'ean8':
      return { kind: 'ean8', code };
    case 'upca':
      return { kind: 'upca', code, gtin13: `0${code}` };
    case 'ean13':
      return classifyEmbedded(code, embedded) ?? { kind: 'ean13', code };
  }
}

function classifyIdentityDigits(digits: string, country: PhoneCountry): ClassifiedCode | undefined {
  if (digits.length === 8) {
    // Known eBarimt customer codes start with 1 ("11****** код", sample 10038071); mobile numbers with 6/8/9.
    return country === 'MN' && MN_MOBILE.test(digits)
      ? phone('MN', digits)
      : { kind: 'customer-no', customerNo: digits };
  }
  if (NATIONAL[country].test(digits) && country !== 'MN') {
    return phone(country, digits);
  }
  return classifyPhone(digits, country);
}

/** Classifies one scan or typed value. Trailing CR/LF/Tab and surrounding spaces are ignored. */
export function classifyCode(input: string, options: ClassifyOptions = {}): ClassifiedCode {
  const text = input.trim();
  const prefer = options.prefer ?? 'product';
  const symbology = options.symbology;
  const embedded = options.embedded ?? [];
  const country = options.country ?? 'MN';
  const qrMinDigits = options.qrMinDigits ?? 40;

  if (/^\d+$/.test(text)) {
    if (text.length >= qrMinDigits) {
      return { kind: 'ebarimt-qr', qrData: text };
    }
    if (symbology === 'upce') {
      // UPC-E's check digit belongs to the expanded UPC-A; scanners usually expand it themselves. Not read here.
      return { kind: 'unknown', text };
    }
    const barcodeSymbol = symbology !== undefined && EAN_FAMILY.has(symbology);
    const otherSymbol = symbology !== undefined && !EAN_FAMILY.has(symbology);
    const asProduct = barcodeSymbol || (!otherSymbol && prefer === 'product');
    if (asProduct) {
      // ']E0' carries UPC-A as 13 digits with a leading 0: still one EAN-13 check.
      if (text.length === 13) {
        return checkGtin(text, 'ean13', embedded);
      }
      if (text.length === 12) {
        return checkGtin(text, 'upca', embedded);
      }
      if (text.length === 8) {
        return checkGtin(text, 'ean8', embedded);
      }
    }
    if (!barcodeSymbol) {
      const identity = classifyIdentityDigits(text, country);
      if (identity) {
        return identity;
      }
    }
    return { kind: 'unknown', text };
  }

  const regNo = normaliseRegNo(text);
  if (regNo !== undefined) {
    return { kind: 'regno', regNo };
  }
  return classifyPhone(text, country) ?? { kind: 'unknown', text };
}
