/**
 * Errors a handler throws on purpose. handle() turns them into `{ ok: false, error }` with their stable code;
 * anything else becomes `internal` with a generic message (the detail goes to the redacted log only).
 */
import type { ErrorCode, IpcError } from '../../shared/errors';

export class KassaError extends Error {
  readonly code: ErrorCode;
  readonly issues: IpcError['issues'];
  readonly providerCode: string | undefined;
  readonly params: IpcError['params'];

  constructor(
    code: ErrorCode,
    message: string,
    extra: {
      issues?: IpcError['issues'];
      providerCode?: string;
      params?: IpcError['params'];
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'KassaError';
    this.code = code;
    this.issues = extra.issues;
    this.providerCode = extra.providerCode;
    this.params = extra.params;
  }
}
