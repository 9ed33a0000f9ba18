import { formatMoney, money, type CurrencyCode } from '../../../shared/money';
import type { Line } from '../../../shared/domain';

export function fmt(amount: number, currency: CurrencyCode): string {
  return formatMoney(money(amount, currency));
}

/** Pieces as a whole number; grams as kilograms with three decimals (integers only). */
export function quantityText(line: Pick<Line, 'measure' | 'quantity'>, kg: string): string {
  if (line.measure === 'each') {
    return String(line.quantity);
  }
  return `${Math.floor(line.quantity / 1000)}.${String(line.quantity % 1000).padStart(3, '0')} ${kg}`;
}

export function timeText(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
