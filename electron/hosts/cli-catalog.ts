/**
 * `kassa catalog import FILE [--dry-run]` and `kassa catalog export FILE`: a shop's price list in and out of the
 * till from a file, streamed (docs/architecture.md §5, "Catalog"). The file path is resolved here, where the
 * operator typed it; progress goes to stderr, the result envelope to stdout.
 */
import { resolve } from 'node:path';
import type { Envelope } from '../../shared/errors';
import type { Kassa } from '../core/kassa';
import type { CliIo } from './cli-io';

interface CatalogCli {
  kassa: Kassa;
  io: CliIo;
  print(envelope: Envelope<unknown>): number;
}

const CATALOG_USAGE = 'kassa catalog import FILE [--dry-run] | kassa catalog export FILE\n';

export async function runCatalogCommand(
  cli: CatalogCli,
  sub: string | undefined,
  rest: readonly string[],
  dryRun: boolean,
): Promise<number> {
  const { kassa, io } = cli;
  const file = rest[0];
  if (file === undefined || rest.length > 1 || (sub !== 'import' && sub !== 'export')) {
    io.stderr(CATALOG_USAGE);
    return 2;
  }
  const path = resolve(file);
  if (sub === 'export') {
    return cli.print(await kassa.invoke('operator', 'catalog:export-file', { path }));
  }
  const stop = kassa.on('catalog:import-progress', (p) => {
    if (!p.done) {
      const percent = p.totalBytes > 0 ? Math.floor((p.bytes / p.totalBytes) * 100) : 100;
      io.stderr(`kassa: ${p.rows} rows checked (${percent} %)\n`);
    }
  });
  try {
    return cli.print(await kassa.invoke('operator', 'catalog:import-file', { path, dryRun }));
  } finally {
    stop();
  }
}
