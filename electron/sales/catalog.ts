/**
 * The product catalog the till sells from: lookup by SKU or barcode, search by name. In memory; it starts as
 * the country's demo catalog (sandbox) or whatever the last CSV import loaded in this run.
 */
import type { Product } from '../../shared/channels/sale';

export class Catalog {
  #products: Product[] = [];
  #byCode = new Map<string, Product>();

  constructor(products: readonly Product[] = []) {
    this.replace(products);
  }

  replace(products: readonly Product[]): void {
    this.#products = [...products];
    this.#byCode = new Map();
    for (const p of products) {
      this.#byCode.set(p.sku.toLowerCase(), p);
      if (p.barcode) {
        this.#byCode.set(p.barcode, p);
      }
    }
  }

  get size(): number {
    return this.#products.length;
  }

  /** Exact SKU (case-insensitive) or barcode. A 12-digit UPC-A is also tried as its 13-digit EAN form. */
  byCode(code: string): Product | undefined {
    const trimmed = code.trim();
    return (
      this.#byCode.get(trimmed) ??
      this.#byCode.get(trimmed.toLowerCase()) ??
      (/^\d{12}$/.test(trimmed) ? this.#byCode.get(`0${trimmed}`) : undefined)
    );
  }

  search(query: string, limit = 20): Product[] {
    const q = query.trim().toLowerCase();
    if (!q) {
      return this.#products.slice(0, limit);
    }
    return this.#products
      .filter(
        (p) =>
          p.name.toLowerCase().includes(q) ||
          p.sku.toLowerCase().includes(q) ||
          (p.barcode?.startsWith(q) ?? false),
      )
      .slice(0, limit);
  }
}
