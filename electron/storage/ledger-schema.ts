/**
 * The journal's schema version and its migrations (docs/architecture.md §5, "Schema version").
 *
 * `meta.schemaVersion` says which layout wrote the journal. On open:
 * - the current version opens as it is;
 * - an older one (a journal without the key is version 0: the layout before versions existed) is migrated one
 *   step at a time, each step in one synchronous, fsync'ed lmdb transaction that also writes the step's new
 *   version, so a crash mid-way leaves the journal at a whole version and the next start carries on;
 * - a newer one (written by a later Kassa, then the app was downgraded) is refused with `storage.version`:
 *   an old Kassa that wrote into a newer layout would damage it.
 * Migrations run only after the integrity check (ledger-integrity.ts) passed: a damaged file is never written.
 */
import { randomUUID } from 'node:crypto';
import type { Database, RootDatabase } from 'lmdb';
import { z } from 'zod';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';

/**
 * The layout this Kassa writes. 1: identity (below); 2: small events, msgpack rows and running totals — that
 * step needs the journal's own writer, so journal.ts adds it to MIGRATIONS when it opens.
 */
export const LEDGER_SCHEMA_VERSION = 2;

export interface MigrationContext {
  meta: Database<unknown, string>;
  now: number;
}

export interface MigrationStep {
  from: number;
  to: number;
  what: string;
  /** Runs inside the step's write transaction; use the *Sync writers. */
  run(context: MigrationContext): void;
}

export const MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 0,
    to: 1,
    what: 'the ledger gets an identity (ledgerId, createdAt), mirrored in ledger.json outside lmdb',
    run({ meta, now }) {
      if (meta.get('ledgerId') === undefined) {
        meta.putSync('ledgerId', randomUUID());
        meta.putSync('createdAt', now);
      }
      // Sale numbers only grow; a v0 journal always kept its high-water mark, but a missing one reads as 0.
      if (meta.get('lastSaleNumber') === undefined) {
        meta.putSync('lastSaleNumber', 0);
      }
    },
  },
];

const VersionSchema = z.number().int().nonnegative();

export function schemaVersionOf(meta: Database<unknown, string>): number {
  const raw = meta.get('schemaVersion');
  if (raw === undefined) {
    return 0;
  }
  const parsed = VersionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KassaError(
      'storage.damaged',
      `The journal's schema version is not a number (${JSON.stringify(raw)}).`,
      {
        params: { file: 'journal/data.mdb', detail: 'schema version unreadable' },
      },
    );
  }
  return parsed.data;
}

/** Brings the journal to LEDGER_SCHEMA_VERSION, or refuses a newer one. Returns the version it found. */
export function migrateSchema(options: {
  env: RootDatabase<unknown, string>;
  meta: Database<unknown, string>;
  now: number;
  logger?: Logger | undefined;
  steps?: readonly MigrationStep[];
  target?: number;
}): number {
  const steps = options.steps ?? MIGRATIONS;
  const target = options.target ?? LEDGER_SCHEMA_VERSION;
  const found = schemaVersionOf(options.meta);
  if (found > target) {
    throw new KassaError(
      'storage.version',
      `The journal was written by a newer Kassa (journal version ${String(found)}; this Kassa knows up to ${String(target)}). Update Kassa; the journal was not changed.`,
      { params: { version: found, supported: target } },
    );
  }
  let version = found;
  while (version < target) {
    const step = steps.find((s) => s.from === version);
    if (step === undefined) {
      throw new KassaError('internal', `No migration from journal version ${String(version)}.`);
    }
    options.env.transactionSync(() => {
      step.run({ meta: options.meta, now: options.now });
      options.meta.putSync('schemaVersion', step.to);
    });
    options.logger?.info({ from: step.from, to: step.to, what: step.what }, 'journal: migrated');
    version = step.to;
  }
  return found;
}
