/**
 * Bank of Georgia (iPay or Payments API, behind one BogClient) as a PaymentProvider: the order's approve link
 * is the QR. Our idempotency key is BoG's shop/external order id and Idempotency-Key.
 *
 * BoG reads status by its own order id only. If a start's answer was lost (payment `unknown` with no
 * providerRef): on the Payments API `probeStart` re-sends the same body under the same `Idempotency-Key`
 * (the client derives it from our key) and BoG answers with the first order, never a second one
 * (docs/payment-outcomes.md); iPay has no such key, so it cannot be asked and the probes end the attempt as
 * `abandoned` — its approve link was never shown, and BoG cancels the order unpaid after an hour.
 *
 * The order is sent as ONE item for the attempt's amount: a split payment pays part of a sale, and sale
 * discounts / weighed goods would not add up as BoG items anyway.
 */
import type { BogClient } from '../../providers/bog/client';
import { ProviderError } from '../../providers/errors';
import type { PaymentProvider, StartRequest, StartResult, StatusResult } from '../provider';
import { isNotFound, unsupported } from './common';

export function bogPaymentProvider(client: BogClient): PaymentProvider {
  const orderIdOf = (ref: { providerRef?: string | undefined }): string => {
    if (ref.providerRef === undefined) {
      throw new ProviderError({
        provider: 'bog',
        kind: 'unexpected',
        message:
          'BoG never returned an order id for this attempt; check the merchant portal for its shop order id.',
        mayHaveReachedProvider: false,
      });
    }
    return ref.providerRef;
  };
  /** The same request body for the same attempt, every time: a re-send must match the first byte for byte. */
  const createOrder = async (req: StartRequest): Promise<StartResult> => {
    const order = await client.createOrder({
      idempotencyKey: req.idempotencyKey,
      items: [
        { productId: req.idempotencyKey, description: req.description, quantity: 1, unitPrice: req.amount },
      ],
    });
    return { providerRef: order.orderId, qr: order.approveUrl, expiresAt: order.expiresAt };
  };
  return {
    id: 'bog',
    displayName: 'Bank of Georgia',
    capabilities: {
      qr: true,
      deeplink: false,
      phoneInvoice: false,
      refund: true,
      partialRefund: true,
      // BoG orders expire by themselves (iPay 1 h, Payments ttl); there is no withdraw call.
      cancel: false,
      settle: false,
      smsStep: false,
    },
    start: (req) => createOrder(req),
    async probeStart(req) {
      if (client.api !== 'payments') {
        throw new ProviderError({
          provider: 'bog',
          kind: 'unexpected',
          message: 'iPay has no idempotency key: a lost order request cannot be asked about.',
          mayHaveReachedProvider: false,
        });
      }
      return createOrder(req);
    },
    async status(ref): Promise<StatusResult> {
      try {
        const res = await client.status(orderIdOf(ref));
        switch (res.outcome) {
          case 'pending':
          case 'authorized': // a pre-auth hold is not money yet; the till only starts automatic captures
            return { status: 'pending', raw: { providerStatus: res.providerStatus } };
          case 'paid':
          case 'refunded':
          case 'partially_refunded':
            return { status: 'paid', raw: { providerStatus: res.providerStatus } };
          case 'declined':
          case 'cancelled':
            return {
              status: res.outcome,
              reason: res.messages.en,
              raw: { providerStatus: res.providerStatus },
            };
        }
      } catch (error) {
        if (isNotFound(error)) {
          return { status: 'not_found' };
        }
        throw error;
      }
    },
    cancel: () => unsupported('bog', 'withdrawing an order'),
    async refund(ref, amount, refundKey) {
      // A full refund omits the amount (both APIs); the key is BoG's Idempotency-Key on the Payments API.
      await client.refund(
        orderIdOf(ref),
        amount.amount === ref.amount.amount ? undefined : amount,
        refundKey,
      );
    },
    async refundedAmount(ref) {
      const res = await client.status(orderIdOf(ref));
      if (res.refundedAmount !== undefined) {
        return res.refundedAmount;
      }
      if (res.outcome === 'refunded') {
        return ref.amount.amount;
      }
      if (res.outcome === 'partially_refunded') {
        // iPay names a partial refund without its amount: nothing the till can settle by.
        throw new ProviderError({
          provider: 'bog',
          kind: 'unexpected',
          message: 'BoG says the payment is partly refunded but not by how much; check the merchant portal.',
          mayHaveReachedProvider: true,
        });
      }
      return 0;
    },
  };
}
