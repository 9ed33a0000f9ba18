/**
 * BaasError: a ProviderError carrying the bank's numeric code and, for codes 3 and 4, the field and the bank's
 * own field message ("Validation Error. Field: {field}, message: {field_error}"), so the cashier sees what to fix.
 */
import type { Redactor } from '../../log/redact';
import { ProviderError } from '../errors';
import { codeInfo } from './messages';

export const PROVIDER = 'baas';

const FIELD_PATTERN =
  /Field:\s*([^,\s]+)\s*,\s*(?:message:\s*|value is invalid and can't be parsed\.\s*Message:\s*)(.*)$/is;

export class BaasError extends ProviderError {
  readonly baasCode: number;
  readonly field: string | undefined;
  readonly fieldMessage: string | undefined;

  constructor(init: { baasCode: number; bankMessage: string; status?: number; redactor: Redactor }) {
    const info = codeInfo(init.baasCode);
    // The bank's message may echo what was sent (a card number): it only ever leaves through the redactor.
    const bankMessage = init.redactor.text(init.bankMessage);
    const match = init.baasCode === 3 || init.baasCode === 4 ? FIELD_PATTERN.exec(bankMessage) : null;
    const field = match?.[1];
    const fieldMessage = match?.[2]?.trim();
    const suffix =
      field === undefined
        ? bankMessage === ''
          ? ''
          : ` (${bankMessage})`
        : ` ${field}: ${fieldMessage ?? ''}`;
    super({
      provider: PROVIDER,
      kind: info.kind,
      code: String(init.baasCode),
      ...(init.status === undefined ? {} : { status: init.status }),
      message: `${info.en}${suffix}`,
      messages: { en: `${info.en}${suffix}`, ru: `${info.ru}${suffix}`, uz: `${info.uz}${suffix}` },
    });
    this.name = 'BaasError';
    this.baasCode = init.baasCode;
    this.field = field;
    this.fieldMessage = fieldMessage;
  }
}
