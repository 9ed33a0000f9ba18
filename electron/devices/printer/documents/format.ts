/**
 * Numbers as receipts print them: amounts grouped with plain spaces (the printers have no narrow no-break
 * space) and no currency sign (₮ and ₾ are in no code page) — the currency code follows the total.
 */
import { toMajorString, type Money } from '../../../../shared/money';

export function receiptAmount(m: Money): string {
  const major = toMajorString(m);
  const negative = major.startsWith('-');
  const [whole = '0', frac] = major.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** With the currency code: "12 500 MNT". */
export function receiptAmountWithCode(m: Money): string {
  return `${receiptAmount(m)} ${m.currency}`;
}

/** Thousandths as a quantity: "2", "1.250". */
export function receiptQuantity(thousandths: number): string {
  if (!Number.isSafeInteger(thousandths)) {
    throw new RangeError(`quantity ${thousandths} is not whole thousandths`);
  }
  const sign = thousandths < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(thousandths) / 1000);
  const rest = Math.abs(thousandths) % 1000;
  return `${sign}${whole}${rest === 0 ? '' : `.${String(rest).padStart(3, '0')}`}`;
}
