/**
 * Checks run before anything is sent: a request SocialPay would reject (or worse, sign with a checksum over a
 * different string than it parses) never leaves the till.
 */
import { KassaError } from '../../kernel/errors';
import { toMajorString, type Money } from '../../../shared/money';
import { INVOICE_MAX_LENGTH, PHONE_PATTERN, SETTLEMENT_ID_MAX_LENGTH, TERMINAL_PATTERN } from './schemas';

/** Our idempotency keys are ASCII; restricting to them keeps the checksum's bytes unambiguous. */
const REF_PATTERN = /^[A-Za-z0-9_-]+$/;

function invalid(path: string, message: string): KassaError {
  return new KassaError('validation', `SocialPay: ${message}`, { issues: [{ path, message }] });
}

/** Whole MNT as the exact string that is both sent and signed ("1000", never "1000.00"). */
export function wireAmount(amount: Money): string {
  if (amount.currency !== 'MNT') {
    throw invalid('amount', `amounts must be in MNT, got ${amount.currency}`);
  }
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    throw invalid('amount', 'the amount must be a positive whole number of tögrög');
  }
  return toMajorString(amount);
}

export function checkInvoice(invoice: string): string {
  if (invoice.length === 0 || invoice.length > INVOICE_MAX_LENGTH) {
    throw invalid('invoice', `the invoice number must be 1–${INVOICE_MAX_LENGTH} characters`);
  }
  if (!REF_PATTERN.test(invoice)) {
    throw invalid('invoice', 'the invoice number may only contain letters, digits, "-" and "_"');
  }
  return invoice;
}

export function checkPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (!PHONE_PATTERN.test(digits)) {
    throw invalid('phone', 'the phone number must be 8 digits');
  }
  return digits;
}

export function checkSettlementId(id: string): string {
  if (id.length === 0 || id.length > SETTLEMENT_ID_MAX_LENGTH || !REF_PATTERN.test(id)) {
    throw invalid(
      'settlementId',
      `the settlement id must be 1–${SETTLEMENT_ID_MAX_LENGTH} letters or digits`,
    );
  }
  return id;
}

export function checkTerminal(terminal: string): string {
  if (!TERMINAL_PATTERN.test(terminal)) {
    throw new KassaError(
      'validation',
      'SocialPay: the terminal number is not set (Settings → Go live → SocialPay (Golomt Bank) → Terminal number, 8 digits)',
      { issues: [{ path: 'providers.socialpay.terminal', message: 'must be 8 digits' }] },
    );
  }
  return terminal;
}
