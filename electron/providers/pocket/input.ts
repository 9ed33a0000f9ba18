/** Checks run before anything is sent to Pocket. */
import { KassaError } from '../../kernel/errors';
import type { Money } from '../../../shared/money';
import { INFO_MAX_LENGTH, MIN_AMOUNT_MNT, ORDER_NUMBER_MAX_LENGTH } from './schemas';

function invalid(path: string, message: string): KassaError {
  return new KassaError('validation', `Pocket: ${message}`, { issues: [{ path, message }] });
}

/** Whole MNT, at least Pocket's documented minimum of 500 ₮. */
export function wireAmount(amount: Money): number {
  if (amount.currency !== 'MNT') {
    throw invalid('amount', `amounts must be in MNT, got ${amount.currency}`);
  }
  if (!Number.isSafeInteger(amount.amount) || amount.amount < MIN_AMOUNT_MNT) {
    throw invalid('amount', `the amount must be at least ${MIN_AMOUNT_MNT} ₮`);
  }
  return amount.amount;
}

export function checkInfo(info: string): string {
  const text = info.trim();
  if (text.length === 0 || text.length > INFO_MAX_LENGTH) {
    throw invalid('info', `the payment note must be 1–${INFO_MAX_LENGTH} characters`);
  }
  return text;
}

export function checkOrderNumber(orderNumber: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(orderNumber) || orderNumber.length > ORDER_NUMBER_MAX_LENGTH) {
    throw invalid(
      'orderNumber',
      `the order number must be 1–${ORDER_NUMBER_MAX_LENGTH} letters, digits, "-" or "_"`,
    );
  }
  return orderNumber;
}

/** terminalId is an int64 on the wire; settings keep it to safe-integer digits. */
export function checkTerminalId(terminalId: string): number {
  const value = Number(terminalId);
  if (terminalId === '' || !Number.isSafeInteger(value) || value <= 0) {
    throw new KassaError(
      'validation',
      'Pocket: the terminal id is not set (Settings → Go live → Pocket (Invescore) → Terminal id)',
      {
        issues: [{ path: 'providers.pocket.terminalId', message: 'required' }],
      },
    );
  }
  return value;
}

export function checkClientId(clientId: string): string {
  if (clientId === '') {
    throw new KassaError(
      'validation',
      'Pocket: the client id is not set (Settings → Go live → Pocket (Invescore) → Client id)',
      { issues: [{ path: 'providers.pocket.clientId', message: 'required' }] },
    );
  }
  return clientId;
}
