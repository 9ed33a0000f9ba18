/**
 * An error as the cashier reads it: worded from its stable code and parameters by the cashier catalogs
 * (i18n/access.*.ts `errors`), never the host's English message (docs/architecture.md §3.2).
 */
import type { TFunction } from 'i18next';
import type { ShownError } from '../stores/errors';

/** The `reason`s the printer gives `device.unavailable` (electron/devices/printer), worded in i18n/printer.*.ts. */
const DEVICE_REASONS: readonly string[] = [
  'unreachable',
  'timeout',
  'disconnected',
  'not-configured',
  'no-drawer',
];

export function errorText(t: TFunction, error: Pick<ShownError, 'code' | 'params'>): string {
  if (error.code === 'forbidden' && error.params?.needs === 'manager') {
    return t('errors.forbiddenManager');
  }
  const reason = error.params?.reason;
  if (error.code === 'device.unavailable' && typeof reason === 'string' && DEVICE_REASONS.includes(reason)) {
    return t(`errors.deviceUnavailable.${reason}`);
  }
  return t(`errors.${error.code}`, error.params ?? {});
}
