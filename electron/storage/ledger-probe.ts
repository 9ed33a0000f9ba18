/**
 * Reads the whole journal once in a child process before this process maps it (docs/architecture.md §5,
 * "Integrity").
 *
 * Why a child: lmdb is C, and some damage ends the process that reads it before any JavaScript can answer.
 * Measured on lmdb 3.5.6 with 8 KB of garbage over a 30-sale journal: garbage over either header page →
 * SIGSEGV on open; over a tree page → `Assertion 'IS_LEAF(mp)' failed in mdb_cursor_next()` (SIGABRT); past
 * the end of a truncated file → SIGBUS. So the child opens the journal read-only and makes every read the
 * integrity check (ledger-integrity.ts) will make — every key of every table, every value except the log's —
 * and exits 0. Reading the same file the same way again in this process is then safe; a child that dies by a
 * signal or fails is the file's damage, reported with `storage.damaged` naming the file. (The child only
 * touches the values; parsing them is the parent's check, where a bad one is an answer, not a crash.)
 *
 * The child is this same runtime (`process.execPath`; Electron runs as plain Node with ELECTRON_RUN_AS_NODE)
 * with a short CommonJS program and lmdb's path resolved here, so it needs no file of its own in the bundle.
 * It costs one process start and one read of the file (figures in docs/architecture.md §5); a fresh data dir,
 * with no journal yet, skips it.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { damagedError } from './ledger-file-check';

const PROGRAM = `
const [lmdbPath, dir] = process.argv.slice(-2);
const { open } = require(lmdbPath);
const env = open({ path: dir, readOnly: true, encoding: 'binary', maxDbs: 64 });
const names = Array.from(env.getKeys(), String);
for (const name of names) {
  const db = env.openDB({ name, encoding: 'binary' });
  if (name === 'log' || name === 'event') {
    db.getKeysCount();
  } else {
    let bytes = 0;
    for (const { value } of db.getRange()) bytes += value.length;
  }
}
process.stdout.write('ok');
process.exit(0);
`;

const PROBE_TIMEOUT_MS = 60_000;

/** Throws `storage.damaged` naming `file` when reading the lmdb environment in `dir` fails or crashes. */
export function probeJournal(dir: string, file: string): void {
  const lmdbPath = createRequire(import.meta.url).resolve('lmdb');
  const result = spawnSync(process.execPath, ['-e', PROGRAM, lmdbPath, dir], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) {
    throw damagedError(file, `it could not be read in a separate process: ${result.error.message}`);
  }
  if (result.signal !== null) {
    throw damagedError(file, `reading it crashed lmdb (${result.signal})`);
  }
  if (result.status !== 0 || result.stdout !== 'ok') {
    const reason = result.stderr.split('\n').find((line) => /error|assert/i.test(line)) ?? 'unknown reason';
    throw damagedError(file, `lmdb could not read it: ${reason.trim().slice(0, 200)}`);
  }
}
