/** Test-only: every sale of a journal, oldest first, read page by page through the by-time index. */
import type { Sale } from '../../../shared/domain';
import type { Journal } from '../journal';

export function allSales(journal: Journal): Sale[] {
  const sales: Sale[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = journal.salesPage({ from: 0, to: Number.MAX_SAFE_INTEGER, limit: 200, cursor });
    sales.push(...page.sales);
    if (page.nextCursor === null) {
      return sales.reverse();
    }
    cursor = page.nextCursor;
  }
}
