/** Helpers the provider adapters share. */
import { ProviderError, isProviderError } from '../../providers/errors';

/** A 404 from a status read means the provider has no payment under that reference. */
export function isNotFound(error: unknown): boolean {
  return isProviderError(error) && error.status === 404;
}

/** For operations a provider does not offer; the engine checks capabilities first, so this is a safety net. */
export function unsupported(provider: string, what: string): Promise<never> {
  return Promise.reject(
    new ProviderError({
      provider,
      kind: 'rejected',
      message: `${provider} does not support ${what}.`,
      mayHaveReachedProvider: false,
    }),
  );
}
