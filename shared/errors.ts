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
  /** A stored secret was entered for another address than its provider has now: it must be entered again. */
  'secret.unbound',
  'secret.unavailable',
  'vault.locked',
  'provider.network',
  'provider.timeout',
  'provider.auth',
  'provider.rejected',
  'provider.unexpected',
  'device.unavailable',
  /** Card attach (Ipoteka-bank): the SMS code is not the one sent. */
  'card.code-wrong',
  /** Card attach: the SMS code ran out (bank code 1009); send a new one. */
  'card.code-expired',
  /** Card attach: a code sent for this card is still valid (1007); type it, or wait until it runs out. */
  'card.code-pending',
  /** Card attach: the processing centre could not send the SMS (1006). */
  'card.sms-failed',
  /** Card attach: the bank knows no such card or attachment (1008). */
  'card.not-found',
  /** Card attach: this card is already attached (1011). */
  'card.already-attached',
  /** Sign-in: the PIN or badge belongs to no manager (params.attemptsLeft before a lock-out). */
  'session.wrong-code',
  /** Sign-in: too many wrong codes; params.seconds until the next try. */
  'session.locked',
  /** Sign-in: this till has no manager yet. */
  'session.no-managers',
  /** Switching profile: a provider check failed (the lines are in `issues`). */
  'profile.checks-failed',
  /**
   * A Mongolian receipt: a line lacks its product's receipt codes (classification code, or the tax product code
   * its tax type needs); params.products names them. The catalog's price list must be fixed.
   */
  'receipt.product-codes',
  /**
   * A receipt problem only a manager can resolve (receipt:resolve): PosAPI may already hold a receipt for this
   * sale (an unconfirmed issue on an earlier day, or PosAPI refused the bill-id suffix as a duplicate).
   */
  'receipt.needs-manager',
  /** An earlier refund of the payment is not confirmed (params.amount): only that same refund may be retried. */
  'refund.unsettled',
  /** The journal failed its check on open (params.file); the till refuses to start and keeps the file. */
  'storage.damaged',
  /** Another Kassa process owns this data dir (params.pid, params.host). */
  'storage.locked',
  /** The journal was written by a newer Kassa (params.version, params.supported). */
  'storage.version',
  /** The disk is full: the command was not written (nothing half-written); free space and try again. */
  'storage.full',
  /** Any other write failure of the journal: the command was not written. */
  'storage.failed',
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
  /** Values the renderer's catalogs put into the code's wording (e.g. `seconds` of a sign-in lock-out). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };
