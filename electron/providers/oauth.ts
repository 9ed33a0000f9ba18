/**
 * Token cache for Keycloak-style grants (client_credentials, password, refresh_token).
 *  - refreshes ahead of expiry (a token is never used in its last `refreshAheadMs`)
 *  - caps a token's life at `maxLifetimeMs` whatever the server says (iPay's `expires_in` is unreliable)
 *  - concurrent callers share one in-flight token request
 *  - `withToken` re-authenticates exactly once when the provider answers 401, then retries once
 * Tokens are registered with the redactor the moment they arrive, so they never reach a log.
 */
import { z } from 'zod';
import type { Clock } from '../kernel/clock';
import type { Redactor } from '../log/redact';
import { ProviderError } from './errors';
import type { HttpClient } from './http';

export interface Token {
  accessToken: string;
  /** Epoch ms after which the token must not be used. */
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

export interface TokenSource {
  /** A fresh token from the primary grant (client_credentials or password). */
  obtain(): Promise<Token>;
  /** Exchange a refresh token, when the grant issues them. */
  refresh?(refreshToken: string): Promise<Token>;
}

export interface TokenCacheOptions {
  provider: string;
  source: TokenSource;
  clock: Clock;
  redactor: Redactor;
  refreshAheadMs?: number;
  maxLifetimeMs?: number;
}

export class TokenCache {
  readonly #opts: Required<Omit<TokenCacheOptions, 'maxLifetimeMs'>> & { maxLifetimeMs: number | undefined };
  #token: Token | undefined;
  #obtainedAt = 0;
  #inFlight: Promise<Token> | undefined;
  /** How many times a token was requested from the provider (tests and `kassa doctor` read it). */
  fetchCount = 0;

  constructor(options: TokenCacheOptions) {
    this.#opts = {
      provider: options.provider,
      source: options.source,
      clock: options.clock,
      redactor: options.redactor,
      refreshAheadMs: options.refreshAheadMs ?? 30_000,
      maxLifetimeMs: options.maxLifetimeMs,
    };
  }

  #usable(token: Token | undefined): token is Token {
    if (!token) {
      return false;
    }
    const now = this.#opts.clock.now();
    const hardLimit =
      this.#opts.maxLifetimeMs === undefined
        ? token.expiresAt
        : Math.min(token.expiresAt, this.#obtainedAt + this.#opts.maxLifetimeMs);
    return now < hardLimit - this.#opts.refreshAheadMs;
  }

  /** A valid access token, fetching or refreshing one if needed. */
  async get(): Promise<string> {
    if (this.#usable(this.#token)) {
      return this.#token.accessToken;
    }
    this.#inFlight ??= this.#fetch().finally(() => {
      this.#inFlight = undefined;
    });
    const token = await this.#inFlight;
    return token.accessToken;
  }

  async #fetch(): Promise<Token> {
    const { source, clock } = this.#opts;
    const previous = this.#token;
    let token: Token | undefined;
    if (previous?.refreshToken && source.refresh && (previous.refreshExpiresAt ?? Infinity) > clock.now()) {
      try {
        token = await source.refresh(previous.refreshToken);
      } catch {
        // A refused refresh falls back to the primary grant.
        token = undefined;
      }
    }
    this.fetchCount += 1;
    token ??= await source.obtain();
    this.#opts.redactor.addValue(token.accessToken);
    if (token.refreshToken) {
      this.#opts.redactor.addValue(token.refreshToken);
    }
    this.#token = token;
    this.#obtainedAt = clock.now();
    return token;
  }

  /** Forget the cached token (after a 401, or when credentials change). */
  invalidate(): void {
    this.#token = undefined;
  }

  /**
   * Run `call` with a token. On a 401 from the provider: drop the token, fetch a new one once, retry once.
   * A second 401 is the provider's answer and is thrown.
   */
  async withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.#tokenForCall();
    try {
      return await call(token);
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'auth' && error.status === 401) {
        if (this.#token?.accessToken === token) {
          this.invalidate();
        }
        return call(await this.#tokenForCall());
      }
      throw error;
    }
  }

  /**
   * A token for `withToken`'s call. When the token endpoint fails, the call itself was never sent: its error
   * says so (`mayHaveReachedProvider: false`), so a payment start whose token failed is declined, not unknown
   * (docs/payment-outcomes.md).
   */
  async #tokenForCall(): Promise<string> {
    try {
      return await this.get();
    } catch (error) {
      if (!(error instanceof ProviderError)) {
        throw error;
      }
      throw new ProviderError({
        provider: error.provider,
        kind: error.kind,
        message: error.message,
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.code === undefined ? {} : { code: error.code }),
        messages: error.messages,
        mayHaveReachedProvider: false,
        cause: error,
      });
    }
  }
}

/** The standard OAuth2 token response (RFC 6749 §5.1), as Keycloak sends it. */
export const OAuthTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().nonnegative(),
  refresh_token: z.string().optional(),
  refresh_expires_in: z.number().nonnegative().optional(),
  token_type: z.string().optional(),
});
export type OAuthTokenResponse = z.infer<typeof OAuthTokenResponseSchema>;

export function tokenFromResponse(body: OAuthTokenResponse, now: number): Token {
  return {
    accessToken: body.access_token,
    expiresAt: now + body.expires_in * 1000,
    ...(body.refresh_token === undefined ? {} : { refreshToken: body.refresh_token }),
    ...(body.refresh_expires_in === undefined || body.refresh_expires_in === 0
      ? {}
      : { refreshExpiresAt: now + body.refresh_expires_in * 1000 }),
  };
}

export interface KeycloakGrantOptions {
  http: HttpClient;
  clock: Clock;
  /** Token endpoint path or absolute URL (on one of the client's allowed origins). */
  tokenPath: string;
  clientId: string;
  /** Read at call time so a secret changed in Settings takes effect without a restart. */
  clientSecret?: () => Promise<string>;
  /** 'body' sends client_id/client_secret as form fields, 'basic' as an Authorization header. */
  clientAuth: 'body' | 'basic';
  grant:
    { type: 'client_credentials' } | { type: 'password'; username: string; password: () => Promise<string> };
}

/** A TokenSource for a Keycloak-style form-encoded token endpoint. */
export function keycloakTokenSource(options: KeycloakGrantOptions): TokenSource {
  const post = async (fields: Record<string, string>): Promise<Token> => {
    const form: Record<string, string> = { ...fields };
    const headers: Record<string, string> = {};
    const secret = options.clientSecret ? await options.clientSecret() : undefined;
    if (options.clientAuth === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${options.clientId}:${secret ?? ''}`).toString('base64')}`;
    } else {
      form.client_id = options.clientId;
      if (secret !== undefined) {
        form.client_secret = secret;
      }
    }
    const { data } = await options.http.request({
      method: 'POST',
      path: options.tokenPath,
      form,
      headers,
      schema: OAuthTokenResponseSchema,
      operation: 'token',
    });
    return tokenFromResponse(data, options.clock.now());
  };
  return {
    obtain: async () =>
      options.grant.type === 'client_credentials'
        ? post({ grant_type: 'client_credentials' })
        : post({
            grant_type: 'password',
            username: options.grant.username,
            password: await options.grant.password(),
          }),
    refresh: async (refreshToken) => post({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  };
}
