/**
 * One owner process per data dir (docs/architecture.md §5, "Owner lock").
 *
 * lmdb lets several processes open one environment, but the till's own counters (sale numbers, journal keys)
 * and its recovery of open payments must have exactly one owner: a `kassa invoke` beside a running
 * `kassa serve` used to run a second recovery and number sales from its own copy of the counters.
 *
 * `<dataDir>/owner.lock` (0600) holds who owns the dir: pid, host, boot id, start time and a random nonce.
 * - Taking it: the content is written to a temp file first and `link()`ed to the lock name, which fails when
 *   the name exists, so the lock is never seen half-written.
 * - It exists: the owner is alive when it is on this host, in this boot (a pid from before a reboot means
 *   nothing) and `kill(pid, 0)` finds it; then the opener is refused with `storage.locked` naming the pid.
 *   The same process opening the dir twice is refused the same way (two journals in one process would keep two
 *   sets of counters too).
 * - A dead owner's lock is taken over, with a log line. Two processes taking over the same stale lock at once
 *   are serialised by a second link (`owner.lock.takeover`): only the holder of that one re-reads the lock,
 *   removes it if it is still the dead owner's, and links its own; a takeover lock older than 10 s is itself
 *   stale (its holder died between two system calls).
 * - Released (removed) on close, only if it is still ours.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';

export const OWNER_LOCK_FILE = 'owner.lock';
const TAKEOVER_FILE = 'owner.lock.takeover';
const TAKEOVER_STALE_MS = 10_000;

const OwnerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  bootId: z.string().nullable(),
  startedAt: z.number().int(),
  nonce: z.string(),
});
export type Owner = z.infer<typeof OwnerSchema>;

export interface OwnerLock {
  readonly owner: Owner;
  /** Removes the lock if it is still this process's; safe to call twice. */
  release(): void;
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null; // not Linux: pid + host only
  }
}

function readOwner(path: string): Owner | undefined {
  try {
    const parsed = OwnerSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user — alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The nonces of the locks this process holds now: a lock with our pid but another nonce is a previous
 * process's that had the same pid (containers restart with the same small pids). */
const held = new Set<string>();

function isAlive(owner: Owner, me: Owner): boolean {
  if (owner.host !== me.host) {
    return true; // a data dir on a shared disk, owned from another machine: we cannot tell, so refuse
  }
  if (owner.bootId !== null && me.bootId !== null && owner.bootId !== me.bootId) {
    return false;
  }
  return owner.pid === me.pid ? held.has(owner.nonce) : pidAlive(owner.pid);
}

function linkExclusive(content: string, target: string, dir: string): boolean {
  const tmp = join(dir, `.owner.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/** Removes the stale lock only if it still holds what was judged stale (not a new owner's lock). */
function removeIfUnchanged(path: string, raw: string): boolean {
  let now: string;
  try {
    now = readFileSync(path, 'utf8');
  } catch {
    return true; // already gone
  }
  if (now !== raw) {
    return false;
  }
  unlinkSync(path);
  return true;
}

function lockedError(dataDir: string, owner: Owner): KassaError {
  return new KassaError(
    'storage.locked',
    `Another Kassa process (pid ${String(owner.pid)} on ${owner.host}, since ${new Date(owner.startedAt).toISOString()}) owns the data dir ${dataDir}; stop it first, or use it instead of starting a second one.`,
    { params: { pid: owner.pid, host: owner.host, dataDir } },
  );
}

/** Takes the data dir's owner lock, or throws `storage.locked` naming the live owner's pid. */
export function acquireOwnerLock(
  dataDir: string,
  logger?: Logger,
  clock: () => number = Date.now,
): OwnerLock {
  const path = join(dataDir, OWNER_LOCK_FILE);
  const me: Owner = {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    startedAt: clock(),
    nonce: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(me)}\n`;
  // A few rounds: each lost race re-reads who owns it now.
  for (let round = 0; round < 5; round += 1) {
    if (linkExclusive(content, path, dataDir)) {
      return ownerLock(path, me);
    }
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    const owner = readOwner(path);
    if (owner !== undefined && isAlive(owner, me)) {
      throw lockedError(dataDir, owner);
    }
    const takeover = join(dataDir, TAKEOVER_FILE);
    if (!linkExclusive(content, takeover, dataDir)) {
      try {
        if (clock() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) {
          unlinkSync(takeover);
        }
      } catch {
        // gone meanwhile
      }
      continue;
    }
    try {
      if (removeIfUnchanged(path, raw) && linkExclusive(content, path, dataDir)) {
        logger?.warn(
          { dataDir, stale: owner ?? 'unreadable' },
          'owner lock: the previous owner of this data dir is gone (crashed or killed); taken over',
        );
        return ownerLock(path, me);
      }
    } finally {
      unlinkSync(takeover);
    }
  }
  const owner = readOwner(path);
  throw owner
    ? lockedError(dataDir, owner)
    : new KassaError('storage.locked', `Could not take the owner lock of ${dataDir} (${path}).`, {
        params: { pid: 0, host: '', dataDir },
      });
}

function ownerLock(path: string, me: Owner): OwnerLock {
  let released = false;
  held.add(me.nonce);
  return {
    owner: me,
    release() {
      if (released) {
        return;
      }
      released = true;
      held.delete(me.nonce);
      if (readOwner(path)?.nonce === me.nonce) {
        unlinkSync(path);
      }
    },
  };
}
