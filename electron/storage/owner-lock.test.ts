/**
 * One owner process per data dir (owner-lock.ts), with real second processes: a second opener is refused with
 * `storage.locked` naming the owner's pid and writes nothing; of two opening at once exactly one owns it; a
 * killed owner's lock is taken over with a log line.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../hosts/cli';
import { KassaError } from '../kernel/errors';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { openJournal } from './journal';
import { acquireOwnerLock, OWNER_LOCK_FILE } from './owner-lock';
import { runTs, type Child } from './testing/child';
import { fingerprint, journalFile } from './testing/damage';

const HOLD = 'electron/storage/testing/hold-journal.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) {
    await fn();
  }
});

function hold(dir: string): Child {
  const child = runTs(HOLD, [dir]);
  cleanups.push(async () => {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
    }
    await child.exited;
  });
  return child;
}

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: () => Promise.resolve(''),
    env: { KASSA_VAULT_KEY: '5'.repeat(64) },
  };
}

describe('owner lock', () => {
  it('refuses a second process with storage.locked naming the owner pid; the CLI says so in one line and writes nothing', async () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    // A till with a sale, so the journal exists; closed again before the owner process starts.
    expect(await runCli(['--data-dir', t.dir, 'invoke', 'sale:new'], io())).toBe(0);
    const owner = hold(t.dir);
    const pid = Number((await owner.line(/^open /)).split(' ')[1]);
    expect(pid).toBe(owner.process.pid);
    const before = fingerprint(journalFile(t.dir));

    let refused: unknown;
    try {
      openJournal({ dataDir: t.dir });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(KassaError);
    expect(refused).toMatchObject({ code: 'storage.locked', params: { pid } });

    const cli = io();
    expect(await runCli(['--data-dir', t.dir, 'invoke', 'sale:new'], cli)).toBe(1);
    const message = cli.err.join('');
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message).toContain(`pid ${String(pid)}`);
    expect(cli.out.join('')).toBe('');
    // Nothing was written by the refused openers (no recovery, no second sale).
    expect(fingerprint(journalFile(t.dir))).toEqual(before);

    owner.process.stdin?.end();
    expect((await owner.exited).code).toBe(0);
    expect(existsSync(join(t.dir, OWNER_LOCK_FILE))).toBe(false);
    expect(await runCli(['--data-dir', t.dir, 'invoke', 'sale:current'], io())).toBe(0);
  });

  it('of two processes opening one data dir at once, exactly one owns it and the other names its pid', async () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const first = hold(t.dir);
    const second = hold(t.dir);
    const lines = await Promise.all([first.line(/^(open|refused)/), second.line(/^(open|refused)/)]);
    const opened = lines.filter((l) => l.startsWith('open'));
    const refused = lines.filter((l) => l.startsWith('refused'));
    expect(opened).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const ownerPid = opened[0]?.split(' ')[1];
    expect(refused[0]).toBe(`refused storage.locked ${ownerPid ?? ''}`);
  });

  it('takes over the lock of a killed owner, with a log line', async () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const owner = hold(t.dir);
    const pid = (await owner.line(/^open /)).split(' ')[1];
    owner.process.kill('SIGKILL');
    expect((await owner.exited).signal).toBe('SIGKILL');
    expect(readFileSync(join(t.dir, OWNER_LOCK_FILE), 'utf8')).toContain(`"pid":${pid ?? ''}`);

    const { logger, lines } = createCapturingLogger();
    const journal = openJournal({ dataDir: t.dir, logger });
    cleanups.push(() => journal.close());
    expect(lines.join('\n')).toContain('taken over');
    expect(readFileSync(join(t.dir, OWNER_LOCK_FILE), 'utf8')).toContain(`"pid":${String(process.pid)}`);
    expect(statSync(join(t.dir, OWNER_LOCK_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a lock left by an earlier process that had this same pid (a container restart) is stale, not ours', () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const lock = acquireOwnerLock(t.dir);
    const content = readFileSync(join(t.dir, OWNER_LOCK_FILE), 'utf8');
    lock.release();
    // The same pid, host and boot, but a nonce no lock of this process holds.
    writeFileSync(
      join(t.dir, OWNER_LOCK_FILE),
      content.replace(/"nonce":"[0-9a-f]+"/, '"nonce":"0000000000000000"'),
    );
    const { logger, lines } = createCapturingLogger();
    const again = acquireOwnerLock(t.dir, logger);
    expect(lines.join('\n')).toContain('taken over');
    again.release();
  });

  it('refuses a second open in the same process, and a released lock can be taken again', () => {
    const t = tempDataDir();
    cleanups.push(t.cleanup);
    const lock = acquireOwnerLock(t.dir);
    expect(() => acquireOwnerLock(t.dir)).toThrow(/owns the data dir/);
    lock.release();
    const again = acquireOwnerLock(t.dir);
    again.release();
    expect(existsSync(join(t.dir, OWNER_LOCK_FILE))).toBe(false);
  });
});
