/** The journal's interface and the shapes it reads and writes (journal.ts implements it). */
import type { Payment, Sale, Shift } from '../../shared/domain';
import type { LedgerEvent } from './ledger-events';
import type { Totals } from './ledger-totals';

/** What one command writes, together. */
export interface LedgerCommand {
  /** When it happened (the clock's now); event keys never go backwards. */
  at: number;
  events: readonly LedgerEvent[];
  sales?: readonly Sale[];
  payments?: readonly Payment[];
  shifts?: readonly Shift[];
}

export interface JournalEntry {
  at: number;
  seq: number;
  event: LedgerEvent;
}

export interface JournalRange {
  /** Inclusive, epoch ms. */
  from?: number;
  /** Exclusive, epoch ms. */
  to?: number;
  limit?: number;
  /** Newest first. */
  reverse?: boolean;
}

export interface SalesPageQuery {
  /** Sales created at or after (epoch ms). */
  from: number;
  /** Sales created before (epoch ms). */
  to: number;
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

export interface SalesPage {
  /** Newest first. */
  sales: Sale[];
  /** Where the next (older) page starts; null on the last page. */
  nextCursor: string | null;
}

export interface RangeTotals {
  /** The whole business days the totals cover: [from, to). */
  from: number;
  to: number;
  totals: Totals;
}

export interface Journal {
  /** Writes the command in one transaction; resolves once it is flushed to disk. Returns its entries. */
  commit(command: LedgerCommand): Promise<JournalEntry[]>;
  /** Events in key order (time, then commit order). */
  scan(range?: JournalRange): JournalEntry[];
  sale(id: string): Sale | undefined;
  /** One page of the sales created in [from, to), newest first, from the by-time index. */
  salesPage(query: SalesPageQuery): SalesPage;
  payment(id: string): Payment | undefined;
  paymentsForSale(saleId: string): Payment[];
  /** Payments not in a final state: what recovery re-checks after a restart. */
  listOpenPayments(): Payment[];
  /** Sales still open, held or paying (the till restores its current sale and held list from these). */
  listActiveSales(): Sale[];
  /** The highest sale number ever journaled (0 when none), for numbering the next sale. */
  lastSaleNumber(): number;
  /** The most recently opened shift, if any. */
  latestShift(): Shift | undefined;
  /**
   * The running totals of every business day the range touches, summed: a partial day counts whole (the
   * answer's from/to say which days). Reads one key per day, never the events.
   */
  totalsForDays(range: { from: number; to: number }): RangeTotals;
  /** The running totals of one shift (empty for a shift with nothing counted). */
  totalsForShift(shiftId: string): Totals;
  close(): Promise<void>;
}
