/**
 * The bank's card-attach answers (docs/providers.md §6.3) as the till's stable codes, so the cashier screen
 * words them in mn and en (renderer/src/i18n/access.*.ts `errors.card`). Anything else passes unchanged: a
 * ProviderError keeps its `provider.*` code (transport, token, an unknown bank code), a KassaError its own.
 */
import type { ErrorCode } from '../../shared/errors';
import { KassaError } from '../kernel/errors';
import { BaasError } from '../providers/baas/errors';

const BY_BANK_CODE: Readonly<Record<number, ErrorCode>> = {
  1006: 'card.sms-failed',
  1007: 'card.code-pending',
  1008: 'card.not-found',
  1009: 'card.code-expired',
  1011: 'card.already-attached',
};

export function cardAttachError(error: unknown): unknown {
  if (!(error instanceof BaasError)) {
    return error;
  }
  const code =
    BY_BANK_CODE[error.baasCode] ??
    // A validation refusal of the code field: the code typed is not the one sent.
    ((error.baasCode === 3 || error.baasCode === 4) && error.field?.endsWith('smsCode') === true
      ? 'card.code-wrong'
      : undefined);
  if (code === undefined) {
    return error;
  }
  return new KassaError(code, error.message, { providerCode: String(error.baasCode), cause: error });
}
