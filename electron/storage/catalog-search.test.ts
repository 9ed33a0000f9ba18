import { describe, expect, it } from 'vitest';
import { IndexChunkSchema, NameIndex, type SearchEntry } from './catalog-search';

const entry = (key: string, name: string, extra: Partial<SearchEntry> = {}): SearchEntry => ({
  key,
  name,
  sku: key.toUpperCase(),
  barcodes: [],
  favourite: false,
  ...extra,
});

describe('the catalog name index', () => {
  const index = new NameIndex([
    entry('milk', 'Сүү 1 л', { barcodes: ['8650001000015'] }),
    entry('bread', 'Хлеб'),
    entry('tea', 'Цай', { favourite: true }),
    entry('water', 'Ус 0.5 л'),
  ]);

  it('finds by Cyrillic, by Latin typing, by sku and by barcode', () => {
    expect(index.search('сүү', 20)).toEqual(['milk']);
    expect(index.search('SUU', 20)).toEqual(['milk']);
    expect(index.search('hleb', 20)).toEqual(['bread']);
    expect(index.search('tsai', 20)).toEqual(['tea']);
    expect(index.search('wat', 20)).toEqual(['water']);
    expect(index.search('865000100', 20)).toEqual(['milk']);
    expect(index.search('nothing', 20)).toEqual([]);
  });

  it('lists favourites first and stops at the limit', () => {
    expect(index.search('', 2)).toEqual(['tea', 'milk']);
    expect(index.search('л', 1)).toEqual(['milk']);
  });

  it('never matches across two parts of a product (name end + sku start)', () => {
    expect(index.search('лbread', 20)).toEqual([]);
  });

  it('survives the trip through its stored chunks', () => {
    const chunks = index.chunks().map((c) => IndexChunkSchema.parse(c));
    const again = NameIndex.fromChunks(chunks);
    expect(again.size).toBe(4);
    expect(again.search('hleb', 20)).toEqual(['bread']);
    expect(() => NameIndex.fromChunks([{ keys: ['a'], text: '' }])).toThrow(RangeError);
    expect(() => NameIndex.fromChunks([{ keys: ['a'], text: 'x\u0002y' }])).toThrow(RangeError);
    expect(NameIndex.fromChunks([]).search('', 5)).toEqual([]);
  });
});
