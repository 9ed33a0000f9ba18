/**
 * The sales receipt recovery looks at on start (docs/architecture.md §9.1): those created in the last
 * RECEIPT_RECOVERY_DAYS days, read a page at a time from the by-time index. Older sales are not scanned on every
 * start; an open receipt older than that is still shown on its sale and resolved from the journal.
 */
import type { Sale } from '../../shared/domain';
import { MINUTE } from '../kernel/clock';
import type { Journal } from '../storage/journal';

export const RECEIPT_RECOVERY_DAYS = 7;

export function recentSales(journal: Pick<Journal, 'salesPage'>, now: number): Sale[] {
  const from = now - RECEIPT_RECOVERY_DAYS * 24 * 60 * MINUTE;
  const to = now + 1;
  const sales: Sale[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = journal.salesPage({ from, to, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    sales.push(...page.sales);
    if (page.nextCursor === null) {
      return sales;
    }
    cursor = page.nextCursor;
  }
}
