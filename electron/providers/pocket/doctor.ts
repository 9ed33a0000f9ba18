/**
 * `kassa doctor` line for Pocket: a merchant token can be obtained (SSO host + client id/secret), then the
 * merchant API answers an authenticated GET /pg/config (base URL + token accepted).
 */
import { KassaError } from '../../kernel/errors';
import type { DoctorLine } from '../context';
import { ProviderError } from '../errors';
import type { PocketClient } from './client';

export async function doctorPocket(client: PocketClient): Promise<DoctorLine> {
  const line = (ok: boolean, detail: string): DoctorLine => ({ provider: 'pocket', ok, detail });
  let stage: 'token' | 'api' = 'token';
  try {
    await client.tokens.get();
    stage = 'api';
    const fallBackUrl = await client.getFallbackUrl();
    return line(
      true,
      `token obtained; ${client.baseUrl} answered (webhook URL ${fallBackUrl === null ? 'not set' : 'set'})`,
    );
  } catch (error) {
    const where =
      stage === 'token' ? 'getting a merchant token from the SSO host' : `calling ${client.baseUrl}`;
    if (error instanceof ProviderError) {
      const hint =
        error.kind === 'auth'
          ? stage === 'token'
            ? "check the client id in Settings and the 'pocket.clientSecret' secret"
            : 'the token was issued but the merchant API refused it: check that both URLs are the same environment'
          : error.kind === 'network' || error.kind === 'timeout'
            ? 'check the URL in Settings and the network'
            : 'see the message';
      return line(false, `${where}: ${error.message} (${hint})`);
    }
    if (error instanceof KassaError) {
      return line(false, `${where}: ${error.message} (${error.code})`);
    }
    throw error;
  }
}
