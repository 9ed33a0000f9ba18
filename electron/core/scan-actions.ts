/**
 * The scan router's ScanActions (electron/devices/scan-actions.ts) carried out with the sale and approval services:
 * the composition root joins the devices domain to the sales and receipts domains here, so none of them imports
 * another (docs/architecture.md §10).
 *
 * The sale decides what a product scan can do to it: a paid sale (or none) makes way for a new one, a payment
 * waiting or taken refuses the scan, anything else takes the line. Refusals are ScanErrors the page words in the
 * cashier's language; nothing is changed by a refused scan.
 */
import type { Product } from '../../shared/channels/sale';
import type { ScanError } from '../../shared/channels/scan';
import type { ApprovalScan } from '../receipts/approval-service';
import type { LineAdded, ScanActionResult, ScanActions } from '../devices/scan-actions';
import { shownText } from '../devices/scan-decision';
import { KassaError } from '../kernel/errors';
import type { AddLineInput, AddedLine, SaleService } from '../sales/service';
import type { SaleView } from '../../shared/channels/sale';

export interface ScanActionDeps {
  sales: Pick<SaleService, 'current' | 'newSale' | 'addLineNamingIt'>;
  catalog: { byCode(code: string): Product | undefined };
  approval: { takeScan(scan: ApprovalScan): void; endSession(reason: 'sale'): void };
}

/** The most one scan may put on a line: the channels' quantity limit (pieces, or grams). */
const MAX_QUANTITY = 1_000_000;

const refuse = (error: ScanError): { ok: false; error: ScanError } => ({ ok: false, error });

/** Sales that can take no more lines and make way for the next customer's. */
function isFinished(view: SaleView | null): boolean {
  return view === null || !['open', 'paying'].includes(view.sale.status);
}

export function createScanActions(deps: ScanActionDeps): ScanActions {
  const { sales, catalog, approval } = deps;

  const addToSale = async (product: Product, input: AddLineInput): Promise<ScanActionResult<LineAdded>> => {
    // A product scan is the cashier selling again: the approval buyer's session ends (core/approval-session.ts).
    approval.endSession('sale');
    let current = sales.current();
    if (isFinished(current)) {
      current = await sales.newSale();
    }
    if (current === null) {
      return refuse({ code: 'sale-not-editable' });
    }
    if (current.pending > 0 || current.paid > 0) {
      return refuse({ code: 'payment-in-progress' });
    }
    if (product.currency !== current.sale.currency) {
      return refuse({ code: 'wrong-currency', product: shownText(product.name) });
    }
    let added: AddedLine;
    try {
      added = await sales.addLineNamingIt(input, current.sale.id);
    } catch (error) {
      // The sale changed under the scan (paid, held or replaced meanwhile): nothing was added.
      if (error instanceof KassaError && error.code === 'state.conflict') {
        return refuse({ code: 'sale-not-editable' });
      }
      throw error;
    }
    return { ok: true, value: { saleId: added.view.sale.id, lineId: added.lineId } };
  };

  const toApproval = (scan: ApprovalScan): Promise<ScanActionResult<null>> => {
    try {
      approval.takeScan(scan);
      return Promise.resolve({ ok: true, value: null });
    } catch (error) {
      if (error instanceof KassaError && error.code === 'state.conflict') {
        return Promise.resolve(refuse({ code: 'approval-busy' }));
      }
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    async addProduct({ code, quantity, ifMissing }) {
      const product = catalog.byCode(code);
      if (product === undefined) {
        return refuse(ifMissing);
      }
      if (product.measure === 'weight') {
        return refuse({ code: 'sold-by-weight', product: shownText(product.name) });
      }
      return addToSale(product, { kind: 'catalog', code: product.sku, quantity });
    },

    async addLabel({ lookupCode, barcode, kind, value, quantity }) {
      const product = catalog.byCode(lookupCode);
      if (product === undefined) {
        return refuse({ code: 'product-not-found', barcode: shownText(barcode) });
      }
      if (kind === 'price') {
        return addToSale(product, { kind: 'catalog', code: product.sku, quantity, labelPrice: value });
      }
      if (product.measure !== 'weight') {
        return refuse({ code: 'not-sold-by-weight', product: shownText(product.name) });
      }
      const grams = value * quantity;
      if (grams > MAX_QUANTITY) {
        return refuse({ code: 'quantity-too-large' });
      }
      return addToSale(product, { kind: 'catalog', code: product.sku, quantity: grams });
    },

    openApproval: (qrData) => toApproval({ kind: 'open-receipt', qrData }),
    approvalReceipt: (qrData) => toApproval({ kind: 'receipt', qrData }),
    approvalIdentify: (query) => toApproval({ kind: 'identify', query }),
  };
}
