/**
 * A late answer (issue 11, finding 4): a start whose answer was lost is `unknown`; when a status query later
 * finds the invoice waiting at the provider, the payment goes back to `awaiting_customer`. What that answer
 * tells of the payment — the provider's reference, a QR or link — is kept with it, so the customer display can
 * show it (shared/display-model.ts) and a check, cancel or the sandbox's customer app can reach the invoice.
 * Bank QR payloads may be journaled; eBarimt qrData never passes here (it is not a payment field).
 */
import type { Payment } from '../../shared/domain';
import type { StatusResult } from './provider';
import type { PaymentPatch } from './state-machine';

/** The fields a reviving status answer adds; what the payment already has is never replaced. */
export function revivedPatch(payment: Payment, status: StatusResult | undefined): PaymentPatch {
  if (!status) {
    return {};
  }
  return {
    ...(payment.providerRef === undefined && status.providerRef !== undefined
      ? { providerRef: status.providerRef }
      : {}),
    ...(payment.qr === undefined && status.qr !== undefined ? { qr: status.qr } : {}),
    ...(payment.deeplink === undefined && status.deeplink !== undefined ? { deeplink: status.deeplink } : {}),
  };
}
