/**
 * The journal's data file, checked before lmdb maps it (docs/architecture.md §5, "Integrity").
 *
 * A truncated `data.mdb` used to end the process with SIGBUS and no message: lmdb maps the file and the first
 * read of a page past its end is a bus error, which no JavaScript can catch. lmdb's own header says how long
 * the file must be: each of the two meta pages (pages 0 and 1; the newer one, by transaction id, is the current
 * one) records `mm_last_pg`, the last page the tree uses, and the page size. In lmdb 3.5.6 (liblmdb `MDB_meta`,
 * 64-bit, checked against files written here):
 *
 *   offset 24 mm_magic 0xBEEFC0DE · 28 mm_version (2) · 32 mm_address · 40 mm_mapsize ·
 *   48 mm_dbs[2] (48 bytes each; the page size is the first one's md_pad, at 48) · 144 mm_last_pg · 152 mm_txnid
 *
 * lmdb writes every page it allocates at the commit that allocates it (no write map), and the file never
 * shrinks, so a healthy file is at least (mm_last_pg + 1) × page size bytes; measured: a 300-commit journal was
 * exactly 63 pages with mm_last_pg 62. A shorter file, or one with a meta page that is unreadable, is
 * refused before it is opened, naming the file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { KassaError } from '../kernel/errors';

const MAGIC = 0xbeefc0de;
const DATA_VERSION = 2;
const MAGIC_AT = 24;
const VERSION_AT = 28;
const PAGE_SIZE_AT = 48;
const LAST_PAGE_AT = 144;
const TXNID_AT = 152;
const META_BYTES = 160;

export interface MetaPage {
  pageSize: number;
  lastPage: number;
  txnId: number;
}

/** `storage.damaged` naming the file and what is wrong with it; the file is left exactly as it is. */
export function damagedError(file: string, detail: string): KassaError {
  return new KassaError(
    'storage.damaged',
    `The journal file ${file} is damaged (${detail}). Kassa did not start, so nothing more is written to it; the file is kept as it is for recovery — copy the whole data dir and call support (README, "A damaged journal").`,
    { params: { file, detail } },
  );
}

function readMeta(buffer: Buffer): MetaPage | undefined {
  if (buffer.length < META_BYTES || buffer.readUInt32LE(MAGIC_AT) !== MAGIC) {
    return undefined;
  }
  if (buffer.readUInt32LE(VERSION_AT) !== DATA_VERSION) {
    return undefined;
  }
  const pageSize = buffer.readUInt32LE(PAGE_SIZE_AT);
  const lastPage = Number(buffer.readBigUInt64LE(LAST_PAGE_AT));
  const txnId = Number(buffer.readBigUInt64LE(TXNID_AT));
  // Page sizes are powers of two from 512 bytes to 64 KiB.
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0 || lastPage < 1) {
    return undefined;
  }
  return { pageSize, lastPage, txnId };
}

/**
 * Throws `storage.damaged` (naming `file`) when the lmdb data file at `path`, `size` bytes long, is shorter
 * than its header says or has no readable meta page. Returns the current meta page.
 */
export function checkDataFile(file: string, path: string, size: number): MetaPage {
  if (size < 2 * 512) {
    throw damagedError(file, `only ${String(size)} bytes: shorter than lmdb's two header pages`);
  }
  const fd = openSync(path, 'r');
  const metas: MetaPage[] = [];
  try {
    const first = Buffer.alloc(META_BYTES);
    readSync(fd, first, 0, META_BYTES, 0);
    const zero = readMeta(first);
    if (zero) {
      metas.push(zero);
    }
    // Page 1 starts one page in; without a readable page 0 try the usual page size.
    const pageSize = zero?.pageSize ?? 4096;
    if (size >= pageSize + META_BYTES) {
      const second = Buffer.alloc(META_BYTES);
      readSync(fd, second, 0, META_BYTES, pageSize);
      const one = readMeta(second);
      if (one && one.pageSize === pageSize) {
        metas.push(one);
      }
    }
  } finally {
    closeSync(fd);
  }
  // lmdb reads both header pages on open, and a damaged one crashes it (SIGSEGV, measured): both must be sound.
  const current = metas.sort((a, b) => b.txnId - a.txnId)[0];
  if (current === undefined || metas.length < 2) {
    throw damagedError(file, `${metas.length === 0 ? 'both' : 'one'} of its lmdb header pages unreadable`);
  }
  const needed = (current.lastPage + 1) * current.pageSize;
  if (size < needed) {
    throw damagedError(
      file,
      `truncated: ${String(size)} bytes where its own header says at least ${String(needed)}`,
    );
  }
  return current;
}
