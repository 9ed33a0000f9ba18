/**
 * What every provider client is built with. Secrets are read through `secret()` at call time (so a secret
 * changed in Settings applies at once) and never held longer than a request needs them.
 */
import type { SecretName } from '../../shared/secrets';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import type { SecretGuard } from './secret-guard';

export interface ProviderContext {
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  /**
   * The secret's value; throws KassaError('secret.missing') when it is not set, 'secret.unbound' when it was
   * entered for another address. The value is bound in `secretGuard` to the origin it may go to.
   */
  secret(name: SecretName): Promise<string>;
  /** Every HttpClient of the context checks its requests against it (secret-guard.ts). */
  secretGuard: SecretGuard;
  /** Injected for tests; defaults to global fetch. */
  fetchImpl?: typeof fetch;
  /** Per-request timeout override (tests use small values). */
  timeoutMs?: number;
}

/** One line of `kassa doctor`: a provider and whether it answers, with a cause an installer can act on. */
export interface DoctorLine {
  provider: string;
  ok: boolean;
  detail: string;
}
