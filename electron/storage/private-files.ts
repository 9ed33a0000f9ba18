/**
 * lmdb creates its files with the process umask (often 0644); the journal and the catalog are the till's
 * records, owner-only like the rest of the data dir (docs/architecture.md §5).
 */
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function makeFilesPrivate(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if ((statSync(path).mode & 0o777) !== 0o600) {
      chmodSync(path, 0o600);
    }
  }
}
