/**
 * Card data checks and masking. The PAN and expiry are only ever in the request body of the attach call: never
 * logged, never in an error, never returned — callers get a masked PAN.
 */
import { KassaError } from '../../kernel/errors';

export type ProcessingType = 'UZCARD' | 'HUMO';

function invalid(path: string, message: string): KassaError {
  return new KassaError('validation', `Ipoteka-bank: ${message}`, { issues: [{ path, message }] });
}

/** 16 digits (the attach page: "digits, length 16"); spaces and dashes typed by a cashier are dropped. */
export function checkPan(pan: string): string {
  const digits = pan.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(digits)) {
    throw invalid('pan', 'the card number must be 16 digits');
  }
  return digits;
}

/** yyMM, as the attach page specifies; a month outside 01–12 never reaches the bank. */
export function checkExpiry(expiry: string): string {
  const match = /^(\d{2})(\d{2})$/.exec(expiry.trim());
  const month = Number(match?.[2]);
  if (match === null || month < 1 || month > 12) {
    throw invalid('expiry', 'the expiry must be yyMM (e.g. 2812 for December 2028)');
  }
  return expiry.trim();
}

/** 12 digits starting with 998 (Uzbekistan); "+998 90 123-45-67" is accepted and normalised. */
export function checkPhone(phone: string): string {
  const digits = phone.replace(/[\s+()-]/g, '');
  if (!/^998\d{9}$/.test(digits)) {
    throw invalid('phoneNumber', 'the phone number must be 12 digits starting with 998');
  }
  return digits;
}

export function checkProcessing(value: string): ProcessingType {
  if (value !== 'UZCARD' && value !== 'HUMO') {
    throw invalid('processingType', 'the card type must be UZCARD or HUMO');
  }
  return value;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** All BaaS ids are UUIDs (request ids, externalId). */
export function checkUuid(value: string, path: string): string {
  if (!UUID_PATTERN.test(value)) {
    throw invalid(path, `${path} must be a UUID`);
  }
  return value.toLowerCase();
}

/** First four and last four: enough to recognise the card and its scheme (8600 Uzcard, 9860 Humo). */
export function maskPan(pan: string): string {
  return `${pan.slice(0, 4)}********${pan.slice(-4)}`;
}
