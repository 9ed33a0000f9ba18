import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { generatedBarcode, writePriceList } from '../sales/testing/price-list';
import { runCli, type CliIo } from './cli';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: () => Promise.resolve(''),
    env: { KASSA_VAULT_KEY: 'e'.repeat(64) },
  };
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const rec = io();
  const code = await runCli(args, rec);
  return { code, out: rec.out.join(''), err: rec.err.join('') };
}

describe('kassa catalog', () => {
  it('import FILE, export FILE, and the export imports back to the same catalog', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const list = join(t.dir, 'prices.csv');
    await writePriceList(list, 12_000);

    const dry = await cli('--data-dir', t.dir, 'catalog', 'import', list, '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ ok: true, value: { imported: 12_000, dryRun: true } });
    const before = await cli('--data-dir', t.dir, 'invoke', 'catalog:search', `{"query":"P-11999"}`);
    expect(JSON.parse(before.out)).toEqual({ ok: true, value: [] }); // the dry run changed nothing

    const imported = await cli('--data-dir', t.dir, 'catalog', 'import', list);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ ok: true, value: { imported: 12_000, dryRun: false } });
    expect(imported.err).toMatch(/10000 rows checked/);

    const first = join(t.dir, 'first.csv');
    const second = join(t.dir, 'second.csv');
    expect(JSON.parse((await cli('--data-dir', t.dir, 'catalog', 'export', first)).out)).toEqual({
      ok: true,
      value: { exported: 12_000 },
    });
    expect((await cli('--data-dir', t.dir, 'catalog', 'import', first)).code).toBe(0);
    expect((await cli('--data-dir', t.dir, 'catalog', 'export', second)).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));

    const last = await cli(
      '--data-dir',
      t.dir,
      'invoke',
      'catalog:search',
      `{"query":"${generatedBarcode(11_999)}"}`,
    );
    expect(JSON.parse(last.out)).toMatchObject({ ok: true, value: [{ sku: 'P-11999' }] });
  }, 60_000);

  it('a bad file: exit 1, the problems by line, the catalog unchanged; usage errors exit 2', async () => {
    const t = tempDataDir();
    cleanup = t.cleanup;
    const bad = join(t.dir, 'bad.csv');
    writeFileSync(bad, 'sku;name;price\nA;Tea;800\nB;;1\n');
    const result = await cli('--data-dir', t.dir, 'catalog', 'import', bad);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        issues: [{ path: 'line 3', message: expect.stringMatching(/name/) as string }],
      },
    });
    expect((await cli('--data-dir', t.dir, 'catalog', 'import')).code).toBe(2);
    expect((await cli('--data-dir', t.dir, 'catalog', 'publish', bad)).code).toBe(2);
  });
});
