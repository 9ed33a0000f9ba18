/**
 * SocialPay (Golomt Instore) as a PaymentProvider. Our idempotency key is SocialPay's `invoice`, so status,
 * cancel and refund work from the key alone — an `unknown` start is resolved by `check` with the same invoice.
 * Refunds are full reversals only (/pos/payment/cancel has no amount).
 */
import type { SocialpayClient } from '../../providers/socialpay/client';
import type { PaymentProvider, PaymentRef, StatusResult } from '../provider';
import { isNotFound, unsupported } from './common';

const invoiceOf = (ref: PaymentRef) => ({ invoice: ref.idempotencyKey, amount: ref.amount });

export function socialpayPaymentProvider(client: SocialpayClient): PaymentProvider {
  return {
    id: 'socialpay',
    displayName: 'SocialPay',
    capabilities: {
      qr: true,
      deeplink: true,
      phoneInvoice: true,
      refund: true,
      partialRefund: false,
      cancel: true,
      // The settlement call needs a settlement id the till does not model yet (end-of-day flow).
      settle: false,
      smsStep: false,
    },
    async start(req) {
      const ref = { invoice: req.idempotencyKey, amount: req.amount };
      if (req.method === 'socialpay.phone') {
        if (req.phone === undefined) {
          return unsupported('socialpay', 'a phone invoice without a phone number');
        }
        const res = await client.createPhoneInvoice({ ...ref, phone: req.phone });
        return { providerRef: res.invoice };
      }
      const res = await client.createQr({ ...ref, deeplink: req.method === 'socialpay.deeplink' });
      return {
        providerRef: res.invoice,
        qr: res.qr,
        ...(res.deeplink !== undefined ? { deeplink: res.deeplink } : {}),
      };
    },
    async status(ref): Promise<StatusResult> {
      try {
        const res = await client.check(invoiceOf(ref));
        if (res.status === 'paid' || res.status === 'pending') {
          // The invoice number is our key, so a check that finds it also names it (a lost create's reference).
          return { status: res.status, providerRef: ref.idempotencyKey, raw: { respCode: res.respCode } };
        }
        // respCode 54 = the invoice expired, 17 = cancelled/reversed; the rest are declines.
        const status = res.respCode === '54' ? 'expired' : res.respCode === '17' ? 'cancelled' : 'declined';
        return { status, reason: res.messages.en, raw: { respCode: res.respCode } };
      } catch (error) {
        if (isNotFound(error)) {
          return { status: 'not_found' };
        }
        throw error;
      }
    },
    cancel: (ref) => client.cancelInvoice(invoiceOf(ref)),
    async refund(ref, amount) {
      if (amount.amount !== ref.amount.amount) {
        return unsupported('socialpay', 'partial refunds');
      }
      await client.refund(invoiceOf(ref));
    },
  };
}
