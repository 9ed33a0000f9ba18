/**
 * The journal: the till's ledger of sales, payments, receipts and shifts on lmdb (docs/architecture.md §8.1).
 *
 * One transaction per command. `commit()` writes, in ONE lmdb transaction:
 * - the command's small events (ledger-events.ts, stored as ledger-codec.ts lays them out) to the `event` log,
 *   keyed [time, seq];
 * - the current-state rows it changes (sales, payments, shifts: whole rows, one per id) and their indices
 *   (sales by creation time — a business day is one range of it —, payments per sale, open payments, active
 *   sales, the highest sale number, the open shift);
 * - the running totals the events change (ledger-totals.ts), per business day and per open shift.
 * A crash leaves all of a command or none of it: a payment is never `paid` while its sale is still `paying`.
 *
 * Durability: each command is one `transactionSync` on an environment opened with `overlappingSync: false`,
 * so lmdb commits AND flushes (fdatasync) before `transactionSync` returns; `commit()` then also awaits
 * `env.flushed` (already settled — kept so the acknowledgement stays flushed should the sync mode change). A
 * command is acknowledged (its promise resolves, the caller emits) only once it is on disk, which is what
 * payment, refund and receipt transitions need. Sale edits take the same path: measured on these machines a
 * visible-only commit (overlappingSync + async transaction) was no faster than a flushed one, and this
 * synchronous one had the lowest median (figures in docs/architecture.md §8.1); a synchronous transaction also
 * gives every command an atomic read-modify-write (nothing else runs between the reads that built it and its
 * commit), which the payment's command relies on to read the sale it changes.
 *
 * Values are validated by zod on the way in and on the way out; a command with a field named like eBarimt
 * qrData / lottery or a secret is refused before anything is written.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import { z } from 'zod';
import {
  PaymentSchema,
  SaleSchema,
  ShiftSchema,
  needsRecovery,
  type Payment,
  type Sale,
  type Shift,
} from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { makeFilesPrivate } from './private-files';
import type { Logger } from '../log/logger';
import { commitSyncOrFail } from './disk-errors';
import { checkAfterOpen, checkBeforeOpen } from './ledger-integrity';
import { MIGRATIONS, type MigrationStep } from './ledger-schema';
import { acquireOwnerLock, type OwnerLock } from './owner-lock';
import { nextLocalDay, startOfLocalDay } from '../kernel/local-day';
import { decodeEvent, encodeEvent } from './ledger-codec';
import { LedgerCommandSchema, type LedgerEvent } from './ledger-events';
import {
  addEvent,
  countsInTotals,
  dayKey,
  emptyTotals,
  shiftKey,
  sumTotals,
  TotalsSchema,
  type Totals,
} from './ledger-totals';
import type { Journal, JournalEntry } from './journal-types';
import { migrateLayout1 } from './journal-migrate';
import { compactKeys, expandKeys } from './compact-keys';
import { assertStorable } from './storable';

export { assertStorable } from './storable';

export type {
  Journal,
  JournalEntry,
  JournalRange,
  LedgerCommand,
  RangeTotals,
  SalesPage,
  SalesPageQuery,
} from './journal-types';

type LogKey = [number, number];
/** [createdAt, sale number]: unique per sale, ordered by creation. */
type TimeKey = [number, number];

const ACTIVE_SALE_STATUSES: readonly Sale['status'][] = ['open', 'held', 'paying'];
const CursorSchema = z.string().regex(/^\d{1,15}\.\d{1,12}$/);

export interface OpenJournalOptions {
  /** The data directory; the journal lives in <dataDir>/journal. */
  dataDir: string;
  logger?: Logger | undefined;
}

/** One owner per data dir (owner-lock.ts); a refused or damaged open lets go of it again. */
export function openJournal(options: OpenJournalOptions): Journal {
  const owner = acquireOwnerLock(options.dataDir, options.logger);
  try {
    return openOwnedJournal(options, owner);
  } catch (error) {
    owner.release();
    throw error;
  }
}

function openOwnedJournal(options: OpenJournalOptions, owner: OwnerLock): Journal {
  const dir = join(options.dataDir, 'journal');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const before = checkBeforeOpen(options.dataDir); // ledger-integrity.ts: before lmdb maps (or creates) the file
  const env: RootDatabase<unknown, string> = open<unknown, string>({
    path: dir,
    // transactionSync commits are flushed before they return; see the file comment.
    overlappingSync: false,
    encoding: 'json',
    maxDbs: 24,
  });
  makeFilesPrivate(dir);
  // The ledger's tables (layout 2: msgpack rows with short field names, positional events — 1.8 KiB a sale
  // against 12.8 KB of JSON snapshots; layout 1's `log`, `sales`, … are carried over once, journal-migrate.ts).
  const table = <K extends string | LogKey | TimeKey>(name: string): Database<unknown, K> =>
    env.openDB<unknown, K>({ name, encoding: 'msgpack' });
  const events = table<LogKey>('event');
  const sales = table<string>('sale');
  const salesByTime = table<TimeKey>('sale-by-time');
  const payments = table<string>('payment');
  // Key `${saleId}:${paymentId}` → true; ids are alphanumeric, so every key of a sale sorts between
  // `${saleId}:` and `${saleId};` (';' is the character after ':').
  const salePayments = table<string>('payment-of-sale');
  const openPayments = table<string>('open-payment');
  const activeSales = table<string>('active-sale');
  // Sale numbers only grow, so one value holds the highest; reading it never scans the log. Also the open shift.
  const meta = table<string>('counter');
  const shifts = table<string>('shift');
  // `day:<local midnight, 15 digits>` and `shift:<id>` → Totals; the padding makes day keys sort by time.
  const totals = table<string>('totals');

  let last: LogKey = [0, 0];
  let closed = false;

  const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new KassaError('internal', `journal: ${what} failed validation on read`, { cause: parsed.error });
    }
    return parsed.data;
  };

  const getSale = (id: string): Sale | undefined => {
    const value = sales.get(id);
    return value === undefined ? undefined : parse(SaleSchema, expandKeys(value), `sale ${id}`);
  };
  const lastNumber = (): number => {
    const value = meta.get('lastSaleNumber');
    return typeof value === 'number' ? value : 0;
  };
  const getPayment = (id: string): Payment | undefined => {
    const value = payments.get(id);
    return value === undefined ? undefined : parse(PaymentSchema, expandKeys(value), `payment ${id}`);
  };
  const readEvent = (value: unknown, key: LogKey): LedgerEvent => {
    try {
      return decodeEvent(value);
    } catch (error) {
      throw new KassaError('internal', `journal: event ${key.join('/')} failed validation on read`, {
        cause: error,
      });
    }
  };
  const readTotals = (key: string): Totals => {
    const value = totals.get(key);
    return value === undefined ? emptyTotals() : parse(TotalsSchema, expandKeys(value), `totals ${key}`);
  };

  /** The writes of one validated command, inside its synchronous transaction (sync writers: a failure is the commit's). */
  const write = (command: z.infer<typeof LedgerCommandSchema>, keys: LogKey[]): void => {
    for (const sale of command.sales ?? []) {
      sales.putSync(sale.id, compactKeys(sale));
      salesByTime.putSync([sale.createdAt, sale.number], sale.id);
      if (ACTIVE_SALE_STATUSES.includes(sale.status)) {
        activeSales.putSync(sale.id, true);
      } else {
        activeSales.removeSync(sale.id);
      }
      if (sale.number > lastNumber()) {
        meta.putSync('lastSaleNumber', sale.number);
      }
    }
    for (const p of command.payments ?? []) {
      payments.putSync(p.id, compactKeys(p));
      salePayments.putSync(`${p.saleId}:${p.id}`, true);
      if (needsRecovery(p.state)) {
        openPayments.putSync(p.id, true);
      } else {
        openPayments.removeSync(p.id);
      }
    }
    for (const shift of command.shifts ?? []) {
      shifts.putSync(shift.id, compactKeys(shift));
      if (shift.status === 'open') {
        meta.putSync('openShift', shift.id);
      } else if (meta.get('openShift') === shift.id) {
        meta.removeSync('openShift');
      }
    }
    const openShift = meta.get('openShift');
    command.events.forEach((event, i) => {
      const key = keys[i] ?? [command.at, 0];
      events.putSync(key, encodeEvent(event));
      if (!countsInTotals(event)) {
        return;
      }
      const day = dayKey(startOfLocalDay(key[0]));
      totals.putSync(day, compactKeys(addEvent(readTotals(day), event)));
      if (typeof openShift === 'string') {
        totals.putSync(shiftKey(openShift), compactKeys(addEvent(readTotals(shiftKey(openShift)), event)));
      }
    });
  };

  /** Keys for a command's events, in call order: the key time never goes backwards, so key order is commit order. */
  const keysFor = (at: number, count: number): LogKey[] => {
    const time = Math.max(at, last[0]);
    const keys = Array.from({ length: count }, (_e, i): LogKey => [time, last[1] + 1 + i]);
    last = keys.at(-1) ?? last;
    return keys;
  };

  // Schema version 1 → 2 (ledger-schema.ts runs it inside its step transaction with the version mark): the
  // first layout's history is carried over once (journal-migrate.ts); a new journal just passes through.
  const layoutStep: MigrationStep = {
    from: 1,
    to: 2,
    what: 'small events, msgpack rows and running totals (layout 2) carried over from whole-record snapshots',
    run() {
      migrateLayout1(env, dir, (command) => {
        const parsed = LedgerCommandSchema.parse(command);
        write(parsed, keysFor(parsed.at, parsed.events.length));
      });
    },
  };
  // Integrity (tables walked, identity against ledger.json), then the migrations; throws before writing on damage.
  const ledger = checkAfterOpen({
    env,
    dataDir: options.dataDir,
    before,
    now: Date.now(),
    logger: options.logger,
    steps: [...MIGRATIONS, layoutStep],
    lastSaleNumber: lastNumber,
  });
  for (const key of events.getKeys({ reverse: true, limit: 1 })) {
    last = key;
  }

  return {
    async commit(input) {
      if (closed) {
        throw new KassaError('state.conflict', 'The journal is closed.');
      }
      assertStorable(input);
      const command = LedgerCommandSchema.parse(input);
      const previous = last;
      const keys = keysFor(command.at, command.events.length);
      try {
        // disk-errors.ts: a full disk answers storage.full / storage.failed, nothing written, the till runs on.
        commitSyncOrFail(() => {
          env.transactionSync(() => {
            write(command, keys);
          });
        });
      } catch (error) {
        last = previous;
        throw error;
      }
      await env.flushed;
      // ledger.json's high-water mark, after the commit (never ahead of the journal).
      ledger.noteSaleNumber(Math.max(0, ...(command.sales ?? []).map((sale) => sale.number)));
      return command.events.map((event, i) => ({
        at: keys[i]?.[0] ?? command.at,
        seq: keys[i]?.[1] ?? 0,
        event,
      }));
    },

    scan(range = {}) {
      const entries: JournalEntry[] = [];
      // Keys are [time, seq]; the one-element key [t] sorts before every [t, seq], so [from] as the low bound
      // includes time `from` and [to] as the high bound excludes time `to`, in either direction.
      const low = range.from !== undefined ? [range.from] : undefined;
      const high = range.to !== undefined ? [range.to] : undefined;
      const [start, end] = range.reverse ? [high, low] : [low, high];
      for (const { key, value } of events.getRange({
        ...(start !== undefined ? { start } : {}),
        ...(end !== undefined ? { end } : {}),
        ...(range.limit !== undefined ? { limit: range.limit } : {}),
        ...(range.reverse ? { reverse: true } : {}),
      })) {
        entries.push({ at: key[0], seq: key[1], event: readEvent(value, key) });
      }
      return entries;
    },

    sale: getSale,

    salesPage({ from, to, limit, cursor }) {
      let high: TimeKey | [number] = [to];
      if (cursor !== undefined) {
        const [at, number] = CursorSchema.parse(cursor).split('.').map(Number);
        high = [Math.min(at ?? to, to), number ?? 0];
      }
      const list: Sale[] = [];
      let nextCursor: string | null = null;
      // Newest first from just below `high` (a cursor names the last sale of the previous page, excluded).
      for (const { key, value } of salesByTime.getRange({ start: high, end: [from], reverse: true })) {
        if (key[0] === high[0] && key[1] === high[1]) {
          continue;
        }
        if (list.length === limit) {
          const lastSale = list.at(-1);
          nextCursor = lastSale ? `${lastSale.createdAt}.${lastSale.number}` : null;
          break;
        }
        const sale = typeof value === 'string' ? getSale(value) : undefined;
        if (sale) {
          list.push(sale);
        }
      }
      return { sales: list, nextCursor };
    },

    payment: getPayment,

    paymentsForSale(saleId) {
      const list: Payment[] = [];
      for (const key of salePayments.getKeys({ start: `${saleId}:`, end: `${saleId};` })) {
        const payment = getPayment(key.slice(saleId.length + 1));
        if (payment) {
          list.push(payment);
        }
      }
      return list.sort((a, b) => a.attempt - b.attempt || a.createdAt - b.createdAt);
    },

    listOpenPayments() {
      const list: Payment[] = [];
      for (const id of openPayments.getKeys()) {
        const payment = getPayment(id);
        if (payment && needsRecovery(payment.state)) {
          list.push(payment);
        }
      }
      return list;
    },

    listActiveSales() {
      const list: Sale[] = [];
      for (const id of activeSales.getKeys()) {
        const sale = getSale(id);
        if (sale && ACTIVE_SALE_STATUSES.includes(sale.status)) {
          list.push(sale);
        }
      }
      return list.sort((a, b) => a.number - b.number);
    },

    lastSaleNumber: lastNumber,

    latestShift() {
      let latest: Shift | undefined;
      for (const { key, value } of shifts.getRange()) {
        const shift = parse(ShiftSchema, expandKeys(value), `shift ${key}`);
        if (!latest || shift.number > latest.number) {
          latest = shift;
        }
      }
      return latest;
    },

    totalsForDays({ from, to }) {
      const first = startOfLocalDay(from);
      let sum = emptyTotals();
      // Only the days that have totals are stored, so a long range reads as many keys as it has trading days.
      for (const { key, value } of totals.getRange({ start: dayKey(first), end: dayKey(to) })) {
        sum = sumTotals(sum, parse(TotalsSchema, expandKeys(value), `totals ${key}`));
      }
      const last = startOfLocalDay(Math.max(first, to - 1));
      return { from: first, to: nextLocalDay(last), totals: sum };
    },

    totalsForShift: (shiftId) => readTotals(shiftKey(shiftId)),

    async close() {
      if (closed) {
        return;
      }
      closed = true;
      // lmdb releases a read snapshot on a setTimeout(0) after each read; let that run before the env closes,
      // or it fires on a closed env and throws ("Attempt to reset an invalid read txn").
      await new Promise((resolve) => setTimeout(resolve, 0));
      await env.close();
      owner.release();
    },
  };
}
