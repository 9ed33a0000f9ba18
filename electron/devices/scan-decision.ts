/**
 * What a classified scan means on the screen the cashier is looking at (docs/architecture.md §10). Pure: the
 * router classifies, asks here, and carries the decision out through ScanActions.
 *
 *   dialog open                      → refused (close it first); nothing else is read
 *   settings                         → reported only (an installer testing a scanner sees it arrive)
 *   approval                         → receipt QR: submitted / held · anything else: the buyer, looked up
 *   receipt QR elsewhere             → the approval flow opens with it; refused while the payment screen is open
 *   journal                          → no products there
 *   sale · payment · receipt         → scale label: its item with the label's weight or price
 *                                      anything else: the catalog product with that barcode or SKU; when there
 *                                      is none, the reason fits what was scanned (not found, bad check digit,
 *                                      a buyer's code, an unknown code)
 *
 * Whether the sale can take the line (a payment waiting, a paid sale → a new one) is the sale's business, decided
 * by the action with the sale in hand.
 */
import type { ScanContext, ScanError } from '../../shared/channels/scan';
import type { ClassifiedCode } from '../../shared/codes';

export type ScanDecision =
  | { action: 'add-product'; code: string; ifMissing: ScanError }
  | { action: 'add-label'; lookupCode: string; barcode: string; kind: 'weight' | 'price'; value: number }
  | { action: 'open-approval'; qrData: string }
  | { action: 'approval-receipt'; qrData: string }
  | { action: 'approval-identify'; query: string }
  | { action: 'refuse'; error: ScanError };

/** Messages show at most this much of a scan (the contract's limit). */
const SHOWN = 64;

export function shownText(text: string): string {
  return text.length <= SHOWN ? text : `${text.slice(0, SHOWN - 1)}…`;
}

/** The refusal for a code the catalog does not have, by what the code looked like. */
function missingReason(code: ClassifiedCode, text: string): ScanError {
  switch (code.kind) {
    case 'invalid-checksum':
      return { code: 'invalid-checksum', barcode: code.code };
    case 'customer-no':
    case 'regno':
    case 'phone':
      return { code: 'buyer-code-outside-approval' };
    case 'unknown':
      return { code: 'unknown-code', text: shownText(text) };
    case 'ean13':
    case 'ean8':
    case 'upca':
    case 'weight':
    case 'price':
    case 'ebarimt-qr':
      return { code: 'product-not-found', barcode: shownText(text) };
  }
}

export function decideScan(code: ClassifiedCode, text: string, context: ScanContext): ScanDecision {
  const trimmed = text.trim();
  if (context.dialog) {
    return { action: 'refuse', error: { code: 'dialog-open' } };
  }
  if (context.screen === 'settings') {
    return { action: 'refuse', error: { code: 'scanner-test', kind: code.kind, length: trimmed.length } };
  }
  if (context.screen === 'approval') {
    return code.kind === 'ebarimt-qr'
      ? { action: 'approval-receipt', qrData: code.qrData }
      : { action: 'approval-identify', query: trimmed };
  }
  if (code.kind === 'ebarimt-qr') {
    return context.screen === 'payment'
      ? { action: 'refuse', error: { code: 'receipt-during-payment' } }
      : { action: 'open-approval', qrData: code.qrData };
  }
  if (context.screen === 'journal') {
    return { action: 'refuse', error: { code: 'not-on-this-screen' } };
  }
  if (code.kind === 'weight' || code.kind === 'price') {
    if (code.value <= 0) {
      return { action: 'refuse', error: { code: 'label-without-value', barcode: code.code } };
    }
    return {
      action: 'add-label',
      lookupCode: code.lookupCode,
      barcode: code.code,
      kind: code.kind,
      value: code.value,
    };
  }
  return { action: 'add-product', code: trimmed, ifMissing: missingReason(code, trimmed) };
}
