/**
 * The catalog's in-memory name index (docs/architecture.md §5, "Catalog"): one lowercase haystack per product
 * — name, its Latin fold (shared/transliterate.ts), sku and barcodes — scanned in order with an early stop at
 * the limit. A plain array scan measured 0.6 ms p50 / 4.6 ms p95 at 100 000 products
 * (../shared/reference/storage.md; scanning lmdb itself was 40× slower, a full-text library cost 100+ MB and
 * seconds to build); the haystacks are joined into one string, so the scan is one native `indexOf` per hit
 * instead of one call per product (1.5–8× faster on queries with few hits, which are the slow ones).
 */
import { z } from 'zod';
import { foldForSearch } from '../../shared/transliterate';

export interface SearchEntry {
  /** The product's key in the store (its lowercase sku). */
  key: string;
  name: string;
  sku: string;
  barcodes: readonly string[];
  favourite: boolean;
}

/** Separates the parts of a haystack, so a query never matches across two of them. */
const SEP = '\u0001';

/**
 * The index as the store keeps it beside a generation, in chunks, so a reopened catalog loads a few large
 * values instead of reading and folding every product again (catalog ready in well under a second).
 */
export const IndexChunkSchema = z.strictObject({
  keys: z.array(z.string()),
  /** The haystacks of these keys, each followed by END: ten large strings read far faster than 100 000 small. */
  text: z.string(),
});
export type IndexChunk = z.infer<typeof IndexChunkSchema>;
const CHUNK = 10_000;

/** Ends each product's haystack in the joined index string. */
const END = '\u0002';

export class NameIndex {
  #keys: string[] = [];
  #pending: string[] = [];
  /**
   * Every haystack in one string, END after each, and where each starts (one more: the total length): one
   * `indexOf` over the whole index finds the next hit far faster than a call per product, and the offsets
   * turn a hit's position back into its product.
   */
  #all = '';
  #starts = new Int32Array(1);

  /** Favourites first (an empty query lists them), then in the order given. */
  constructor(entries: Iterable<SearchEntry> = []) {
    const later: SearchEntry[] = [];
    for (const entry of entries) {
      if (entry.favourite) {
        this.#push(entry);
      } else {
        later.push(entry);
      }
    }
    for (const entry of later) {
      this.#push(entry);
    }
    this.#seal();
  }

  #push(entry: SearchEntry): void {
    const name = entry.name.toLowerCase();
    const folded = foldForSearch(name);
    this.#keys.push(entry.key);
    this.#pending.push(
      [name, folded === name ? '' : folded, entry.sku.toLowerCase(), ...entry.barcodes]
        .join(SEP)
        .replaceAll(END, ''),
    );
  }

  #seal(): void {
    this.#all = this.#pending.length === 0 ? '' : `${this.#pending.join(END)}${END}`;
    this.#starts = new Int32Array(this.#pending.length + 1);
    let at = 0;
    this.#pending.forEach((hay, i) => {
      this.#starts[i] = at;
      at += hay.length + 1;
    });
    this.#starts[this.#pending.length] = at;
    this.#pending = [];
  }

  /** The index in chunks of CHUNK entries, for the store to write. */
  chunks(): IndexChunk[] {
    const chunks: IndexChunk[] = [];
    for (let i = 0; i < this.#keys.length; i += CHUNK) {
      const end = Math.min(i + CHUNK, this.#keys.length);
      chunks.push({
        keys: this.#keys.slice(i, end),
        text: this.#all.slice(this.#starts[i] ?? 0, this.#starts[end] ?? 0),
      });
    }
    return chunks;
  }

  /**
   * An index from the chunks `chunks()` made (already checked against IndexChunkSchema); a RangeError when
   * their texts do not hold one haystack per key (the store then rebuilds the index from the products).
   */
  static fromChunks(chunks: readonly IndexChunk[]): NameIndex {
    const index = new NameIndex();
    index.#keys = chunks.flatMap((c) => c.keys);
    index.#all = chunks.map((c) => c.text).join('');
    index.#starts = new Int32Array(index.#keys.length + 1);
    let count = 0;
    for (let at = index.#all.indexOf(END); at >= 0; at = index.#all.indexOf(END, at + 1)) {
      count++;
      if (count > index.#keys.length) {
        break;
      }
      index.#starts[count] = at + 1;
    }
    if (count !== index.#keys.length || index.#starts[index.#keys.length] !== index.#all.length) {
      throw new RangeError('catalog index: the chunks do not hold one haystack per key');
    }
    return index;
  }

  get size(): number {
    return this.#keys.length;
  }

  /** The positions of the first `limit` products whose haystack contains `text`, in index order. */
  #find(text: string, limit: number): number[] {
    const found: number[] = [];
    let from = 0;
    while (found.length < limit) {
      const at = this.#all.indexOf(text, from);
      if (at < 0) {
        break;
      }
      // The product whose haystack holds `at`: the last start at or before it.
      let low = 0;
      let high = this.#keys.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((this.#starts[mid] ?? 0) <= at) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      found.push(low);
      from = this.#starts[low + 1] ?? this.#all.length;
    }
    return found;
  }

  /** Keys of the first `limit` products whose name, sku or barcode contains the query (or its Latin fold). */
  search(query: string, limit: number): string[] {
    const q = query.trim().toLowerCase().replaceAll(SEP, '').replaceAll(END, '');
    if (q === '') {
      return this.#keys.slice(0, limit);
    }
    const folded = foldForSearch(q);
    const hits = this.#find(q, limit);
    const merged =
      folded === q ? hits : [...new Set([...hits, ...this.#find(folded, limit)])].sort((a, b) => a - b);
    return merged.slice(0, limit).map((i) => this.#keys[i] ?? '');
  }
}
