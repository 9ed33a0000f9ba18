/** The sale:* channels (the catalog:* ones are catalog-handlers.ts). */
import { CAPTURED_PAYMENT_STATES } from '../../shared/domain';
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { SaleService } from './service';

export interface SaleHandlerDeps {
  sales: SaleService;
}

export function createSaleHandlers(deps: SaleHandlerDeps): HandlerMap<'sale'> {
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
      // Void after payment (money was taken, then refunded) is a manager's call (docs/architecture.md
      // §3.1); the gate let the cashier in because voiding an unpaid sale is theirs.
      const view = saleId === undefined ? sales.current() : sales.view(sales.get(saleId));
      const moneyTaken = view?.payments.some((p) => CAPTURED_PAYMENT_STATES.includes(p.state)) ?? false;
      if (moneyTaken && ctx.role !== 'manager' && ctx.role !== 'operator') {
        throw new KassaError('forbidden', 'Only a manager may void a sale after a payment: sign in first.', {
          params: { channel: 'sale:void', needs: 'manager' },
        });
      }
      return sales.void(reason, saleId);
    },
  };
}
