/**
 * The journal: the till's durable, ordered record of every sale and payment change (docs/architecture.md §8).
 *
 * - lmdb (N-API prebuilt, no Electron rebuild). Opened with `overlappingSync: false`, so an append's promise
 *   resolves only after LMDB's commit has been fsync'ed: callers `await append()` *before* they show or act on
 *   a change (write-ahead). A crash after the await cannot lose the record; a crash before it loses a change
 *   nobody has seen.
 * - `log` keys are [time, seq]: range scans by time for reports; seq is a till-wide counter so records of the
 *   same millisecond keep their append order. The key time never goes backwards (a clock step back is clamped
 *   to the last key time), so key order is append order.
 * - Each append also updates the "current" tables (latest sale, latest payment, payments per sale, open
 *   payments) in the same transaction, so recovery and lookups never replay the log.
 * - Values are JSON validated by zod on the way in and on the way out; a record with a field named like
 *   eBarimt qrData / lottery or a secret is refused before anything is written.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import { z } from 'zod';
import {
  PaymentSchema,
  PaymentStateSchema,
  SaleSchema,
  ShiftSchema,
  TimestampSchema,
  needsRecovery,
  type Payment,
  type Sale,
  type Shift,
} from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import { commitOrFail } from './disk-errors';
import { checkAfterOpen, checkBeforeOpen } from './ledger-integrity';
import { acquireOwnerLock, type OwnerLock } from './owner-lock';

export const JournalRecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('sale'), at: TimestampSchema, sale: SaleSchema }),
  z.strictObject({
    type: z.literal('payment'),
    at: TimestampSchema,
    /** The state it left; null for the first record of a payment. */
    from: PaymentStateSchema.nullable(),
    payment: PaymentSchema,
  }),
  z.strictObject({ type: z.literal('shift'), at: TimestampSchema, shift: ShiftSchema }),
]);
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

export interface JournalEntry {
  at: number;
  seq: number;
  record: JournalRecord;
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

export interface Journal {
  /** Durably writes the record (and the current tables); resolves only once it is on disk. */
  append(record: JournalRecord): Promise<JournalEntry>;
  scan(range?: JournalRange): JournalEntry[];
  sale(id: string): Sale | undefined;
  /** Latest state of every sale created in the range (by createdAt), oldest first. */
  sales(range?: JournalRange): Sale[];
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
  close(): Promise<void>;
}

/**
 * Field names that must never reach disk: eBarimt receipt qrData and lottery (tax-authority rule) and
 * anything shaped like a credential. Payment.qr (a payment link) is deliberately not on this list.
 */
const FORBIDDEN_FIELD =
  /^(qr_?data|lottery|password|passwd|secret|client_?secret|api_?key|private_?key|access_?token|refresh_?token|token|pin|pan|card_?number)$/i;

/** Throws when any (nested) field name is forbidden. Exported for tests and for other stores to reuse. */
export function assertStorable(value: unknown, path = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      assertStorable(item, `${path}[${i}]`);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_FIELD.test(key)) {
        throw new KassaError(
          'validation',
          `The journal refuses to store a field named "${key}" (at ${path}): receipt qrData, lottery numbers and secrets are never written to disk.`,
        );
      }
      assertStorable(inner, `${path}.${key}`);
    }
  }
}

type LogKey = [number, number];

const ACTIVE_SALE_STATUSES: readonly Sale['status'][] = ['open', 'held', 'paying'];

export interface OpenJournalOptions {
  /** The data directory; the journal lives in <dataDir>/journal. */
  dataDir: string;
  /** For the owner lock's takeover line and the integrity check's notes. */
  logger?: Logger;
}

/** lmdb creates its files with the process umask (0644); the journal is the till's record: owner-only. */
function makePrivate(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if ((statSync(path).mode & 0o777) !== 0o600) {
      chmodSync(path, 0o600);
    }
  }
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
    // Commit = fsync'ed before the write promise resolves; see the file comment.
    overlappingSync: false,
    encoding: 'json',
    maxDbs: 12,
  });
  makePrivate(dir);
  const log: Database<unknown, LogKey> = env.openDB<unknown, LogKey>({ name: 'log', encoding: 'json' });
  const sales: Database<unknown, string> = env.openDB({ name: 'sales', encoding: 'json' });
  const payments: Database<unknown, string> = env.openDB({ name: 'payments', encoding: 'json' });
  // Key `${saleId}:${paymentId}` → true; ids are alphanumeric, so every key of a sale sorts between
  // `${saleId}:` and `${saleId};` (';' is the character after ':').
  const salePayments: Database<unknown, string> = env.openDB({ name: 'sale-payments', encoding: 'json' });
  const openPayments: Database<unknown, string> = env.openDB({ name: 'open-payments', encoding: 'json' });
  const activeSales: Database<unknown, string> = env.openDB({ name: 'active-sales', encoding: 'json' });
  // Sale numbers only grow, so one value holds the highest; reading it never scans the log.
  const meta: Database<unknown, string> = env.openDB({ name: 'meta', encoding: 'json' });
  const shifts: Database<unknown, string> = env.openDB({ name: 'shifts', encoding: 'json' });
  const ledger = checkAfterOpen({
    env,
    meta,
    dataDir: options.dataDir,
    before,
    now: Date.now(),
    logger: options.logger,
  });

  let last: LogKey = [0, 0];
  for (const key of log.getKeys({ reverse: true, limit: 1 })) {
    last = key;
  }
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
    return value === undefined ? undefined : parse(SaleSchema, value, `sale ${id}`);
  };
  const lastNumber = (): number => {
    const value = meta.get('lastSaleNumber');
    return typeof value === 'number' ? value : 0;
  };

  const getPayment = (id: string): Payment | undefined => {
    const value = payments.get(id);
    return value === undefined ? undefined : parse(PaymentSchema, value, `payment ${id}`);
  };

  return {
    async append(input) {
      if (closed) {
        throw new KassaError('state.conflict', 'The journal is closed.');
      }
      assertStorable(input);
      const record = JournalRecordSchema.parse(input);
      // Allocate the key synchronously, so concurrent appends keep their call order.
      const at = Math.max(record.at, last[0]);
      const key: LogKey = [at, last[1] + 1];
      last = key;
      // disk-errors.ts: a failed commit (full disk) is storage.full / storage.failed, never an unhandled rejection.
      await commitOrFail(env, () =>
        env.transaction(() => {
          void log.put(key, record);
          if (record.type === 'sale') {
            const sale = record.sale;
            void sales.put(sale.id, sale);
            if (ACTIVE_SALE_STATUSES.includes(sale.status)) {
              void activeSales.put(sale.id, true);
            } else {
              void activeSales.remove(sale.id);
            }
            if (sale.number > lastNumber()) {
              void meta.put('lastSaleNumber', sale.number);
            }
          } else if (record.type === 'payment') {
            const p = record.payment;
            void payments.put(p.id, p);
            void salePayments.put(`${p.saleId}:${p.id}`, true);
            if (needsRecovery(p.state)) {
              void openPayments.put(p.id, true);
            } else {
              void openPayments.remove(p.id);
            }
          } else {
            void shifts.put(record.shift.id, record.shift);
          }
        }),
      );
      if (record.type === 'sale') {
        ledger.noteSaleNumber(record.sale.number); // ledger.json's high-water mark, after the commit
      }
      return { at: key[0], seq: key[1], record };
    },

    scan(range = {}) {
      const entries: JournalEntry[] = [];
      // Keys are [time, seq]; the one-element key [t] sorts before every [t, seq], so [from] as the low bound
      // includes time `from` and [to] as the high bound excludes time `to`, in either direction.
      const low = range.from !== undefined ? [range.from] : undefined;
      const high = range.to !== undefined ? [range.to] : undefined;
      const [start, end] = range.reverse ? [high, low] : [low, high];
      for (const { key, value } of log.getRange({
        ...(start !== undefined ? { start } : {}),
        ...(end !== undefined ? { end } : {}),
        ...(range.limit !== undefined ? { limit: range.limit } : {}),
        ...(range.reverse ? { reverse: true } : {}),
      })) {
        entries.push({
          at: key[0],
          seq: key[1],
          record: parse(JournalRecordSchema, value, `entry ${key.join('/')}`),
        });
      }
      return entries;
    },

    sale: getSale,

    sales(range = {}) {
      const all: Sale[] = [];
      for (const { key, value } of sales.getRange()) {
        const sale = parse(SaleSchema, value, `sale ${key}`);
        if (
          (range.from === undefined || sale.createdAt >= range.from) &&
          (range.to === undefined || sale.createdAt < range.to)
        ) {
          all.push(sale);
        }
      }
      all.sort((a, b) => a.createdAt - b.createdAt || a.number - b.number);
      return range.limit === undefined ? all : all.slice(-range.limit);
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
        const shift = parse(ShiftSchema, value, `shift ${key}`);
        if (!latest || shift.number > latest.number) {
          latest = shift;
        }
      }
      return latest;
    },

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
