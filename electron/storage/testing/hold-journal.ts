/**
 * Test support, run as its own process (`node --import tsx hold-journal.ts DATA_DIR`): opens the journal of
 * DATA_DIR and holds it until its stdin ends. Prints `open <pid>` once it owns the data dir, or
 * `refused <code> <owner pid>` when it may not.
 */
import { KassaError } from '../../kernel/errors';
import { openJournal } from '../journal';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  throw new Error('usage: hold-journal.ts DATA_DIR');
}
try {
  const journal = openJournal({ dataDir });
  process.stdout.write(`open ${String(process.pid)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void journal.close().then(() => process.exit(0));
  });
} catch (error) {
  const code = error instanceof KassaError ? error.code : 'error';
  const pid = error instanceof KassaError ? String(error.params?.pid ?? '') : '';
  process.stdout.write(`refused ${code} ${pid}\n`);
  process.exit(3);
}
