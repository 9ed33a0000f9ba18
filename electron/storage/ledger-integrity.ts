/**
 * The journal's integrity check on open (docs/architecture.md §5, "Integrity"): a damaged, truncated, deleted
 * or replaced journal refuses to start with `storage.damaged` naming the file, and the file is kept exactly as
 * it is. The till never starts with sales missing, and sale numbers (and the eBarimt bill-id suffixes derived
 * from them, receipts/receipt-service.ts) never start again from #1.
 *
 * What each check catches (measured on the findings of issue 10):
 * 1. Before lmdb maps the file (ledger-file-check.ts): a truncated data.mdb (was SIGBUS, no message).
 * 2. `ledger.json` outside lmdb (0600, written atomically): the ledger's id, creation time and the highest sale
 *    number journaled. With it present, a deleted or emptied journal (was: started empty, numbered from #1) or
 *    a journal from another ledger or an older copy (fewer sales than recorded) is refused. It is written after
 *    the journal's commit, so it is never ahead of the journal; a crash between the two leaves it behind, which
 *    the check allows.
 * 3. After open, before anything is written: every table is walked — the keys counted against the entry count
 *    lmdb keeps in the table's own record (updated by lmdb in the same transaction as the rows, so a counter of
 *    our own in the meta table would only repeat it; damage to a page loses rows, not the record's count), the values of the current-state tables parsed — and the tables are
 *    checked against each other (meta's last sale number = the highest sale; every open payment, active sale
 *    and sale-payment link points at a row that exists). 8 KB of garbage in data.mdb used to start the till
 *    with 11 of 30 sales missing; measured over every page of a 30-sale journal, 106 of 112 positions are refused
 *    and 6 are harmless (free pages); the test sweeps every fifth page. The log's values (whole sale snapshots
 *    today) are not parsed here: their keys are walked, and each value is still validated when it is read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, RootDatabase } from 'lmdb';
import { z } from 'zod';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import { writeFileAtomic } from './atomic-file';
import { checkDataFile, damagedError } from './ledger-file-check';
import { probeJournal } from './ledger-probe';
import { expandKeys } from './compact-keys';
import { LEDGER_SCHEMA_VERSION, migrateSchema, schemaVersionOf, type MigrationStep } from './ledger-schema';

export const LEDGER_MARKER_FILE = 'ledger.json';
const DATA_FILE = join('journal', 'data.mdb');

const MarkerSchema = z.strictObject({
  ledgerId: z.string().min(1),
  createdAt: z.number().int(),
  /** The highest sale number the journal had committed when this was written. */
  saleNumber: z.number().int().nonnegative(),
});
export type LedgerMarker = z.infer<typeof MarkerSchema>;

export interface BeforeOpen {
  marker: LedgerMarker | undefined;
}

function readMarker(dataDir: string): LedgerMarker | undefined {
  const path = join(dataDir, LEDGER_MARKER_FILE);
  if (!existsSync(path)) {
    return undefined;
  }
  let parsed;
  try {
    parsed = MarkerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    throw damagedError(LEDGER_MARKER_FILE, 'not a ledger marker');
  }
  return parsed.data;
}

/** Check 1 and the first half of 2: runs before lmdb opens (and so before it could create a fresh file). */
export function checkBeforeOpen(dataDir: string): BeforeOpen {
  const marker = readMarker(dataDir);
  const file = join(dataDir, DATA_FILE);
  if (!existsSync(file)) {
    if (marker !== undefined) {
      throw damagedError(
        DATA_FILE,
        `missing, but ${LEDGER_MARKER_FILE} records ledger ${marker.ledgerId} with ${String(marker.saleNumber)} sales`,
      );
    }
    return { marker };
  }
  const size = statSync(file).size;
  if (size === 0 && marker === undefined) {
    return { marker }; // lmdb died creating a fresh journal before its first commit: nothing to lose
  }
  checkDataFile(DATA_FILE, file, size);
  probeJournal(join(dataDir, 'journal'), DATA_FILE);
  return { marker };
}

export interface JournalTables {
  env: RootDatabase<unknown, string>;
  meta: Database<unknown, string>;
}

/** Layout 2's tables (journal.ts) hold msgpack; layout 1's and `meta` hold JSON. */
const MSGPACK_TABLES = new Set([
  'sale',
  'sale-by-time',
  'payment',
  'payment-of-sale',
  'open-payment',
  'active-sale',
  'counter',
  'shift',
  'totals',
]);
/** Event logs: keys walked only (values are validated when read; parsing them all would slow every start). */
const LOG_TABLES = new Set(['log', 'event']);

function walk(env: RootDatabase<unknown, string>, name: string): Map<unknown, unknown> {
  const values = new Map<unknown, unknown>();
  const parseValues = !LOG_TABLES.has(name);
  const encoding = !parseValues ? 'binary' : MSGPACK_TABLES.has(name) ? 'msgpack' : 'json';
  const db = env.openDB<unknown, string>({ name, encoding });
  const expected = db.getStats() as { entryCount?: unknown };
  let count = 0;
  if (parseValues) {
    for (const { key, value } of db.getRange()) {
      values.set(key, value);
      count += 1;
    }
  } else {
    // Keys only: the log's values are whole sale snapshots today, validated when read.
    count = db.getKeysCount();
  }
  if (typeof expected.entryCount === 'number' && expected.entryCount !== count) {
    throw damagedError(
      DATA_FILE,
      `table "${name}" holds ${String(count)} readable entries of the ${String(expected.entryCount)} it records`,
    );
  }
  return values;
}

const NumberedSchema = z.object({ number: z.number().int() });

/** Where each layout keeps what check 3 compares (layout 2 since schema version 2, ledger-schema.ts). */
const LAYOUTS = {
  1: {
    sales: 'sales',
    counter: 'meta',
    links: ['active-sales', 'open-payments', 'sale-payments', 'payments'],
  },
  2: {
    sales: 'sale',
    counter: 'counter',
    links: ['active-sale', 'open-payment', 'payment-of-sale', 'payment'],
  },
} as const;

/** Check 3: every table walked and the tables checked against each other. */
export function verifyTables(env: RootDatabase<unknown, string>, version: number): void {
  const tables = new Map<string, Map<unknown, unknown>>();
  // Names first: opening a table while iterating the root is refused in a read-only transaction.
  for (const name of Array.from(env.getKeys())) {
    tables.set(name, walk(env, name));
  }
  const table = (name: string): Map<unknown, unknown> => tables.get(name) ?? new Map<unknown, unknown>();
  const layout = version >= 2 ? LAYOUTS[2] : LAYOUTS[1];
  let highest = 0;
  for (const [id, value] of table(layout.sales)) {
    const parsed = NumberedSchema.safeParse(expandKeys(value));
    if (!parsed.success) {
      throw damagedError(DATA_FILE, `sale ${String(id)} is unreadable`);
    }
    highest = Math.max(highest, parsed.data.number);
  }
  const raw = table(layout.counter).get('lastSaleNumber');
  const recorded = typeof raw === 'number' ? raw : 0;
  if (recorded !== highest) {
    throw damagedError(
      DATA_FILE,
      `the last sale number is #${String(recorded)} but the highest sale found is #${String(highest)}`,
    );
  }
  const dangling = (index: string, target: string, idOf: (key: string) => string): void => {
    for (const key of table(index).keys()) {
      if (!table(target).has(idOf(String(key)))) {
        throw damagedError(DATA_FILE, `"${index}" names ${String(key)}, which "${target}" does not hold`);
      }
    }
  };
  const [active, open, links, payments] = layout.links;
  dangling(active, layout.sales, (key) => key);
  dangling(open, payments, (key) => key);
  dangling(links, payments, (key) => key.slice(key.indexOf(':') + 1));
}

export interface Ledger {
  readonly marker: LedgerMarker;
  /** After a commit that journaled sale number `n`: raise ledger.json's high-water mark when `n` is above it. */
  noteSaleNumber(n: number): void;
}

/**
 * Everything after lmdb opened: tables (3), schema migration (ledger-schema.ts), then the ledger's identity
 * against ledger.json (second half of 2), writing ledger.json when it is missing. Throws before writing
 * anything when the journal is damaged.
 */
export function checkAfterOpen(options: AfterOpenOptions): Ledger {
  try {
    return checkOpened(options);
  } catch (error) {
    // Refused: let go of the file (nothing was written to it), so the process holds no map of a damaged file.
    options.env.close().catch(() => undefined);
    throw error;
  }
}

interface AfterOpenOptions {
  env: RootDatabase<unknown, string>;
  /** The migration steps up to LEDGER_SCHEMA_VERSION (the journal adds the layout step it owns). */
  steps: readonly MigrationStep[];
  /** The highest sale number journaled, read after the migrations (its table depends on the layout). */
  lastSaleNumber(): number;
  dataDir: string;
  before: BeforeOpen;
  now: number;
  logger?: Logger | undefined;
}

function checkOpened(options: AfterOpenOptions): Ledger {
  const { env, dataDir } = options;
  // The ledger's identity and schema version: a small JSON table every layout keeps.
  const meta: Database<unknown, string> = env.openDB({ name: 'meta', encoding: 'json' });
  try {
    verifyTables(env, schemaVersionOf(meta));
  } catch (error) {
    if (error instanceof KassaError) {
      throw error;
    }
    // lmdb itself failed reading a page (MDB_CORRUPTED, MDB_PAGE_NOTFOUND …).
    throw damagedError(
      DATA_FILE,
      `lmdb could not read it: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { marker } = options.before;
  const ledgerIdRaw = meta.get('ledgerId');
  if (marker !== undefined && ledgerIdRaw === undefined) {
    // A journal without an identity (fresh, or written before versions) where a ledger was recorded.
    throw damagedError(
      DATA_FILE,
      `it is not ledger ${marker.ledgerId} recorded in ${LEDGER_MARKER_FILE} (an empty or replaced journal)`,
    );
  }
  migrateSchema({
    env,
    meta,
    now: options.now,
    logger: options.logger,
    steps: options.steps,
    target: LEDGER_SCHEMA_VERSION,
  });
  const ledgerId = String(meta.get('ledgerId'));
  const createdAt = Number(meta.get('createdAt'));
  const journaled = options.lastSaleNumber();
  if (marker !== undefined) {
    if (marker.ledgerId !== ledgerId) {
      throw damagedError(
        DATA_FILE,
        `it is ledger ${ledgerId}, but ${LEDGER_MARKER_FILE} records ledger ${marker.ledgerId} for this data dir`,
      );
    }
    if (journaled < marker.saleNumber) {
      throw damagedError(
        DATA_FILE,
        `its last sale is #${String(journaled)}, but sales up to #${String(marker.saleNumber)} were journaled (an older copy, or sales lost)`,
      );
    }
  }
  const path = join(dataDir, LEDGER_MARKER_FILE);
  let current: LedgerMarker = { ledgerId, createdAt, saleNumber: journaled };
  if (marker === undefined || marker.saleNumber < journaled) {
    writeFileAtomic(path, `${JSON.stringify(current)}\n`);
    if (marker === undefined && journaled > 0) {
      options.logger?.warn(
        { file: LEDGER_MARKER_FILE, ledgerId },
        'journal: ledger marker written from the journal',
      );
    }
  }
  return {
    get marker() {
      return current;
    },
    noteSaleNumber(n) {
      if (n <= current.saleNumber) {
        return;
      }
      const next = { ...current, saleNumber: n };
      try {
        writeFileAtomic(path, `${JSON.stringify(next)}\n`);
        current = next;
      } catch (error) {
        // The sale is journaled already; a marker left behind only weakens the check until the next sale.
        options.logger?.warn(
          { err: error, file: LEDGER_MARKER_FILE },
          'journal: could not raise the ledger marker',
        );
      }
    },
  };
}
