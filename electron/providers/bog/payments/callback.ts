/**
 * Payments API callbacks: `Callback-Signature` is a base64 RSA SHA256withRSA signature over the raw body
 * bytes, made with BoG's key (docs/providers.md §5.4). The signature is verified on the raw bytes BEFORE
 * anything is parsed, so a forged body never reaches a parser or the payment state. A genuine callback still
 * only triggers a status read: its own fields never decide the outcome.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { CallbackCheck, KnownOrderLookup } from '../common';
import { PaymentsCallbackSchema } from './schemas';

export const SIGNATURE_HEADER = 'callback-signature';

function publicKey(pem: string): KeyObject | undefined {
  if (pem.trim() === '') {
    return undefined;
  }
  try {
    return createPublicKey(pem);
  } catch {
    return undefined;
  }
}

export function checkPaymentsCallback(
  input: { rawBody: string | Buffer; signature: string | undefined },
  publicKeyPem: string,
  known: KnownOrderLookup,
): CallbackCheck {
  const key = publicKey(publicKeyPem);
  if (key === undefined) {
    return { accepted: false, reason: 'no valid BoG callback public key is configured' };
  }
  const signature = input.signature?.trim() ?? '';
  if (signature === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) {
    return { accepted: false, reason: 'missing or malformed Callback-Signature' };
  }
  const raw = typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody;
  let genuine: boolean;
  try {
    genuine = verify('sha256', raw, key, Buffer.from(signature, 'base64'));
  } catch {
    genuine = false;
  }
  if (!genuine) {
    return { accepted: false, reason: 'Callback-Signature does not verify' };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { accepted: false, reason: 'signed callback is not JSON' };
  }
  const parsed = PaymentsCallbackSchema.safeParse(json);
  if (!parsed.success) {
    return { accepted: false, reason: 'signed callback has no order id' };
  }
  const orderId = parsed.data.body.order_id;
  if (known(orderId) === undefined) {
    return { accepted: false, reason: 'callback for an order this till did not create' };
  }
  return { accepted: true, orderId };
}
