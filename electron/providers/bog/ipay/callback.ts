/**
 * iPay's server-to-server callback (form-encoded) carries no signature. It is authenticated only by matching
 * the posted order_id and payment_hash against the ones the till stored when it created the order (BoG's own
 * example answers 404 otherwise). Even then it only says "look now": the caller re-reads the payment.
 */
import { timingSafeEqual } from 'node:crypto';
import type { CallbackCheck, KnownOrderLookup } from '../common';
import { IpayCallbackSchema } from './schemas';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function checkIpayCallback(rawBody: string, known: KnownOrderLookup): CallbackCheck {
  const parsed = IpayCallbackSchema.safeParse(Object.fromEntries(new URLSearchParams(rawBody)));
  if (!parsed.success) {
    return { accepted: false, reason: 'not an iPay callback (order_id and payment_hash are required)' };
  }
  const order = known(parsed.data.order_id);
  if (order === undefined) {
    return { accepted: false, reason: 'callback for an order this till did not create' };
  }
  if (order.paymentHash === undefined || !sameText(order.paymentHash, parsed.data.payment_hash)) {
    return { accepted: false, reason: 'payment_hash does not match the order' };
  }
  return { accepted: true, orderId: parsed.data.order_id };
}
