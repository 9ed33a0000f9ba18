/**
 * Ipoteka-bank BaaS microloan as a PaymentProvider: the customer buys on a microloan. `start` registers a
 * pre-scoring application for the attempt's amount (the cashier has read the offer to the customer and they
 * accepted — the Payment screen asks before it starts); the bank's answer to pre-scoring is either
 * "registered" (then we poll the application until APPROVED = the shop is paid, or REJECTED) or an immediate
 * scoring refusal (1002 overdue loans / 1003 high risk), shown to the cashier as the decline reason.
 *
 * Our application id (`externalId`, a UUID) is derived from the payment's idempotency key, so a retry of the
 * same attempt names the same application and the bank answers 1001 ("already registered") instead of
 * opening a second loan.
 *
 * Codes on pre-scoring (docs/payment-outcomes.md, seed ipoteka-baas-gateway.txt "Коды ошибок"): 2 (invalid
 * JSON), 3, 4 (validation) and 5 (method) refuse the request before anything is registered → declined;
 * 1002/1003 are scoring refusals → declined; 1 (unknown error), 1004 / 1005 (the bank's external scoring
 * service failed) leave it open whether the application was registered → unknown, asked by its externalId;
 * the status call's 1000 "Application not found" is `not_found`.
 */
import { toMajorString } from '../../../shared/money';
import { nameUuid, type NameUuidScheme } from '../../kernel/name-uuid';
import type { BaasClient } from '../../providers/baas/client';
import { BaasError } from '../../providers/baas/errors';
import { ProviderError } from '../../providers/errors';
import type { PaymentProvider, PaymentRef } from '../provider';
import { unsupported } from './common';

/**
 * How an application id is derived: SHA-1 over "kassa-baas:" and the idempotency key, version 5 bits (no
 * namespace UUID is hashed, so this is not RFC 4122 v5). Never change it: a payment whose start had an
 * unknown outcome is looked up at the bank by the id derived again from its key.
 */
const BAAS_APPLICATION_ID: NameUuidScheme = { hash: 'sha1', version: 5, prefix: 'kassa-baas:' };

/** A stable UUID from our idempotency key. */
export function externalIdFor(idempotencyKey: string): string {
  return nameUuid(BAAS_APPLICATION_ID, idempotencyKey);
}

/** BaaS wants 12 digits starting 998; the cashier may type the 9-digit national number. */
export function uzPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 9 ? `998${digits}` : digits;
}

/** System codes that refuse the request as sent: nothing was registered, so the attempt is declined. */
const REFUSED_AS_SENT: readonly number[] = [2, 3, 4, 5];

function refusedBeforeRegistering(error: unknown): never {
  if (error instanceof BaasError && REFUSED_AS_SENT.includes(error.baasCode)) {
    throw new ProviderError({
      provider: 'baas',
      kind: 'rejected',
      code: String(error.baasCode),
      message: error.message,
      messages: error.messages,
      mayHaveReachedProvider: true,
      cause: error,
    });
  }
  throw error;
}

export function baasPaymentProvider(client: BaasClient): PaymentProvider {
  const idOf = (ref: PaymentRef): string => ref.providerRef ?? externalIdFor(ref.idempotencyKey);
  return {
    id: 'baas',
    displayName: 'Ipoteka Bank',
    capabilities: {
      qr: false,
      deeplink: false,
      // The customer's phone identifies the loan applicant.
      phoneInvoice: true,
      refund: false,
      partialRefund: false,
      cancel: false,
      settle: false,
      smsStep: false,
    },
    async start(req) {
      if (req.phone === undefined) {
        return unsupported('baas', 'a microloan without the customer phone number');
      }
      const externalId = externalIdFor(req.idempotencyKey);
      const result = await client
        .preScoring({
          externalId,
          phoneNumber: uzPhone(req.phone),
          isAgreementAccepted: true,
          clientData: {
            amount: toMajorString(req.amount),
            currency: req.amount.currency,
            orderId: req.idempotencyKey,
          },
        })
        .catch(refusedBeforeRegistering);
      if (result.outcome === 'refused') {
        throw new ProviderError({
          provider: 'baas',
          kind: 'rejected',
          code: String(result.code),
          message: result.messages.en,
          messages: result.messages,
          mayHaveReachedProvider: true,
        });
      }
      return { providerRef: externalId };
    },
    async status(ref) {
      let app;
      try {
        app = await client.applicationStatus(idOf(ref));
      } catch (error) {
        if (error instanceof BaasError && error.baasCode === 1000) {
          return { status: 'not_found' };
        }
        throw error;
      }
      if (app.inProgress) {
        return { status: 'pending' };
      }
      if (app.status === 'APPROVED') {
        return { status: 'paid' };
      }
      return { status: 'declined', ...(app.rejectReason === undefined ? {} : { reason: app.rejectReason }) };
    },
    cancel: () => unsupported('baas', 'withdrawing a loan application'),
    refund: () => unsupported('baas', 'refunding a microloan purchase at the till'),
  };
}
