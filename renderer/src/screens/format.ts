import { formatMoney, money, type CurrencyCode } from '../../../shared/money';
import type { Line } from '../../../shared/domain';
import { formatStoreTime } from '../../../shared/store-time';

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

/**
 * `HH:mm` of an instant on the store's clock (settings.store.timeZone, via useStoreTimeZone), not the computer's:
 * the screen, the printed receipt and the report name the same time (shared/store-time.ts).
 */
export function timeText(epochMs: number, timeZone: string): string {
  return formatStoreTime(epochMs, timeZone).slice(11, 16);
}

/** An ISO instant with its zone (`…T09:00:00.000Z`, `…T17:00:00+08:00`): a moment, not a wall-clock reading. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `YYYY-MM-DD HH:mm:ss` of an instant on the store's clock. A zoned ISO string is read as its instant; any other
 * text (PosAPI's `date`, already the store's wall clock) is shown as it is rather than guessed at.
 */
export function dateTimeText(instant: number | string, timeZone: string): string {
  if (typeof instant === 'number') {
    return formatStoreTime(instant, timeZone);
  }
  const at = ZONED_ISO.test(instant) ? Date.parse(instant) : Number.NaN;
  return Number.isNaN(at) ? instant : formatStoreTime(at, timeZone);
}
