/**
 * The one place that speaks the BaaS envelope: `{ id: uuid, params }` out, `{ id, result, error }` back, with
 * the bearer token, one re-auth on 401, and every error — in a 200 or a 4xx/5xx answer — turned into a
 * BaasError. Whether the bank sends business errors with HTTP 200 or 4xx is not documented; both work.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Redactor } from '../../log/redact';
import { ProviderError } from '../errors';
import type { HttpClient } from '../http';
import type { TokenCache } from '../oauth';
import { BaasError, PROVIDER } from './errors';
import { AUTH_TEXTS } from './messages';
import { BaasEnvelopeSchema } from './schemas';

/** `error="invalid_token", error_description="The access token expired"` from a Bearer challenge. */
function bearerChallenge(header: string | null): { error?: string; description?: string } {
  const error = /error="([^"]*)"/.exec(header ?? '')?.[1];
  const description = /error_description="([^"]*)"/.exec(header ?? '')?.[1];
  return { ...(error === undefined ? {} : { error }), ...(description === undefined ? {} : { description }) };
}

export function baasErrorResponse(redactor: Redactor) {
  return (status: number, body: unknown, headers: Headers): ProviderError | undefined => {
    const parsed = BaasEnvelopeSchema.safeParse(body);
    if (parsed.success && parsed.data.error) {
      return new BaasError({
        baasCode: parsed.data.error.code,
        bankMessage: parsed.data.error.message,
        status,
        redactor,
      });
    }
    if (status === 401) {
      // Any 401 re-authenticates once (TokenCache.withToken): the bank says its header "does not always"
      // carry the reason, so an absent `invalid_token` is no proof the token was fine.
      const challenge = bearerChallenge(headers.get('www-authenticate'));
      const why = challenge.description ?? challenge.error;
      return new ProviderError({
        provider: PROVIDER,
        kind: 'auth',
        status,
        code: challenge.error ?? 'unauthorized',
        message: `${AUTH_TEXTS.en}${why === undefined ? '' : ` (${redactor.text(why)})`}`,
        messages: AUTH_TEXTS,
      });
    }
    return undefined;
  };
}

export interface BaasCall<S extends z.ZodType> {
  path: string;
  params: Record<string, unknown>;
  result: S;
  operation: string;
  /** The envelope id: the caller's idempotency key when it has one, else a fresh UUID. */
  requestId?: string;
}

export async function baasCall<S extends z.ZodType>(
  deps: { http: HttpClient; tokens: TokenCache; redactor: Redactor },
  call: BaasCall<S>,
): Promise<z.output<S>> {
  const id = call.requestId ?? randomUUID();
  const onErrorResponse = baasErrorResponse(deps.redactor);
  const { data } = await deps.tokens.withToken((token) =>
    deps.http.request({
      method: 'POST',
      path: call.path,
      json: { id, params: call.params },
      headers: { authorization: `Bearer ${token}` },
      schema: BaasEnvelopeSchema,
      operation: call.operation,
      onErrorResponse,
    }),
  );
  if (data.error) {
    throw new BaasError({
      baasCode: data.error.code,
      bankMessage: data.error.message,
      status: 200,
      redactor: deps.redactor,
    });
  }
  const result = call.result.safeParse(data.result);
  if (!result.success) {
    const where = result.error.issues
      .slice(0, 3)
      .map((i) => `result.${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new ProviderError({
      provider: PROVIDER,
      kind: 'unexpected',
      status: 200,
      message: `${PROVIDER}: ${call.operation} answered in an unexpected shape (${where})`,
    });
  }
  return result.data;
}
