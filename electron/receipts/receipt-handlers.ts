import type { CallContext, HandlerMap } from '../kernel/handlers';
import type { ReceiptService } from './receipt-service';

/** `whoIs`: the signed-in manager's name for a call (the operator for the CLI), for the journal. */
export function createReceiptHandlers(
  receipts: ReceiptService,
  whoIs: (ctx: CallContext) => string,
): HandlerMap<'receipt'> {
  return {
    'receipt:get': ({ saleId }) => Promise.resolve(receipts.get(saleId)),
    'receipt:issue': ({ saleId }) => receipts.issue(saleId),
    'receipt:identify-buyer': ({ saleId, query }) => receipts.identifyBuyer(saleId, query),
    'receipt:set-organization': ({ saleId, tin }) => receipts.setOrganization(saleId, tin),
    'receipt:clear-buyer': ({ saleId }) => receipts.clearBuyer(saleId),
    'receipt:resolve': (input, ctx) => receipts.resolve(input, whoIs(ctx)),
  };
}
