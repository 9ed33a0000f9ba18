import type { HandlerMap } from '../kernel/handlers';
import type { ReceiptService } from './receipt-service';

export function createReceiptHandlers(receipts: ReceiptService): HandlerMap<'receipt'> {
  return {
    'receipt:get': ({ saleId }) => Promise.resolve(receipts.get(saleId)),
    'receipt:issue': ({ saleId }) => receipts.issue(saleId),
    'receipt:identify-buyer': ({ saleId, query }) => receipts.identifyBuyer(saleId, query),
    'receipt:set-organization': ({ saleId, tin }) => receipts.setOrganization(saleId, tin),
    'receipt:clear-buyer': ({ saleId }) => receipts.clearBuyer(saleId),
  };
}
