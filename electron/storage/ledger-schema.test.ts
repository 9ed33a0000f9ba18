/**
 * Schema versions (ledger-schema.ts): a journal of today's layout before versions (v0: no `schemaVersion`, no
 * ledger identity, no ledger.json) migrates to the current version with every sale kept; the current version
 * opens as it is; a newer one is refused with `storage.version` and left unchanged; steps run in order.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, type Database } from 'lmdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import { createCapturingLogger } from '../log/logger';
import { fillTill, readSales } from '../testing/filled-till';
import { openJournal } from './journal';
import { allSales } from './testing/all-sales';
import { LEDGER_MARKER_FILE } from './ledger-integrity';
import { LEDGER_SCHEMA_VERSION, migrateSchema, type MigrationStep } from './ledger-schema';
import { fingerprint, journalFile } from './testing/damage';

let base: string;
let original: Sale[];
const made: string[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kassa-schema-'));
  made.push(base);
  await fillTill(base, 5);
  original = (await readSales(base)).sales;
}, 60_000);

afterAll(() => {
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-schema-copy-'));
  made.push(dir);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Rewrites meta in place with lmdb itself (the journal closed). */
async function editMeta(dir: string, edit: (meta: Database<unknown, string>) => void): Promise<void> {
  const env = open<unknown, string>({ path: join(dir, 'journal'), encoding: 'json', maxDbs: 12 });
  const meta = env.openDB<unknown, string>({ name: 'meta', encoding: 'json' });
  env.transactionSync(() => {
    edit(meta);
  });
  await env.close();
}

/** Today's layout before versions: what the journal of the previous release holds. */
async function toV0(dir: string): Promise<void> {
  await editMeta(dir, (meta) => {
    meta.removeSync('schemaVersion');
    meta.removeSync('ledgerId');
    meta.removeSync('createdAt');
  });
  rmSync(join(dir, LEDGER_MARKER_FILE));
}

describe('schema version', () => {
  it('a v0 journal (no version key, no ledger identity) migrates to the current version with every sale kept', async () => {
    const dir = copy();
    await toV0(dir);
    const { logger, lines } = createCapturingLogger();
    const journal = openJournal({ dataDir: dir, logger });
    expect(allSales(journal)).toEqual(original);
    expect(journal.lastSaleNumber()).toBe(5);
    await journal.close();
    expect(lines.join('\n')).toMatch(
      /journal: migrated.*"from":0.*"to":1|"from":0,"to":1.*journal: migrated/,
    );
    const marker = JSON.parse(readFileSync(join(dir, LEDGER_MARKER_FILE), 'utf8')) as Record<string, unknown>;
    expect(marker).toMatchObject({ saleNumber: 5 });
    expect(typeof marker.ledgerId).toBe('string');
    // The migrated journal now carries its version and opens again without migrating.
    const second = createCapturingLogger();
    const again = openJournal({ dataDir: dir, logger: second.logger });
    await again.close();
    expect(second.lines.join('\n')).not.toContain('migrated');
  });

  it('a journal of the current version opens as it is', async () => {
    const dir = copy();
    const { logger, lines } = createCapturingLogger();
    const journal = openJournal({ dataDir: dir, logger });
    expect(allSales(journal)).toEqual(original);
    await journal.close();
    expect(lines.join('\n')).not.toContain('migrated');
  });

  it('a journal written by a newer Kassa is refused with storage.version and left unchanged', async () => {
    const dir = copy();
    await editMeta(dir, (meta) => {
      meta.putSync('schemaVersion', LEDGER_SCHEMA_VERSION + 1);
    });
    const before = fingerprint(journalFile(dir));
    let refused: unknown;
    try {
      openJournal({ dataDir: dir });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(KassaError);
    expect(refused).toMatchObject({
      code: 'storage.version',
      params: { version: LEDGER_SCHEMA_VERSION + 1, supported: LEDGER_SCHEMA_VERSION },
    });
    expect(fingerprint(journalFile(dir))).toEqual(before);
    expect(existsSync(join(dir, 'owner.lock'))).toBe(false);
  });

  it('runs the steps in order, each writing its version, up to the target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-steps-'));
    made.push(dir);
    const env = open<unknown, string>({ path: dir, encoding: 'json', maxDbs: 4 });
    const meta = env.openDB<unknown, string>({ name: 'meta', encoding: 'json' });
    const ran: string[] = [];
    const step = (from: number): MigrationStep => ({
      from,
      to: from + 1,
      what: `step ${String(from)}`,
      run: ({ meta: m }) => {
        ran.push(`${String(from)}→${String(from + 1)} at ${JSON.stringify(m.get('schemaVersion') ?? 0)}`);
      },
    });
    expect(migrateSchema({ env, meta, now: 1, steps: [step(1), step(0), step(2)], target: 3 })).toBe(0);
    expect(ran).toEqual(['0→1 at 0', '1→2 at 1', '2→3 at 2']);
    expect(meta.get('schemaVersion')).toBe(3);
    await env.close();
  });
});
