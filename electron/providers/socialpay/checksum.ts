/**
 * SocialPay Instore checksum (docs/providers.md §3.2): lowercase hex HMAC-SHA256 keyed with the terminal key
 * over the plain concatenation of field values, no separators, UTF-8. The amount is the exact string that is
 * sent.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacHex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** qr, qr/deeplink, check, invoice/cancel, payment/cancel (and, by inference, push): terminal+invoice+amount. */
export function invoiceChecksum(key: string, terminal: string, invoice: string, amount: string): string {
  return hmacHex(key, terminal + invoice + amount);
}

/** Phone invoice: terminal+invoice+amount+phone. */
export function phoneChecksum(
  key: string,
  terminal: string,
  invoice: string,
  amount: string,
  phone: string,
): string {
  return hmacHex(key, terminal + invoice + amount + phone);
}

/** Settlement: terminal+settlementId. */
export function settlementChecksum(key: string, terminal: string, settlementId: string): string {
  return hmacHex(key, terminal + settlementId);
}

/** Constant-time comparison, so a checker does not leak how many leading characters matched. */
export function checksumMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
