import type { Discount } from '../../../../shared/domain';
import type { CurrencyCode } from '../../../../shared/money';
import { parseAmount } from '../../stores/payment';
import { fmt } from '../format';

/** "10%" → percent; "500" → an amount of the sale currency. null when it is neither. */
export function parseDiscount(text: string, currency: CurrencyCode): Discount | null {
  const trimmed = text.trim();
  const percent = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%$/.exec(trimmed);
  if (percent) {
    const basisPoints = Number(percent[1]) * 100 + Number((percent[2] ?? '').padEnd(2, '0'));
    return basisPoints <= 10_000 ? { kind: 'percent', basisPoints } : null;
  }
  const amount = parseAmount(trimmed, currency);
  return amount === null ? null : { kind: 'amount', amount };
}

export function discountText(discount: Discount | null, currency: CurrencyCode): string {
  if (discount === null) {
    return '';
  }
  return discount.kind === 'percent'
    ? `${String(discount.basisPoints / 100)} %`
    : fmt(discount.amount, currency);
}
