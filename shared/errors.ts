/**
 * The stable error codes that cross the IPC boundary. A renderer switches on `code`, never on `message`.
 * Messages are for people: specific, and never carrying secrets or stack traces.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'validation',
  'forbidden',
  'not_found',
  'state.conflict',
  'secret.missing',
  'secret.unavailable',
  'vault.locked',
  'provider.network',
  'provider.timeout',
  'provider.auth',
  'provider.rejected',
  'provider.unexpected',
  'device.unavailable',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems for validation errors: path → message. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Provider-specific code (e.g. SocialPay resp_code, BaaS error code) when the cashier or support needs it. */
  providerCode: z.string().optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };
