/**
 * The one interface every payment provider adapter implements, modelled on Odoo's PaymentInterface (send
 * request / cancel / reverse, capability flags) but poll-first: a till has no public URL, so `status()` is
 * the primary way to learn an outcome and webhooks only trigger an early `status()` (docs/architecture.md,
 * "Providers" and "Sales, payments and the journal").
 *
 * Adapters map their client's errors to ProviderError (electron/providers/errors.ts) unchanged: the engine
 * relies on `kind` and `mayHaveReachedProvider` to decide between "declined, retry is a new attempt" and
 * "unknown, ask again with the same reference — never re-send".
 */
import type { Money } from '../../shared/money';
import type { Payment, PaymentMethod } from '../../shared/domain';

export interface PaymentCapabilities {
  /** Returns a QR payload to show on the customer display. */
  qr: boolean;
  /** Returns a deeplink (the customer's banking app opens it). */
  deeplink: boolean;
  /** Sends an invoice to the customer's phone number. */
  phoneInvoice: boolean;
  refund: boolean;
  partialRefund: boolean;
  /** Can withdraw an unpaid invoice at the provider. */
  cancel: boolean;
  /** Has an end-of-day settlement call. */
  settle: boolean;
  /** Needs a code the customer reads from an SMS (BaaS card attach / microloan). */
  smsStep: boolean;
}

export interface StartRequest {
  method: PaymentMethod;
  /** ≤ 32 chars [A-Za-z0-9]: SocialPay invoice, Pocket orderNumber, BoG shop_order_id, BaaS request id. */
  idempotencyKey: string;
  amount: Money;
  description: string;
  phone?: string;
  lines?: readonly { name: string; quantity: number; unitPrice: Money; total: Money }[];
}

export interface StartResult {
  providerRef: string;
  qr?: string;
  deeplink?: string;
  /** Epoch ms; the engine expires the payment then. */
  expiresAt?: number;
}

/** How the engine refers to a payment at the provider: our key always, their reference once known. */
export interface PaymentRef {
  method: PaymentMethod;
  idempotencyKey: string;
  providerRef?: string;
  /** The attempt's amount (SocialPay signs every call over invoice + amount). */
  amount: Money;
}

export function paymentRefOf(payment: Payment): PaymentRef {
  return {
    method: payment.method,
    idempotencyKey: payment.idempotencyKey,
    amount: payment.amount,
    ...(payment.providerRef !== undefined ? { providerRef: payment.providerRef } : {}),
  };
}

/**
 * `not_found`: the provider has no payment under this reference. Only meaningful while the outcome of a
 * start is unknown; the engine accepts it after a grace period (see outcomes.ts).
 */
export type ProviderPaymentStatus = 'pending' | 'paid' | 'declined' | 'cancelled' | 'expired' | 'not_found';

export interface StatusResult {
  status: ProviderPaymentStatus;
  /** Cashier-readable reason for declined/cancelled. */
  reason?: string;
  /**
   * What the answer says of the payment itself, where the API gives it: the provider's own reference (learnt
   * here when the start's answer was lost), and a QR or link the customer can still pay. The engine keeps them
   * when a late answer revives the payment (payments/revival.ts), so the display and the sandbox reach it.
   */
  providerRef?: string;
  qr?: string;
  deeplink?: string;
  /** The provider's own answer, for the log only (never journaled). */
  raw?: unknown;
}

export interface PaymentProvider {
  /** 'socialpay' | 'pocket' | 'bog' | 'baas' | a test id. */
  readonly id: string;
  readonly displayName: string;
  readonly capabilities: PaymentCapabilities;
  start(request: StartRequest): Promise<StartResult>;
  status(ref: PaymentRef): Promise<StatusResult>;
  /**
   * Where the API documents it (BoG Payments API: the same body under the same `Idempotency-Key` returns the
   * first answer): re-send a start whose answer was lost and get that first answer, never a second payment.
   * Throws when it cannot (e.g. iPay, which has no idempotency key). The probes of a lost start use it
   * instead of `status` while the payment has no provider reference (docs/payment-outcomes.md).
   */
  probeStart?(request: StartRequest): Promise<StartResult>;
  /** Withdraw an unpaid request (not a refund). */
  cancel(ref: PaymentRef): Promise<void>;
  /**
   * Resolves when the provider confirmed the refund; throws ProviderError otherwise. `refundKey` is the same
   * on every retry of one refund; adapters send it where the API takes one.
   */
  refund(ref: PaymentRef, amount: Money, refundKey: string): Promise<void>;
  /**
   * What the provider has refunded on this payment so far (minor units), read from its status: how a refund
   * whose answer was lost is settled (refunds.ts). Absent where the API does not tell it.
   */
  refundedAmount?(ref: PaymentRef): Promise<number>;
  settle?(): Promise<{ summary: string }>;
  /** The SMS code step (capabilities.smsStep). */
  confirmCode?(ref: PaymentRef, code: string): Promise<void>;
}

export const NO_CAPABILITIES: PaymentCapabilities = {
  qr: false,
  deeplink: false,
  phoneInvoice: false,
  refund: false,
  partialRefund: false,
  cancel: false,
  settle: false,
  smsStep: false,
};
