/**
 * Checks run before anything is sent, shared by both BoG APIs: a request BoG would reject, or one that would
 * charge a wrong amount, never leaves the till.
 */
import { multiply, sum, toMajorString, type Money } from '../../../shared/money';
import { KassaError } from '../../kernel/errors';
import { nameUuid, type NameUuidScheme } from '../../kernel/name-uuid';
import type { BogItem } from './common';

function invalid(path: string, message: string): KassaError {
  return new KassaError('validation', `Bank of Georgia: ${message}`, { issues: [{ path, message }] });
}

/** A positive GEL amount as the major-unit string both APIs expect ("12.50" for 1250 tetri). */
export function gel(amount: Money, path = 'amount'): string {
  if (amount.currency !== 'GEL') {
    throw invalid(path, `amounts must be in GEL, got ${amount.currency}`);
  }
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    throw invalid(path, 'the amount must be a positive number of tetri');
  }
  return toMajorString(amount);
}

/**
 * The Payments API takes JSON numbers. The value is built from the exact decimal string, and JSON.stringify
 * writes the shortest text that round-trips, so "12.50" goes on the wire as 12.5: no arithmetic on floats.
 */
export function gelNumber(amount: Money, path = 'amount'): number {
  return Number(gel(amount, path));
}

export function checkItems(items: readonly BogItem[]): { total: Money } {
  if (items.length === 0) {
    throw invalid('items', 'an order needs at least one item');
  }
  items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw invalid(`items.${i}.quantity`, 'quantities must be whole numbers of at least 1');
    }
    gel(item.unitPrice, `items.${i}.unitPrice`);
    if (item.productId.trim() === '' || item.description.trim() === '') {
      throw invalid(`items.${i}`, 'every item needs a product id and a description');
    }
  });
  return {
    total: sum(
      items.map((item) => multiply(item.unitPrice, item.quantity)),
      'GEL',
    ),
  };
}

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw invalid('idempotencyKey', 'the payment key must be 1–64 letters, digits or "_.:-"');
  }
  return key;
}

/** Order ids go into URL paths: refuse anything that could change the path. */
export function checkOrderId(orderId: string): string {
  if (!ORDER_ID_PATTERN.test(orderId)) {
    throw invalid('orderId', 'not a Bank of Georgia order id');
  }
  return orderId;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How an Idempotency-Key UUID is derived: the first 16 bytes of SHA-256 over "kassa:bog:" and our key, with
 * version 4 bits (a hash, not random; not RFC 4122 v5). Never change it: an attempt must send the same
 * Idempotency-Key whichever version of Kassa sends it.
 */
const BOG_IDEMPOTENCY_UUID: NameUuidScheme = { hash: 'sha256', version: 4, prefix: 'kassa:bog:' };

/**
 * The Payments API wants a UUID in `Idempotency-Key`. Our keys are derived from sale id + attempt, so the
 * UUID is derived from the key deterministically: every retry of the same attempt sends the same UUID.
 */
export function idempotencyUuid(key: string): string {
  if (UUID_PATTERN.test(key)) {
    return key.toLowerCase();
  }
  return nameUuid(BOG_IDEMPOTENCY_UUID, key);
}
