/** The journal:* channels: today's sales, one sale, the X report. */
import type { Clock } from '../kernel/clock';
import type { HandlerMap } from '../kernel/handlers';
import type { Journal } from '../storage/journal';
import { journalList, salesReport, startOfLocalDay } from './reports';
import type { SaleService } from './service';

export interface JournalHandlerDeps {
  journal: Journal;
  sales: SaleService;
  clock: Clock;
}

export function createJournalHandlers(deps: JournalHandlerDeps): HandlerMap<'journal'> {
  const range = (input: {
    from?: number | undefined;
    to?: number | undefined;
  }): { from: number; to: number } => {
    const now = deps.clock.now();
    // `to` defaults to just after now so a record written this millisecond is included.
    return { from: input.from ?? startOfLocalDay(now), to: input.to ?? now + 1 };
  };
  return {
    'journal:list': (input) => Promise.resolve(journalList(deps.journal, range(input))),
    'journal:get': ({ saleId }) => Promise.resolve(deps.sales.view(deps.sales.get(saleId))),
    'journal:report': (input) => Promise.resolve(salesReport(deps.journal, range(input))),
  };
}
