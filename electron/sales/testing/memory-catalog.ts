/** Test double: the sales domain's Catalog over a fixed list (the real one is storage/catalog-store.ts). */
import { productBarcodes, type Product } from '../../../shared/channels/sale';
import type { Catalog } from '../catalog';

export function memoryCatalog(products: readonly Product[]): Catalog {
  const byCode = new Map<string, Product>();
  for (const p of products) {
    byCode.set(p.sku.toLowerCase(), p);
    for (const barcode of productBarcodes(p)) {
      byCode.set(barcode, p);
    }
  }
  return {
    byCode: (code) => byCode.get(code.trim()) ?? byCode.get(code.trim().toLowerCase()),
    search: (query, limit = 20) =>
      products.filter((p) => p.name.toLowerCase().includes(query.trim().toLowerCase())).slice(0, limit),
  };
}
