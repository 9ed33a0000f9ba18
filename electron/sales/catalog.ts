/**
 * What the sales domain needs of the product catalog: lookup by SKU or barcode and search by name. The catalog
 * itself lives on disk (storage/catalog-store.ts, docs/architecture.md §5 "Catalog"); the composition root
 * hands it to the sale service and the scan actions through this interface.
 */
import type { Product } from '../../shared/channels/sale';

export interface Catalog {
  /** Exact barcode, or SKU (any case); a 12-digit UPC-A is also tried as its 13-digit EAN form. */
  byCode(code: string): Product | undefined;
  search(query: string, limit?: number): Product[];
}
