/**
 * Pocket (Invescore) POS QR invoice as a PaymentProvider. Our idempotency key is Pocket's `orderNumber`, so an
 * `unknown` start is resolved with statusByOrderNumber; once Pocket's invoiceId is known it is used instead.
 * The documented API has no invoice cancel and no refund, so neither is offered (an unpaid invoice simply
 * expires; refunds go through Pocket's merchant portal).
 */
import type { PocketClient } from '../../providers/pocket/client';
import type { PaymentProvider, StatusResult } from '../provider';
import { isNotFound, unsupported } from './common';

export function pocketPaymentProvider(client: PocketClient): PaymentProvider {
  return {
    id: 'pocket',
    displayName: 'Pocket',
    capabilities: {
      qr: true,
      deeplink: true,
      phoneInvoice: false,
      refund: false,
      partialRefund: false,
      cancel: false,
      settle: false,
      smsStep: false,
    },
    async start(req) {
      const res = await client.createInvoice({
        orderNumber: req.idempotencyKey,
        amount: req.amount,
        info: req.description,
      });
      return { providerRef: res.invoiceId, qr: res.qr, deeplink: res.deeplink };
    },
    async status(ref): Promise<StatusResult> {
      try {
        const res =
          ref.providerRef !== undefined
            ? await client.statusByInvoiceId(ref.providerRef)
            : await client.statusByOrderNumber(ref.idempotencyKey);
        if (res.status === 'paid' || res.status === 'pending') {
          // Asked by orderNumber after a lost create, Pocket names its invoiceId: the payment's reference.
          return { status: res.status, providerRef: res.invoiceId, raw: { state: res.state } };
        }
        return {
          status: res.state.toLowerCase() === 'cancelled' ? 'cancelled' : 'declined',
          reason: res.messages.en,
          raw: { state: res.state },
        };
      } catch (error) {
        if (isNotFound(error)) {
          return { status: 'not_found' };
        }
        throw error;
      }
    },
    cancel: () => unsupported('pocket', 'cancelling an invoice'),
    refund: () => unsupported('pocket', 'refunds'),
  };
}
