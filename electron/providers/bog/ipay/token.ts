/**
 * iPay's token endpoint: Basic client_id:secret_key, form grant_type=client_credentials.
 *
 * Its `expires_in` cannot be trusted: BoG's auth page calls it seconds, every observed value is an epoch-ms
 * timestamp, and one client found it to be the *issue* time with a real lifetime of 60 s
 * (docs/providers.md §4.2). So an epoch value is never read as an expiry: the token is held for
 * IPAY_TOKEN_LIFETIME_MS from when it arrived (the cache caps it at IPAY_SAFE_LIFETIME_MS, under the 60 s the
 * bank may allow), and a 401 re-authenticates once.
 */
import type { Clock } from '../../../kernel/clock';
import type { HttpClient } from '../../http';
import type { Token, TokenSource } from '../../oauth';
import { IpayTokenResponseSchema } from './schemas';

export const IPAY_TOKEN_LIFETIME_MS = 60_000;
export const IPAY_SAFE_LIFETIME_MS = 50_000;
/** Below this, `expires_in` can only be a duration in seconds (1e9 s ≈ 31 years; epoch ms are ≈ 1.7e12). */
const EPOCH_MS_THRESHOLD = 1e9;

export function ipayTokenExpiry(expiresIn: number, receivedAt: number): number {
  if (expiresIn < EPOCH_MS_THRESHOLD) {
    return receivedAt + Math.min(expiresIn * 1000, IPAY_TOKEN_LIFETIME_MS);
  }
  // Either the expiry or the issue time: the only safe reading is "issued about now".
  return receivedAt + IPAY_TOKEN_LIFETIME_MS;
}

export function ipayTokenSource(options: {
  http: HttpClient;
  clock: Clock;
  clientId: string;
  secretKey: () => Promise<string>;
}): TokenSource {
  return {
    async obtain(): Promise<Token> {
      const basic = Buffer.from(`${options.clientId}:${await options.secretKey()}`).toString('base64');
      const { data } = await options.http.request({
        method: 'POST',
        path: 'oauth2/token',
        form: { grant_type: 'client_credentials' },
        headers: { authorization: `Basic ${basic}` },
        schema: IpayTokenResponseSchema,
        operation: 'ipay.token',
      });
      return {
        accessToken: data.access_token,
        expiresAt: ipayTokenExpiry(data.expires_in, options.clock.now()),
      };
    },
  };
}
