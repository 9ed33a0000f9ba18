/** The journal:* channels: a day's sales page by page, one sale, the X report of a day, range or shift. */
import { JOURNAL_PAGE_DEFAULT, type SalesReport } from '../../shared/channels/journal';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import { nextLocalDay, startOfLocalDay } from '../kernel/local-day';
import type { Journal } from '../storage/journal';
import { journalList, reportOf, salesReport } from './reports';
import type { SaleService } from './service';

export interface JournalHandlerDeps {
  journal: Journal;
  sales: SaleService;
  clock: Clock;
}

interface RangeInput {
  from?: number | undefined;
  to?: number | undefined;
  day?: number | undefined;
}

function rangeOf(clock: Clock, input: RangeInput): { from: number; to: number } {
  if (input.day !== undefined) {
    const from = startOfLocalDay(input.day);
    return { from, to: nextLocalDay(from) };
  }
  const now = clock.now();
  // `to` defaults to just after now so a record written this millisecond is included.
  return { from: input.from ?? startOfLocalDay(now), to: input.to ?? now + 1 };
}

/** The X report of today, a day, a range or the latest shift (journal:report; printer:print-report prints it). */
export function readReport(
  deps: Pick<JournalHandlerDeps, 'journal' | 'clock'>,
  input: RangeInput & { shiftId?: string | undefined },
): SalesReport {
  if (input.shiftId === undefined) {
    return salesReport(deps.journal, rangeOf(deps.clock, input));
  }
  const shift = deps.journal.latestShift();
  if (shift?.id !== input.shiftId) {
    throw new KassaError('not_found', `There is no shift ${input.shiftId} to report on.`);
  }
  return reportOf(deps.journal.totalsForShift(shift.id), {
    from: shift.openedAt,
    to: shift.closedAt ?? deps.clock.now() + 1,
  });
}

export function createJournalHandlers(deps: JournalHandlerDeps): HandlerMap<'journal'> {
  const range = (input: RangeInput): { from: number; to: number } => rangeOf(deps.clock, input);
  return {
    'journal:list': (input) =>
      Promise.resolve(
        journalList(deps.journal, {
          ...range(input),
          limit: input.limit ?? JOURNAL_PAGE_DEFAULT,
          cursor: input.cursor,
        }),
      ),
    'journal:get': ({ saleId }) => Promise.resolve(deps.sales.view(deps.sales.get(saleId))),
    'journal:report': (input) => Promise.resolve(readReport(deps, input)),
  };
}
