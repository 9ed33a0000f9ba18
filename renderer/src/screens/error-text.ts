/**
 * An error as the cashier reads it: worded from its stable code and parameters by the cashier catalogs
 * (i18n/access.*.ts `errors`), never the host's English message (docs/architecture.md §3.2).
 */
import type { TFunction } from 'i18next';
import type { ShownError } from '../stores/errors';

export function errorText(t: TFunction, error: Pick<ShownError, 'code' | 'params'>): string {
  if (error.code === 'forbidden' && error.params?.needs === 'manager') {
    return t('errors.forbiddenManager');
  }
  return t(`errors.${error.code}`, error.params ?? {});
}
