/**
 * What must never reach disk: eBarimt receipt qrData and lottery (tax-authority rule) and anything shaped like a
 * credential. Payment.qr (a payment link) is deliberately not on this list.
 */
import { KassaError } from '../kernel/errors';

const FORBIDDEN_FIELD =
  /^(qr_?data|lottery|password|passwd|secret|client_?secret|api_?key|private_?key|access_?token|refresh_?token|token|pin|pan|card_?number)$/i;

/** Throws when any (nested) field name is forbidden. Exported for tests and for other stores to reuse. */
export function assertStorable(value: unknown, path = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      assertStorable(item, `${path}[${i}]`);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_FIELD.test(key)) {
        throw new KassaError(
          'validation',
          `The journal refuses to store a field named "${key}" (at ${path}): receipt qrData, lottery numbers and secrets are never written to disk.`,
        );
      }
      assertStorable(inner, `${path}.${key}`);
    }
  }
}
