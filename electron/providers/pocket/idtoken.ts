/**
 * Verifying a Pocket consumer ID token (mini-app flow, docs/providers.md §2.6): an RS256 JWT from the realm,
 * checked against the realm's JWKS with issuer and audience. When the JWKS cannot be fetched (network,
 * timeout, bad answer) the realm's introspection endpoint decides instead — it is authoritative too, so
 * falling back never weakens the check. A token that fails verification is rejected; there is no fallback for
 * that.
 */
import {
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type FetchImplementation,
  type JWTPayload,
} from 'jose';
import type { Clock } from '../../kernel/clock';
import type { Redactor } from '../../log/redact';
import type { ProviderError } from '../errors';
import { pocketError } from './messages';
import type { Introspection } from './schemas';

export interface ConsumerIdentity {
  subject: string;
  via: 'jwks' | 'introspection';
  claims: JWTPayload | Introspection;
}

export interface ConsumerTokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  clock: Clock;
  redactor: Redactor;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  introspect(token: string): Promise<Introspection>;
}

/** The JWKS could not be read: a reason to ask the introspection endpoint, not to reject the token. */
class JwksUnavailable extends Error {
  override readonly name = 'JwksUnavailable';
}

function jwksUnavailable(error: unknown): boolean {
  return (
    error instanceof JwksUnavailable ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    // jose's generic error for a JWKS body that is not JSON.
    (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC' && /Key Set/.test(error.message))
  );
}

const INVALID = {
  en: 'The Pocket customer token is not valid (expired, forged or for another app).',
  mn: 'Pocket хэрэглэгчийн токен хүчингүй байна (хугацаа дууссан, хуурамч эсвэл өөр аппын токен).',
};

export function createConsumerTokenVerifier(
  options: ConsumerTokenVerifierOptions,
): (token: string) => Promise<ConsumerIdentity> {
  const doFetch = options.fetchImpl ?? fetch;
  const fetchJwks: FetchImplementation = async (url, init) => {
    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw error; // jose turns this into JWKSTimeout
      }
      throw new JwksUnavailable('the realm keys could not be fetched', { cause: error });
    }
    if (response.status !== 200) {
      throw new JwksUnavailable(`the realm keys answered HTTP ${response.status}`);
    }
    return response;
  };
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    timeoutDuration: options.timeoutMs,
    [customFetch]: fetchJwks,
  });

  const rejected = (detail: string): ProviderError =>
    pocketError({
      kind: 'rejected',
      texts: INVALID,
      detail,
      code: 'invalid_consumer_token',
      redactor: options.redactor,
      mayHaveReachedProvider: false,
    });

  const viaIntrospection = async (token: string): Promise<ConsumerIdentity> => {
    const result = await options.introspect(token);
    const audiences = typeof result.aud === 'string' ? [result.aud] : (result.aud ?? []);
    const expired = result.exp !== undefined && result.exp * 1000 <= options.clock.now();
    if (!result.active || expired || result.sub === undefined) {
      throw rejected('introspection: not active');
    }
    if (
      (result.iss !== undefined && result.iss !== options.issuer) ||
      (result.aud !== undefined && !audiences.includes(options.audience))
    ) {
      throw rejected('introspection: issued for another realm or app');
    }
    return { subject: result.sub, via: 'introspection', claims: result };
  };

  return async (token) => {
    options.redactor.addValue(token);
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        currentDate: new Date(options.clock.now()),
      });
      if (payload.sub === undefined) {
        throw rejected('no subject');
      }
      return { subject: payload.sub, via: 'jwks', claims: payload };
    } catch (error) {
      if (jwksUnavailable(error)) {
        return viaIntrospection(token);
      }
      if (error instanceof errors.JOSEError) {
        throw rejected(error.code);
      }
      throw error;
    }
  };
}
