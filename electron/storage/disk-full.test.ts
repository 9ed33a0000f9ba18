/**
 * A full disk answers the command with `storage.full` (disk-errors.ts): the process keeps running, no
 * unhandled rejection escapes, nothing is half-written, and once space is free the till carries on. The data
 * dir sits on a small tmpfs when this process may mount one (root); elsewhere the same test runs with the
 * injected write failure of disk-errors.ts (`injectWriteFailure`, errno 28).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/channels/sale';
import type { Envelope } from '../../shared/errors';
import { openNodeKassa } from '../hosts/node-kassa';
import { createCapturingLogger } from '../log/logger';
import { readSales } from '../testing/filled-till';
import { injectWriteFailure } from './disk-errors';

let mountPoint: string;
let mounted = false;

beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'kassa-tmpfs-'));
  mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', mountPoint]).status === 0;
});

afterAll(() => {
  injectWriteFailure(undefined);
  if (mounted) {
    spawnSync('umount', [mountPoint]);
  }
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Fills the file system of `dir` to the last byte; returns how to give the space back. */
function fillDisk(dir: string): () => void {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) {
      writeSync(fd, chunk);
    }
  } catch {
    for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) {
          writeSync(fd, chunk, 0, size);
        }
      } catch {
        // next smaller size
      }
    }
  } finally {
    closeSync(fd);
  }
  return () => {
    rmSync(filler);
  };
}

describe('a full disk', () => {
  it('answers the command with storage.full; the till keeps running, and carries on once space is free', async () => {
    const dataDir = join(mountPoint, 'till');
    mkdirSync(dataDir, { mode: 0o700 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    const { logger, redactor } = createCapturingLogger('warn');
    const node = openNodeKassa({
      dataDir,
      host: 'test',
      logger,
      redactor,
      env: { KASSA_VAULT_KEY: '7'.repeat(64) },
    });
    const call = (channel: string, input: unknown = {}): Promise<Envelope<unknown>> =>
      node.kassa.invoke('operator', channel, input);
    try {
      const opened = await call('sale:new');
      expect(opened.ok).toBe(true);
      const saleId = (opened as { value: SaleView }).value.sale.id;
      expect((await call('sale:add-line', { kind: 'catalog', code: '8650001000015' })).ok).toBe(true);

      const release = mounted
        ? fillDisk(mountPoint)
        : (injectWriteFailure(28),
          () => {
            injectWriteFailure(undefined);
          });
      // Each line rewrites the sale, so the journal soon needs a page the disk does not have.
      let acknowledged = 1;
      let refused: Envelope<unknown> | undefined;
      for (let i = 0; i < 500 && refused === undefined; i += 1) {
        const added = await call('sale:add-line', { kind: 'catalog', code: '8650001000015' });
        if (added.ok) {
          acknowledged += 1;
        } else {
          refused = added;
        }
      }
      expect(refused).toMatchObject({ ok: false, error: { code: 'storage.full' } });
      // Taking money on a full disk is refused the same way, before anything is asked of anyone.
      expect(await call('payment:start', { saleId, method: 'cash' })).toMatchObject({
        ok: false,
        error: { code: 'storage.full' },
      });
      // Still running and answering: the sale is as the acknowledged commands left it.
      const current = await call('sale:current');
      expect(current).toMatchObject({ ok: true });
      const lineQuantity = (view: Envelope<unknown>): number =>
        view.ok ? (view.value as SaleView).sale.lines.reduce((n, l) => n + l.quantity, 0) : -1;
      expect(lineQuantity(current)).toBe(acknowledged);

      release();
      const after = await call('sale:add-line', { kind: 'catalog', code: '8650001000015' });
      expect(after.ok).toBe(true);
      expect(lineQuantity(after)).toBe(acknowledged + 1);
      const paid = await call('payment:start', { saleId, method: 'cash' });
      expect(paid).toMatchObject({ ok: true, value: { state: 'paid' } });
      await node.kassa.close();

      // Nothing half-written: the journal opens (the integrity check passes) with exactly what was acknowledged.
      const { sales } = await readSales(dataDir);
      const sale = sales.find((s) => s.id === saleId);
      expect(sale?.lines.reduce((n, l) => n + l.quantity, 0)).toBe(acknowledged + 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      injectWriteFailure(undefined);
    }
  }, 60_000);
});
