/**
 * What the scan router needs from the rest of the till to carry a scan out. The devices domain declares it and
 * never reaches the sale or approval services itself; the composition root implements it with them
 * (electron/core/scan-actions.ts, docs/architecture.md §10).
 *
 * Every action answers with what happened or why nothing did (a ScanError the page words in the cashier's
 * language). An action that throws is a bug: the router logs it and answers `failed`.
 */
import type { ScanError } from '../../shared/channels/scan';

export type ScanActionResult<T> = { ok: true; value: T } | { ok: false; error: ScanError };

export interface LineAdded {
  saleId: string;
  /** The new line, or the line a repeated piece item was counted up on. */
  lineId: string;
}

export interface ProductRequest {
  /** Barcode or SKU, as scanned (trimmed). */
  code: string;
  /** Pieces: the `N*` multiplier, else 1. */
  quantity: number;
  /** What to answer when the catalog has no such code (not found, bad check digit, a buyer's code …). */
  ifMissing: ScanError;
}

export interface LabelRequest {
  /** The catalog code of the label's item (value digits zeroed, shared/codes.ts `lookupCode`). */
  lookupCode: string;
  /** The label as scanned, for messages. */
  barcode: string;
  kind: 'weight' | 'price';
  /** Grams (weight) or minor units of the sale currency (price); more than zero. */
  value: number;
  /** How many such labels (the `N*` multiplier, else 1). */
  quantity: number;
}

export interface ScanActions {
  /** A catalog product into the current sale (a new sale when there is none or the last one is paid). */
  addProduct(request: ProductRequest): Promise<ScanActionResult<LineAdded>>;
  /** The item of an in-store scale label, with the label's weight or price. */
  addLabel(request: LabelRequest): Promise<ScanActionResult<LineAdded>>;
  /** A receipt QR scanned outside the approval screen: the approval flow opens holding it, for a new buyer. */
  openApproval(qrData: string): Promise<ScanActionResult<null>>;
  /** A receipt QR on the approval screen: submitted for the confirmed buyer, or held until one is. */
  approvalReceipt(qrData: string): Promise<ScanActionResult<null>>;
  /** Anything else on the approval screen: the buyer's regNo / phone / eBarimt code, looked up. */
  approvalIdentify(query: string): Promise<ScanActionResult<null>>;
}
