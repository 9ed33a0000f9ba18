/**
 * The BaaS token call: Basic consumer_key:consumer_secret, JSON `{grant_type:"password", username, password}`
 * (not the usual form body), `expires_in` in seconds, no refresh token — an expired token is replaced by a new
 * password grant.
 */
import type { Clock } from '../../kernel/clock';
import type { Redactor } from '../../log/redact';
import { ProviderError } from '../errors';
import type { HttpClient } from '../http';
import { OAuthTokenResponseSchema, tokenFromResponse, type TokenSource } from '../oauth';
import { PROVIDER } from './errors';
import { AUTH_TEXTS } from './messages';

export function baasTokenSource(options: {
  http: HttpClient;
  clock: Clock;
  redactor: Redactor;
  path: string;
  consumerKey: string;
  username: string;
  consumerSecret: () => Promise<string>;
  password: () => Promise<string>;
}): TokenSource {
  return {
    async obtain() {
      const basic = Buffer.from(`${options.consumerKey}:${await options.consumerSecret()}`).toString(
        'base64',
      );
      const { data } = await options.http.request({
        method: 'POST',
        path: options.path,
        json: { grant_type: 'password', username: options.username, password: await options.password() },
        headers: { authorization: `Basic ${basic}` },
        schema: OAuthTokenResponseSchema,
        operation: 'baas.token',
        // 401 = consumer key/secret; 400 invalid_grant = user name/password (Spring's OAuth2 server).
        onErrorResponse: (status) =>
          status === 401 || status === 400
            ? new ProviderError({
                provider: PROVIDER,
                kind: 'auth',
                status,
                message: AUTH_TEXTS.en,
                messages: AUTH_TEXTS,
              })
            : undefined,
      });
      return tokenFromResponse(data, options.clock.now());
    },
  };
}
