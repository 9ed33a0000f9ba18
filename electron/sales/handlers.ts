/** The sale:* and catalog:* channels. */
import { CAPTURED_PAYMENT_STATES } from '../../shared/domain';
import type { CurrencyCode } from '../../shared/money';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { Catalog } from './catalog';
import { importCatalogCsv } from './csv-import';
import type { SaleService } from './service';

export interface SaleHandlerDeps {
  sales: SaleService;
  catalog: Catalog;
  currency(): CurrencyCode;
}

export function createSaleHandlers(deps: SaleHandlerDeps): HandlerMap<'sale' | 'catalog'> {
  const { sales } = deps;
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
    'sale:void': ({ saleId, reason }, ctx) => {
      // Void after payment (money was taken, then refunded) is a manager's call (docs/architecture.md,
      // "Roles and sessions"); the gate let the cashier in because voiding an unpaid sale is theirs.
      const view = saleId === undefined ? sales.current() : sales.view(sales.get(saleId));
      const moneyTaken = view?.payments.some((p) => CAPTURED_PAYMENT_STATES.includes(p.state)) ?? false;
      if (moneyTaken && ctx.role !== 'manager' && ctx.role !== 'operator') {
        throw new KassaError('forbidden', 'Only a manager may void a sale after a payment: sign in first.', {
          params: { channel: 'sale:void', needs: 'manager' },
        });
      }
      return sales.void(reason, saleId);
    },
    'catalog:search': ({ query, limit }) => Promise.resolve(deps.catalog.search(query, limit)),
    'catalog:import-csv': ({ csv }) => {
      const products = importCatalogCsv(csv, deps.currency());
      if (products.length === 0) {
        throw new KassaError('validation', 'The CSV file has no products.');
      }
      deps.catalog.replace(products);
      return Promise.resolve({ imported: products.length });
    },
  };
}
