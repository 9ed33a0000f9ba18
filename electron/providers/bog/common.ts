/**
 * The one BoG interface the payments layer sees, whichever of BoG's two APIs a store is on (iPay or the
 * Payments API). It follows the payment-provider shape of docs/architecture.md §8: start an order whose
 * approve link is shown as a QR, read its status (polling is the primary path), refund, and complete or
 * release a pre-auth.
 */
import type { Money } from '../../../shared/money';
import type { BogApi } from '../../../shared/settings/bog';

export const PROVIDER = 'bog';

export interface BogItem {
  productId: string;
  description: string;
  /** Whole units; weighed goods are sent as one line with the line total as the unit price. */
  quantity: number;
  /** Price of one unit, GEL. */
  unitPrice: Money;
}

export interface BogOrderRequest {
  /**
   * One key per payment attempt (docs/architecture.md §8), reused on every retry: iPay `shop_order_id`,
   * Payments `external_order_id` and `Idempotency-Key`.
   */
  idempotencyKey: string;
  items: readonly BogItem[];
  /** 'manual' places a pre-authorisation hold that is later completed or released. */
  capture?: 'automatic' | 'manual';
}

export interface BogOrder {
  orderId: string;
  /** The hosted payment page; the customer display renders it as a QR. */
  approveUrl: string;
  /** iPay only: needed to authenticate its callbacks. */
  paymentHash?: string;
  /** When BoG stops waiting for the customer (iPay: 1 h auto-cancel; Payments: order ttl, 15 min default). */
  expiresAt: number;
}

/**
 * What a status read means for the till. 'pending' keeps polling; 'authorized' is a pre-auth hold waiting for
 * completion; the rest are final for the payment (refund states are final for the refund).
 */
/** A cashier message in English and Georgian. */
export interface Texts {
  en: string;
  ka: string;
}

export type BogOutcome =
  'pending' | 'authorized' | 'paid' | 'declined' | 'cancelled' | 'refunded' | 'partially_refunded';

export interface BogStatus {
  orderId: string;
  outcome: BogOutcome;
  /** BoG's own status word (iPay `status`/`status_description`, Payments `order_status.key`). */
  providerStatus: string;
  /** Our idempotency key as BoG echoes it, when it does. */
  shopOrderId?: string;
  paymentMethod?: string;
  /** Masked by BoG (xxxxxx******xxxx); only for card payments. */
  maskedPan?: string;
  /**
   * What BoG has refunded on the order (tetri), when its answer says (Payments API `refund_amount`): how the
   * till settles a refund whose answer was lost (docs/architecture.md §8.2).
   */
  refundedAmount?: number;
  messages: Texts;
}

export type CompletionRequest = { type: 'full' } | { type: 'partial'; amount: Money } | { type: 'cancel' };

/** What the caller knows about an order it started: used to authenticate a callback. */
export type KnownOrderLookup = (orderId: string) => { paymentHash?: string } | undefined;

export interface CallbackInput {
  rawBody: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
}

export type CallbackCheck = { accepted: true; orderId: string } | { accepted: false; reason: string };

export type CallbackOutcome = { accepted: true; status: BogStatus } | { accepted: false; reason: string };

export interface BogClient {
  readonly provider: typeof PROVIDER;
  readonly api: BogApi;
  readonly baseUrl: string;
  createOrder(req: BogOrderRequest): Promise<BogOrder>;
  status(orderId: string): Promise<BogStatus>;
  /**
   * Omit the amount for a full refund. `refundKey` is the till's key for this refund, the same on every retry
   * of it: the Payments API sends it as `Idempotency-Key` (BoG then replays its first answer); iPay's refund
   * takes no key.
   */
  refund(orderId: string, amount?: Money, refundKey?: string): Promise<void>;
  /** Complete (fully or partly) or release a pre-auth hold. */
  completion(orderId: string, req: CompletionRequest): Promise<void>;
  /**
   * Authenticate a callback and, only if it is genuine and about a known order, re-read the payment. The
   * callback's own fields never decide the outcome.
   */
  handleCallback(input: CallbackInput, known: KnownOrderLookup): Promise<CallbackOutcome>;
  /** Obtain a token now (doctor). */
  checkToken(): Promise<void>;
}
