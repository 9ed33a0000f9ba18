import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../kernel/testing/manual-clock';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { openUploadStore, UPLOADS_DIR } from './uploads';

let cleanup: () => void = () => undefined;
afterEach(() => {
  cleanup();
});

function store(clock = new ManualClock()) {
  const t = tempDataDir();
  cleanup = t.cleanup;
  return { uploads: openUploadStore({ dataDir: t.dir, clock }), dir: join(t.dir, UPLOADS_DIR), clock };
}

describe('upload store', () => {
  it('chunks in order make a private temp file; consume hands it over and deletes it', async () => {
    const { uploads, dir } = store();
    const { uploadId } = await uploads.begin('prices.csv', 11);
    expect(await uploads.chunk(uploadId, 0, Buffer.from('hello '))).toEqual({ received: 6 });
    expect(await uploads.chunk(uploadId, 6, Buffer.from('world'))).toEqual({ received: 11 });
    const done = await uploads.finish(uploadId);
    expect(done.sha256).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, uploadId)).mode & 0o777).toBe(0o600);
    const text = await uploads.consume(uploadId, (file) => file.text());
    expect(text).toBe('hello world');
    expect(readdirSync(dir)).toEqual([]);
    await expect(uploads.consume(uploadId, () => Promise.resolve(1))).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('out of order, too long, unfinished or used twice: refused; a failing consumer still deletes the file', async () => {
    const { uploads, dir } = store();
    const { uploadId } = await uploads.begin('a.csv', 4);
    await expect(uploads.chunk(uploadId, 2, Buffer.from('ab'))).rejects.toMatchObject({
      code: 'state.conflict',
    });
    await uploads.chunk(uploadId, 0, Buffer.from('ab'));
    await expect(uploads.finish(uploadId)).rejects.toMatchObject({ code: 'validation' });
    await expect(uploads.consume(uploadId, () => Promise.resolve(1))).rejects.toMatchObject({
      code: 'state.conflict',
    });
    // Two chunks at once for the same offset: only one lands.
    const both = await Promise.allSettled([
      uploads.chunk(uploadId, 2, Buffer.from('cd')),
      uploads.chunk(uploadId, 2, Buffer.from('cd')),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    await uploads.finish(uploadId);
    await expect(uploads.consume(uploadId, () => Promise.reject(new Error('bad rows')))).rejects.toThrow(
      'bad rows',
    );
    expect(readdirSync(dir)).toEqual([]);

    const over = await uploads.begin('b.csv', 2);
    await expect(uploads.chunk(over.uploadId, 0, Buffer.from('abc'))).rejects.toMatchObject({
      code: 'validation',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('bounded: a few unfinished at once, stale ones dropped, a crash’s leftovers deleted on open', async () => {
    const { uploads, dir, clock } = store();
    for (let i = 0; i < 4; i++) {
      await uploads.begin(`f${i}`, 10);
    }
    await expect(uploads.begin('f5', 10)).rejects.toMatchObject({ code: 'state.conflict' });
    clock.advance(11 * 60 * 1000);
    await uploads.begin('f6', 10);
    expect(readdirSync(dir)).toHaveLength(1);

    writeFileSync(join(dir, 'up-leftover'), 'x');
    openUploadStore({ dataDir: join(dir, '..'), clock });
    expect(existsSync(join(dir, 'up-leftover'))).toBe(false);
  });
});
