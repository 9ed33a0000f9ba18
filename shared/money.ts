/**
 * Money is an integer count of minor units plus a currency. Never a float.
 * MNT and UZS have no minor unit in practice (the tögrög's möngö and the so'm's tiyin are not used in cash),
 * so their minor unit is the whole unit; GEL has 100 tetri.
 */
import { z } from 'zod';

/**
 * `maxAmount` is the largest amount, in minor units, of any one price, line, sale total, payment or cash
 * handed over: far above a real shop's sale (about 3 million US dollars in each currency) and far below
 * Number.MAX_SAFE_INTEGER, so sums of a sale's lines are checked against it and can never overflow
 * (docs/architecture.md §15).
 */
export const CURRENCIES = {
  MNT: { code: 'MNT', exponent: 0, symbol: '₮', locale: 'mn-MN', maxAmount: 10_000_000_000 },
  GEL: { code: 'GEL', exponent: 2, symbol: '₾', locale: 'ka-GE', maxAmount: 1_000_000_000 },
  UZS: { code: 'UZS', exponent: 0, symbol: "so'm", locale: 'uz-UZ', maxAmount: 40_000_000_000 },
} as const;

export type CurrencyCode = keyof typeof CURRENCIES;
export const CurrencyCodeSchema = z.enum(['MNT', 'GEL', 'UZS']);

/** Integer minor units; safe-integer range so arithmetic never loses precision. */
export const MinorUnitsSchema = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** The largest `maxAmount` of any currency: what an amount input may be before its currency is known. */
export const MAX_MINOR_UNITS = Math.max(...Object.values(CURRENCIES).map((c) => c.maxAmount));

/** An amount typed at the till (price, payment, cash handed over): a whole number of minor units, within limits. */
export const AmountInputSchema = z
  .number()
  .int('an amount is a whole number of minor units')
  .min(0, 'an amount cannot be negative')
  .max(MAX_MINOR_UNITS, 'the amount is larger than any sale this till takes');

/** The currency's limit (`maxAmount`), for messages and checks. */
export function maxAmount(currency: CurrencyCode): number {
  return CURRENCIES[currency].maxAmount;
}

/** Whether a non-negative amount is within its currency's limit. */
export function withinLimit(amount: number, currency: CurrencyCode): boolean {
  return Number.isSafeInteger(amount) && amount >= 0 && amount <= CURRENCIES[currency].maxAmount;
}

export const MoneySchema = z.object({ amount: MinorUnitsSchema, currency: CurrencyCodeSchema });
export type Money = z.infer<typeof MoneySchema>;

export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`money: amount must be a safe integer of minor units, got ${String(amount)}`);
  }
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`money: cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((acc, m) => add(acc, m), money(0, currency));
}

/** Multiply by an integer quantity. Fractional quantities (weights) go through multiplyByThousandths. */
export function multiply(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new RangeError(`money: quantity must be an integer, got ${String(quantity)}`);
  }
  return money(a.amount * quantity, a.currency);
}

/**
 * Integer division with half-up rounding (away from zero for negatives), done in integers.
 * Used for weights (grams → thousandths), percentages (basis points) and tax shares.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError('money: divideRounded needs safe integers and a non-zero denominator');
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  return sign * (r * 2 >= d ? q + 1 : q);
}

/** unit price × quantity in thousandths (e.g. 1.250 kg = 1250), rounded half-up to a minor unit. */
export function multiplyByThousandths(unit: Money, thousandths: number): Money {
  return money(divideRounded(unit.amount * thousandths, 1000), unit.currency);
}

/** A share in basis points (1 % = 100 bp), rounded half-up. */
export function percentOf(a: Money, basisPoints: number): Money {
  return money(divideRounded(a.amount * basisPoints, 10_000), a.currency);
}

/**
 * Minor units → a major-unit decimal string ("12.50" for 1250 tetri; "12500" for 12 500 MNT).
 * This is how amounts go onto provider wires that want major units: no float ever touches the value.
 */
export function toMajorString(m: Money): string {
  const exp = CURRENCIES[m.currency].exponent;
  const negative = m.amount < 0;
  const digits = Math.abs(m.amount).toString();
  if (exp === 0) {
    return (negative ? '-' : '') + digits;
  }
  const padded = digits.padStart(exp + 1, '0');
  const whole = padded.slice(0, padded.length - exp);
  const frac = padded.slice(padded.length - exp);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Parse a major-unit decimal string strictly ("12.5" → 1250 tetri). Rejects more decimals than the currency has. */
export function fromMajorString(text: string, currency: CurrencyCode): Money {
  const exp = CURRENCIES[currency].exponent;
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new RangeError(`money: "${text}" is not a decimal amount`);
  }
  const [, sign, whole = '0', frac = ''] = match;
  const trimmedFrac = frac.replace(/0+$/, '');
  if (trimmedFrac.length > exp) {
    throw new RangeError(`money: "${text}" has more than ${exp} decimals for ${currency}`);
  }
  const minor = Number(whole + frac.padEnd(exp, '0').slice(0, exp));
  return money(sign ? -minor : minor, currency);
}

/** Human formatting for screens and receipts: "12 500 ₮", "12.50 ₾", "12 500 so'm". */
export function formatMoney(m: Money): string {
  const major = toMajorString(m);
  const [whole = '0', frac] = major.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const sign = m.amount < 0 ? '−' : '';
  const body = frac === undefined ? grouped : `${grouped}.${frac}`;
  return `${sign}${body} ${CURRENCIES[m.currency].symbol}`;
}
