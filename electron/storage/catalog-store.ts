/**
 * The product catalog on disk (docs/architecture.md §5, "Catalog"): its own lmdb environment in
 * `<dataDir>/catalog` (directory 0700, files 0600), apart from the journal, so a 100 000-item import never
 * competes with a sale's commit.
 *
 * - A **generation** is one whole catalog: three named databases, `products.g<N>` (lowercase sku → product),
 *   `barcodes.g<N>` (barcode → lowercase sku; a product may have several barcodes) and `index.g<N>` (the name
 *   index in chunks, so a reopen does not re-read every product). `meta.generation` names the
 *   live one. An import writes generation N+1 beside it in batches, then flips `meta.generation` in one
 *   transaction: a crash before the flip leaves the old catalog as it was, a crash after it leaves the new one.
 *   The old generation is dropped after the flip; `meta.pending` / `meta.retired` name what an interrupted import
 *   or drop left behind, and opening the store deletes it.
 * - `meta.schema` is the layout version: a catalog written by a newer Kassa is refused, not misread.
 * - Every product read is checked with zod (a damaged value is an error naming the store, never a wrong price).
 * - Lookups are synchronous lmdb reads (barcode → sku → product, about 10 µs); name search runs over an
 *   in-memory index (catalog-search.ts) rebuilt from the live generation when the store opens and after a flip.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { open, type Database, type RootDatabase } from 'lmdb';
import { z } from 'zod';
import { ProductSchema, productBarcodes, type Product } from '../../shared/channels/sale';
import { KassaError } from '../kernel/errors';
import { commitOrFail, commitSyncOrFail } from './disk-errors';
import { makeFilesPrivate } from './private-files';
import { IndexChunkSchema, NameIndex, type IndexChunk, type SearchEntry } from './catalog-search';

export const CATALOG_DIR = 'catalog';
/** The layout this code reads and writes (meta.schema). */
export const CATALOG_SCHEMA = 1;

export const CatalogSourceSchema = z.enum(['empty', 'demo', 'import']);
/** Where the live catalog came from: the sandbox's demo catalog is replaced when a till goes live. */
export type CatalogSource = z.infer<typeof CatalogSourceSchema>;

const MetaSchema = z.object({
  schema: z.number().int().positive(),
  generation: z.number().int().nonnegative(),
  source: CatalogSourceSchema,
});

export interface CatalogInfo {
  generation: number;
  source: CatalogSource;
  size: number;
}

/** A new generation being written; nothing of it is visible until `commit`. */
export interface GenerationWriter {
  /** Writes products in one transaction (callers send batches of about a thousand). */
  add(products: readonly Product[]): Promise<void>;
  /** Makes this generation the catalog, in one transaction, then drops the previous one. */
  commit(): Promise<CatalogInfo>;
  /** Drops what was written; the catalog stays as it was. */
  abort(): Promise<void>;
}

export interface CatalogStore {
  info(): CatalogInfo;
  /** Exact barcode, or sku (any case); a 12-digit UPC-A is also tried as its 13-digit EAN form. */
  byCode(code: string): Product | undefined;
  search(query: string, limit?: number): Product[];
  /** Every product of the live generation, in sku order (export). */
  products(): Iterable<Product>;
  /** Starts a new generation; one at a time. */
  begin(source: CatalogSource): GenerationWriter;
  /**
   * A small catalog replaced in one synchronous, flushed transaction (the sandbox's demo catalog, emptying it
   * when a till goes live, tests): the core's start and profile changes are synchronous. Imports use `begin`.
   */
  replaceSync(products: readonly Product[], source: CatalogSource): CatalogInfo;
  close(): Promise<void>;
}

const productsName = (generation: number): string => `products.g${generation}`;
const barcodesName = (generation: number): string => `barcodes.g${generation}`;
const indexName = (generation: number): string => `index.g${generation}`;

export function openCatalogStore(options: { dataDir: string }): CatalogStore {
  const dir = join(options.dataDir, CATALOG_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const env: RootDatabase<unknown, string> = open<unknown, string>({ path: dir, maxDbs: 16 });
  makeFilesPrivate(dir);
  const meta: Database<unknown, string> = env.openDB({ name: 'meta' });
  const damaged = (what: string, cause?: unknown): KassaError =>
    new KassaError(
      'internal',
      `The catalog in ${dir} is damaged (${what}); import the price list again, or restore the folder from a backup.`,
      { cause },
    );

  const schema = meta.get('schema');
  if (schema === undefined) {
    meta.putSync('schema', CATALOG_SCHEMA);
    meta.putSync('generation', 0);
    meta.putSync('source', 'empty');
  } else if (typeof schema === 'number' && schema > CATALOG_SCHEMA) {
    throw new KassaError(
      'internal',
      `The catalog in ${dir} was written by a newer Kassa (layout ${schema}, this one reads ${CATALOG_SCHEMA}); update Kassa.`,
    );
  }
  const readMeta = (): z.infer<typeof MetaSchema> => {
    const parsed = MetaSchema.safeParse({
      schema: meta.get('schema'),
      generation: meta.get('generation'),
      source: meta.get('source'),
    });
    if (!parsed.success) {
      throw damaged('its generation record does not read', parsed.error);
    }
    return parsed.data;
  };

  const openGeneration = (generation: number) => ({
    products: env.openDB<unknown, string>({ name: productsName(generation) }),
    barcodes: env.openDB<unknown, string>({ name: barcodesName(generation) }),
    index: env.openDB<unknown, number>({ name: indexName(generation) }),
  });
  type Generation = ReturnType<typeof openGeneration>;
  const dropGeneration = (generation: number): void => {
    const dbs = openGeneration(generation);
    dbs.products.dropSync();
    dbs.barcodes.dropSync();
    dbs.index.dropSync();
  };
  const dropAsync = async (dbs: Generation): Promise<void> => {
    await dbs.products.drop();
    await dbs.barcodes.drop();
    await dbs.index.drop();
  };

  // Leftovers: an import that never flipped, or an old generation whose drop was cut short.
  let current = readMeta();
  for (const key of ['pending', 'retired'] as const) {
    const leftover = meta.get(key);
    if (typeof leftover === 'number' && leftover !== current.generation) {
      dropGeneration(leftover);
    }
    if (leftover !== undefined) {
      meta.removeSync(key);
    }
  }

  let live = openGeneration(current.generation);
  let index = new NameIndex();
  let size = 0;
  let writing = false;
  let closed = false;

  const parse = (value: unknown, key: string): Product => {
    const parsed = ProductSchema.safeParse(value);
    if (!parsed.success) {
      throw damaged(`product ${key} does not read`, parsed.error);
    }
    return parsed.data;
  };

  const entryOf = (key: string, p: Product): SearchEntry => ({
    key,
    name: p.name,
    sku: p.sku,
    barcodes: productBarcodes(p),
    favourite: p.favourite === true,
  });

  /** The live generation's saved index; rebuilt from the products when it is missing (a catalog of 0). */
  const loadIndex = (): void => {
    const chunks: IndexChunk[] = [];
    for (const { key, value } of live.index.getRange()) {
      const parsed = IndexChunkSchema.safeParse(value);
      if (!parsed.success) {
        throw damaged(`name index chunk ${key} does not read`, parsed.error);
      }
      chunks.push(parsed.data);
    }
    if (chunks.length > 0) {
      try {
        index = NameIndex.fromChunks(chunks);
        size = index.size;
        return;
      } catch (error) {
        if (!(error instanceof RangeError)) {
          throw error;
        }
        // A damaged saved index is only a cache: it is built again from the products below.
      }
    }
    const entries: SearchEntry[] = [];
    for (const { key, value } of live.products.getRange()) {
      entries.push(entryOf(key, parse(value, key)));
    }
    index = new NameIndex(entries);
    size = entries.length;
  };
  loadIndex();

  /**
   * Another process on this data dir (the CLI beside a running till) may have flipped the generation: one
   * small read per lookup notices it, and the live generation and its index are taken up again.
   */
  const follow = (): void => {
    if (writing || closed || meta.get('generation') === current.generation) {
      return;
    }
    current = readMeta();
    live = openGeneration(current.generation);
    loadIndex();
  };

  const get = (key: string): Product | undefined => {
    const value = live.products.get(key);
    return value === undefined ? undefined : parse(value, key);
  };
  const byBarcode = (code: string): Product | undefined => {
    const key = live.barcodes.get(code);
    return typeof key === 'string' ? get(key) : undefined;
  };

  const info = (): CatalogInfo => {
    follow();
    return { generation: current.generation, source: current.source, size };
  };

  const begin = (source: CatalogSource): GenerationWriter => {
    if (closed) {
      throw new KassaError('state.conflict', 'The catalog is closed.');
    }
    if (writing) {
      throw new KassaError('state.conflict', 'Another catalog import is running; try again when it ends.');
    }
    follow();
    writing = true;
    const generation = current.generation + 1;
    // Written first: if the process dies mid-import, the next open knows what to delete.
    meta.putSync('pending', generation);
    const next = openGeneration(generation);
    const entries: SearchEntry[] = [];
    let done = false;
    const finish = (): void => {
      done = true;
      writing = false;
    };
    return {
      async add(products) {
        if (done) {
          throw new KassaError('state.conflict', 'This catalog import has ended.');
        }
        // disk-errors.ts: a full disk answers storage.full, the import fails whole, the old catalog stays.
        await commitOrFail(env, () =>
          env.transaction(() => {
            for (const product of products) {
              const key = product.sku.toLowerCase();
              next.products.putSync(key, product);
              for (const barcode of productBarcodes(product)) {
                next.barcodes.putSync(barcode, key);
              }
            }
          }),
        );
        for (const product of products) {
          entries.push(entryOf(product.sku.toLowerCase(), product));
        }
      },
      async commit() {
        if (done) {
          throw new KassaError('state.conflict', 'This catalog import has ended.');
        }
        const previous = current.generation;
        const built = new NameIndex(entries);
        await commitOrFail(env, () =>
          env.transaction(() => {
            built.chunks().forEach((chunk, i) => {
              next.index.putSync(i, chunk);
            });
          }),
        );
        await commitOrFail(env, () =>
          env.transaction(() => {
            meta.putSync('generation', generation);
            meta.putSync('source', source);
            meta.putSync('retired', previous);
            meta.removeSync('pending');
          }),
        );
        // The flip is what the import promises: on disk before it is reported.
        await env.flushed;
        const old = live;
        live = next;
        current = { ...current, generation, source };
        index = built;
        size = built.size;
        finish();
        await dropAsync(old);
        await meta.remove('retired');
        return info();
      },
      async abort() {
        if (done) {
          return;
        }
        finish();
        await dropAsync(next);
        await meta.remove('pending');
      },
    };
  };

  return {
    info,
    byCode(code) {
      follow();
      const trimmed = code.trim();
      if (trimmed === '') {
        return undefined;
      }
      return (
        byBarcode(trimmed) ??
        get(trimmed.toLowerCase()) ??
        (/^\d{12}$/.test(trimmed) ? byBarcode(`0${trimmed}`) : undefined)
      );
    },
    search(query, limit = 20) {
      follow();
      const found: Product[] = [];
      for (const key of index.search(query, limit)) {
        const product = get(key);
        if (product) {
          found.push(product);
        }
      }
      return found;
    },
    *products() {
      follow();
      for (const { key, value } of live.products.getRange()) {
        yield parse(value, key);
      }
    },
    begin,
    replaceSync(products, source) {
      if (closed || writing) {
        throw new KassaError('state.conflict', 'The catalog is busy with an import; try again when it ends.');
      }
      follow();
      const generation = current.generation + 1;
      const previous = current.generation;
      const next = openGeneration(generation);
      const entries = products.map((p) => entryOf(p.sku.toLowerCase(), ProductSchema.parse(p)));
      const built = new NameIndex(entries);
      commitSyncOrFail(() => {
        env.transactionSync(() => {
          for (const product of products) {
            const key = product.sku.toLowerCase();
            next.products.putSync(key, product);
            for (const barcode of productBarcodes(product)) {
              next.barcodes.putSync(barcode, key);
            }
          }
          built.chunks().forEach((chunk, i) => {
            next.index.putSync(i, chunk);
          });
          meta.putSync('generation', generation);
          meta.putSync('source', source);
          meta.putSync('retired', previous);
        });
      });
      live = next;
      current = { ...current, generation, source };
      index = built;
      size = built.size;
      dropGeneration(previous);
      meta.removeSync('retired');
      return info();
    },
    async close() {
      if (closed) {
        return;
      }
      closed = true;
      // As in journal.ts: let lmdb's deferred read-snapshot reset run before the environment closes.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await env.close();
    },
  };
}
