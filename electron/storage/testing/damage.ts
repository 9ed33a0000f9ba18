/**
 * Test support for the integrity tests: damage a journal the ways a till's disk does (garbage over part of the
 * file, truncation, deletion), and fingerprint a file to prove a refused open left it exactly as it was.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const journalFile = (dataDir: string): string => join(dataDir, 'journal', 'data.mdb');

/** `bytes` of deterministic garbage (a simple LCG from `seed`) written over the file at `offset`. */
export function writeGarbage(file: string, offset: number, bytes: number, seed = 1): void {
  const garbage = Buffer.alloc(bytes);
  let x = seed >>> 0;
  for (let i = 0; i < bytes; i += 1) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    garbage[i] = x >>> 24;
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, garbage, 0, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

export function truncateTo(file: string, fraction: number): void {
  truncateSync(file, Math.floor(statSync(file).size * fraction));
}

export function fingerprint(file: string): { size: number; sha256: string } {
  return { size: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}
