/**
 * The integrity check on open (ledger-integrity.ts, ledger-file-check.ts, ledger-probe.ts) against the damage of
 * issue 10's findings, on a real till's journal of 30 paid sales: garbage over the file, truncation, deletion,
 * an older copy, a damaged marker. Each refuses to start with `storage.damaged` naming the file, leaves the
 * file byte for byte as it was, and never starts with a sale missing.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../hosts/cli';
import { KassaError } from '../kernel/errors';
import { fillTill, readSales } from '../testing/filled-till';
import type { Sale } from '../../shared/domain';
import { openJournal } from './journal';
import { LEDGER_MARKER_FILE } from './ledger-integrity';
import { fingerprint, journalFile, truncateTo, writeGarbage } from './testing/damage';

let base: string;
let original: Sale[];
const made: string[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kassa-integrity-'));
  made.push(base);
  await fillTill(base, 30);
  original = (await readSales(base)).sales;
}, 60_000);

afterAll(() => {
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A copy of the 30-sale data dir to damage. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-damaged-'));
  made.push(dir);
  cpSync(base, dir, { recursive: true });
  return dir;
}

async function refusal(dir: string): Promise<KassaError | undefined> {
  try {
    const journal = openJournal({ dataDir: dir });
    await journal.close();
    return undefined;
  } catch (error) {
    if (error instanceof KassaError) {
      return error;
    }
    throw error;
  }
}

describe('integrity check on open', () => {
  it('opens the undamaged journal with all 30 sales', async () => {
    const dir = copy();
    const { sales, last } = await readSales(dir);
    expect(sales).toEqual(original);
    expect(last).toBe(30);
  });

  it('8 KB of garbage anywhere in data.mdb: refused naming the file, or harmless — never a start with sales missing', async () => {
    const size = fingerprint(journalFile(base)).size;
    const outcomes = { refused: 0, intact: 0 };
    // Every fifth page, at an offset inside the page (the full page-aligned sweep: 106 of 112 refused, 6
    // harmless — garbage over free pages — 0 started with a sale missing, 0 crashed).
    for (let offset = 0; offset < size; offset += 5 * 4096 + 1000) {
      const dir = copy();
      const file = journalFile(dir);
      writeGarbage(file, offset, 8192, offset + 1);
      const damaged = fingerprint(file);
      const error = await refusal(dir);
      if (error) {
        expect(error.code, `garbage at ${String(offset)}`).toBe('storage.damaged');
        expect(error.params).toMatchObject({ file: 'journal/data.mdb' });
        expect(fingerprint(file), 'the damaged file is kept as it was').toEqual(damaged);
        outcomes.refused += 1;
      } else {
        const { sales, last } = await readSales(dir);
        expect(sales, `garbage at ${String(offset)} started with sales missing`).toEqual(original);
        expect(last).toBe(30);
        outcomes.intact += 1;
      }
      rmSync(dir, { recursive: true, force: true });
    }
    expect(outcomes.refused).toBeGreaterThan(outcomes.intact);
  }, 120_000);

  it.each([0.5, 0.9, 0.02])(
    'a data.mdb truncated to %s of its size is refused with a message, not SIGBUS',
    async (part) => {
      const dir = copy();
      truncateTo(journalFile(dir), part);
      const truncated = fingerprint(journalFile(dir));
      const error = await refusal(dir);
      expect(error?.code).toBe('storage.damaged');
      expect(error?.message).toMatch(/journal\/data\.mdb is damaged/);
      expect(fingerprint(journalFile(dir))).toEqual(truncated);
    },
  );

  it('a deleted data.mdb (or journal folder) is refused rather than started empty from sale #1', async () => {
    const dir = copy();
    rmSync(journalFile(dir));
    expect(await refusal(dir)).toMatchObject({
      code: 'storage.damaged',
      params: { file: 'journal/data.mdb' },
    });
    expect(existsSync(journalFile(dir)), 'no fresh journal was created in its place').toBe(false);
    rmSync(join(dir, 'journal'), { recursive: true });
    expect((await refusal(dir))?.message).toMatch(
      /missing, but ledger\.json records ledger .* with 30 sales/,
    );
  });

  it('an older copy of the journal (sales lost since) is refused: sale numbers would start again', async () => {
    const dir = copy();
    const older = mkdtempSync(join(tmpdir(), 'kassa-older-'));
    made.push(older);
    cpSync(join(dir, 'journal'), older, { recursive: true });
    await fillTill(dir, 2);
    rmSync(join(dir, 'journal'), { recursive: true });
    cpSync(older, join(dir, 'journal'), { recursive: true });
    expect((await refusal(dir))?.message).toMatch(/last sale is #30, but sales up to #32 were journaled/);
  });

  it('a journal from another ledger (an empty one created in its place) is refused', async () => {
    const dir = copy();
    const other = mkdtempSync(join(tmpdir(), 'kassa-other-'));
    made.push(other);
    await fillTill(other, 1);
    rmSync(join(dir, 'journal'), { recursive: true });
    cpSync(join(other, 'journal'), join(dir, 'journal'), { recursive: true });
    expect((await refusal(dir))?.message).toMatch(/it is ledger .*, but ledger\.json records ledger/);
  });

  it('a damaged ledger.json is refused naming it; a missing one is written again from the journal', async () => {
    const dir = copy();
    writeFileSync(join(dir, LEDGER_MARKER_FILE), '{"ledgerId":');
    expect(await refusal(dir)).toMatchObject({
      code: 'storage.damaged',
      params: { file: LEDGER_MARKER_FILE },
    });
    rmSync(join(dir, LEDGER_MARKER_FILE));
    expect((await readSales(dir)).last).toBe(30);
    expect(existsSync(join(dir, LEDGER_MARKER_FILE))).toBe(true);
  });

  it('the CLI prints the refusal in one line and exits 1', async () => {
    const dir = copy();
    truncateTo(journalFile(dir), 0.5);
    const err: string[] = [];
    const cli: CliIo = {
      stdout: () => undefined,
      stderr: (t) => err.push(t),
      readStdin: () => Promise.resolve(''),
      env: { KASSA_VAULT_KEY: '6'.repeat(64) },
    };
    expect(await runCli(['--data-dir', dir, 'invoke', 'sale:current'], cli)).toBe(1);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toMatch(/^kassa: The journal file journal\/data\.mdb is damaged \(truncated/);
  });
});
