/**
 * Files a page hands to main (shared/channels/upload.ts), each written as it arrives to a private temp file
 * in `<dataDir>/uploads` (directory 0700, files 0600), so a large file never sits in one IPC frame or in memory.
 * A consumer (the catalog import today, a streaming import into an on-disk catalog later) gets the finished
 * file's path and size and the upload is deleted when it is done, whatever the outcome.
 *
 * Bounded: at most MAX_OPEN unfinished uploads at once, each at most the size declared at begin (itself capped
 * by the channel schema); an upload untouched for STALE_MS is dropped; whatever a crash left behind is deleted
 * when the store opens.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import { KeyedSerialQueue } from '../kernel/serial-queue';

export const UPLOADS_DIR = 'uploads';
const MAX_OPEN = 4;
const STALE_MS = 10 * 60 * 1000;

export interface UploadedFile {
  readonly name: string;
  readonly size: number;
  /** The private temp file; valid only inside `consume`. */
  readonly path: string;
  text(): Promise<string>;
}

interface Entry {
  name: string;
  size: number;
  received: number;
  path: string;
  touchedAt: number;
  sha256?: string;
}

export interface UploadStore {
  begin(name: string, size: number): Promise<{ uploadId: string }>;
  chunk(uploadId: string, offset: number, data: Buffer): Promise<{ received: number }>;
  finish(uploadId: string): Promise<{ uploadId: string; size: number; sha256: string }>;
  discard(uploadId: string): Promise<void>;
  /** Hand a finished upload to `use`; the file is deleted afterwards, whether `use` succeeds or throws. */
  consume<T>(uploadId: string, use: (file: UploadedFile) => Promise<T>): Promise<T>;
  /** Delete every upload (the core closing). */
  close(): Promise<void>;
}

const sha256Of = (path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => {
        resolve(hash.digest('hex'));
      });
  });

export function openUploadStore(options: { dataDir: string; clock: Clock }): UploadStore {
  const dir = join(options.dataDir, UPLOADS_DIR);
  // Left by a crash: nobody can finish them now.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dir)) {
    rmSync(join(dir, name), { force: true, recursive: true });
  }
  const entries = new Map<string, Entry>();
  // One step at a time per upload: two chunks sent at once must not both pass the offset check.
  const queue = new KeyedSerialQueue();
  const now = (): number => options.clock.now();

  const drop = async (id: string): Promise<void> => {
    const entry = entries.get(id);
    entries.delete(id);
    if (entry) {
      await rm(entry.path, { force: true });
    }
  };

  const dropStale = async (): Promise<void> => {
    for (const [id, entry] of entries) {
      if (now() - entry.touchedAt > STALE_MS) {
        await drop(id);
      }
    }
  };

  const get = (id: string): Entry => {
    const entry = entries.get(id);
    if (!entry) {
      throw new KassaError(
        'not_found',
        'That upload is not here (finished, dropped, or too old). Start again.',
      );
    }
    entry.touchedAt = now();
    return entry;
  };

  return {
    async begin(name, size) {
      await dropStale();
      const open = [...entries.values()].filter((e) => e.sha256 === undefined).length;
      if (open >= MAX_OPEN) {
        throw new KassaError(
          'state.conflict',
          'Too many files are being handed over at once. Try again shortly.',
        );
      }
      const uploadId = `up-${randomBytes(16).toString('hex')}`;
      const path = join(dir, uploadId);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(path, '', { mode: 0o600, flag: 'wx' });
      entries.set(uploadId, { name, size, received: 0, path, touchedAt: now() });
      return { uploadId };
    },

    chunk: (uploadId, offset, data) =>
      queue.run(uploadId, async () => {
        const entry = get(uploadId);
        if (entry.sha256 !== undefined) {
          throw new KassaError('state.conflict', 'This upload is already finished.');
        }
        if (offset !== entry.received) {
          throw new KassaError(
            'state.conflict',
            `Chunks must come in order: expected offset ${entry.received}, got ${offset}.`,
          );
        }
        if (entry.received + data.length > entry.size) {
          await drop(uploadId);
          throw new KassaError('validation', 'The file is larger than announced; the upload was dropped.');
        }
        await appendFile(entry.path, data, { mode: 0o600 });
        entry.received += data.length;
        return { received: entry.received };
      }),

    finish: (uploadId) =>
      queue.run(uploadId, async () => {
        const entry = get(uploadId);
        if (entry.received !== entry.size) {
          throw new KassaError(
            'validation',
            `The upload is incomplete: ${entry.received} of ${entry.size} bytes arrived.`,
          );
        }
        entry.sha256 ??= await sha256Of(entry.path);
        return { uploadId, size: entry.size, sha256: entry.sha256 };
      }),

    discard: (uploadId) => queue.run(uploadId, () => drop(uploadId)),

    consume: (uploadId, use) =>
      queue.run(uploadId, async () => {
        const entry = get(uploadId);
        if (entry.sha256 === undefined) {
          throw new KassaError('state.conflict', 'The upload is not finished yet (upload:finish).');
        }
        try {
          return await use({
            name: entry.name,
            size: entry.size,
            path: entry.path,
            text: () => readFile(entry.path, 'utf8'),
          });
        } finally {
          await drop(uploadId);
        }
      }),

    async close() {
      for (const id of [...entries.keys()]) {
        await drop(id);
      }
      for (const name of await readdir(dir).catch(() => [])) {
        await rm(join(dir, name), { force: true });
      }
    },
  };
}
