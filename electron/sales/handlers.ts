/** The sale:* and catalog:* channels. */
import type { CurrencyCode } from '../../shared/money';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { Catalog } from './catalog';
import { importCatalogCsv } from './csv-import';
import type { SaleService } from './service';

/** Files handed to main with upload:* (storage/uploads.ts); using one deletes it. */
export interface UploadedFiles {
  consume<T>(
    uploadId: string,
    use: (file: { name: string; size: number; text(): Promise<string> }) => Promise<T>,
  ): Promise<T>;
}

/** The largest CSV price list the in-memory catalog takes from an upload. */
export const MAX_CATALOG_UPLOAD_BYTES = 16 * 1024 * 1024;

export interface SaleHandlerDeps {
  sales: SaleService;
  catalog: Catalog;
  currency(): CurrencyCode;
  uploads?: UploadedFiles;
}

export function createSaleHandlers(deps: SaleHandlerDeps): HandlerMap<'sale' | 'catalog'> {
  const { sales } = deps;
  /** All rows or none: the catalog changes only when every row is valid. */
  const importCsv = (csv: string): { imported: number } => {
    const products = importCatalogCsv(csv, deps.currency());
    if (products.length === 0) {
      throw new KassaError('validation', 'The CSV file has no products.');
    }
    deps.catalog.replace(products);
    return { imported: products.length };
  };
  return {
    'sale:current': () => Promise.resolve(sales.current()),
    'sale:new': () => sales.newSale(),
    'sale:add-line': ({ saleId, ...line }) => sales.addLine(line, saleId),
    'sale:set-quantity': ({ saleId, lineId, quantity }) => sales.setQuantity(lineId, quantity, saleId),
    'sale:set-line-discount': ({ saleId, lineId, discount }) =>
      sales.setLineDiscount(lineId, discount, saleId),
    'sale:set-discount': ({ saleId, discount }) => sales.setDiscount(discount, saleId),
    'sale:remove-line': ({ saleId, lineId }) => sales.removeLine(lineId, saleId),
    'sale:hold': ({ saleId }) => sales.hold(saleId),
    'sale:recall': ({ saleId }) => sales.recall(saleId),
    'sale:held': () => Promise.resolve(sales.held()),
    'sale:void': ({ saleId, reason }) => sales.void(reason, saleId),
    'catalog:search': ({ query, limit }) => Promise.resolve(deps.catalog.search(query, limit)),
    'catalog:import-csv': ({ csv }) => Promise.resolve(importCsv(csv)),
    'catalog:import-upload': ({ uploadId }) => {
      const uploads = deps.uploads;
      if (!uploads) {
        return Promise.reject(new KassaError('not_found', 'This till takes no file uploads.'));
      }
      return uploads.consume(uploadId, async (file) => {
        if (file.size > MAX_CATALOG_UPLOAD_BYTES) {
          throw new KassaError(
            'validation',
            `The file is larger than ${MAX_CATALOG_UPLOAD_BYTES / 1024 / 1024} MB; the catalog was not changed.`,
          );
        }
        return importCsv(await file.text());
      });
    },
  };
}
