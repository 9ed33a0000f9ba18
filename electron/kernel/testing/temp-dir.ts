/**
 * Fresh data directories for tests. Test support of every layer uses them (the payments harness, storage and
 * host tests), so they sit in the lowest layer.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh data directory for one test; `cleanup` removes it. */
export function tempDataDir(prefix = 'kassa-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir` (recursively), read as latin1 so binary files (the journal) are searchable too. */
export function readAllFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'latin1'));
}
