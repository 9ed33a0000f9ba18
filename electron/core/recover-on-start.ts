/**
 * What the last run left open, taken up on start (docs/architecture.md, "Sales, payments and the journal"):
 * payments are re-checked (never re-sent, only asked), then the receipts of recent paid sales are issued,
 * returned or corrected (§9.1) — after payments, so refunds settled on start count.
 */
import type { Logger } from '../log/logger';
import type { ReceiptService } from '../receipts/receipt-service';
import type { Journal } from '../storage/journal';
import type { Clock } from '../kernel/clock';
import { recentSales } from './recent-sales';
import type { Till } from './till';

export function recoverOnStart(deps: {
  till: Till;
  receipts: ReceiptService;
  journal: Journal;
  clock: Clock;
  logger: Logger;
}): Promise<void> {
  const log = deps.logger;
  return deps.till
    .recover()
    .then(
      (open) => {
        if (open.length > 0) {
          log.info({ count: open.length }, 'payments: resumed open payments from the journal');
        }
      },
      (error: unknown) => {
        log.error({ err: error }, 'payments: recovery failed; open payments will be checked on demand');
      },
    )
    .then(() => deps.receipts.recover(recentSales(deps.journal, deps.clock.now())))
    .then(
      (count) => {
        if (count > 0) {
          log.info({ count }, 'receipts: took up receipts left open by the last run');
        }
      },
      (error: unknown) => {
        log.error(
          { err: error },
          'receipts: recovery failed; open receipts are retried from the receipt screen',
        );
      },
    );
}
