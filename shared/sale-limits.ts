/**
 * Upper limits on a sale's amounts: every unit price, every line (price × quantity) and the sum of the lines
 * must stay within the currency's `maxAmount` (shared/money.ts). The sale service checks a sale with
 * `saleLimitIssues` before it is saved, so a too-large price or quantity is a `validation` answer naming the
 * field, and totals — which are never more than the sum of the lines — can never pass
 * Number.MAX_SAFE_INTEGER (docs/architecture.md §15). BigInt, so the check itself
 * cannot overflow whatever it is given.
 */
import type { Line, Sale } from './domain';
import { formatMoney, maxAmount, money } from './money';

export interface LimitIssue {
  /** Where the problem is, e.g. `lines.2.quantity`. */
  path: string;
  message: string;
}

/** unit price × quantity in minor units (weights in grams, rounded half-up), as a BigInt. */
function grossOf(line: Pick<Line, 'unitPrice' | 'measure' | 'quantity'>): bigint {
  const product = BigInt(line.unitPrice.amount) * BigInt(line.quantity);
  return line.measure === 'weight' ? (product * 2n + 1000n) / 2000n : product;
}

/** Every way the sale exceeds its currency's limit; empty when it is within limits. */
export function saleLimitIssues(sale: Pick<Sale, 'currency' | 'lines'>): LimitIssue[] {
  const max = maxAmount(sale.currency);
  const limit = formatMoney(money(max, sale.currency));
  const issues: LimitIssue[] = [];
  let subtotal = 0n;
  sale.lines.forEach((line, index) => {
    if (line.unitPrice.amount > max) {
      issues.push({ path: `lines.${index}.unitPrice`, message: `the price is more than ${limit}` });
      return;
    }
    const gross = grossOf(line);
    if (gross > BigInt(max)) {
      issues.push({
        path: `lines.${index}.quantity`,
        message: `${line.name}: price × quantity is more than ${limit}`,
      });
      return;
    }
    subtotal += gross;
  });
  if (issues.length === 0 && subtotal > BigInt(max)) {
    issues.push({ path: 'lines', message: `the sale would total more than ${limit}` });
  }
  return issues;
}
