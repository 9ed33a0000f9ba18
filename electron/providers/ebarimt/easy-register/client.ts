/**
 * Easy Register (ITC "Хялбар бүртгэл") client: buyer lookup and direct receipt approval.
 *   token              Keycloak password grant, client_id=vatps (TokenCache: early refresh, one retry on 401)
 *   lookupByRegNo      GET  api/info/consumer/{regNo}   → ConsumerLookupResult (404 = not found, a value)
 *   getProfile         POST rest/v1/getProfile          → ProfileResult (email masked)
 *   approveQr          POST rest/v1/approveQr           → ApproveQrResult (every documented code, never thrown)
 * Transport and auth failures are ProviderError. approveQr is never retried except the one re-auth retry
 * after a 401: a 401 means the request was refused, so repeating it cannot approve twice.
 */
import { KassaError } from '../../../kernel/errors';
import type { EbarimtSettings } from '../../../../shared/settings/ebarimt';
import type { ProviderContext } from '../../context';
import { ProviderError } from '../../errors';
import { HttpClient } from '../../http';
import { keycloakTokenSource, TokenCache, type TokenSource } from '../../oauth';
import {
  CITIZEN_NOT_FOUND_TEXT,
  CODE_TEXT,
  CREDENTIALS_REFUSED_TEXT,
  FORBIDDEN_TEXT,
  maskEmail,
} from './messages';
import {
  classifyAnswer,
  EASY_REGISTER_PROVIDER,
  invalidTokenError,
  type ApproveQrResult,
  type ConsumerLookupResult,
  type ProfileResult,
  type ProviderAnswer,
} from './results';
import type { z } from 'zod';
import {
  ApproveQrResponseSchema,
  ConsumerInfoSchema,
  ProfileResponseSchema,
  type EnvelopeSchema,
} from './schemas';

export const EASY_REGISTER_CLIENT_ID = 'vatps';

export interface EasyRegisterClient {
  lookupByRegNo(regNo: string): Promise<ConsumerLookupResult>;
  getProfile(query: { phoneNum: string } | { customerNo: string }): Promise<ProfileResult>;
  /** qrData comes from PrintableReceipt (memory only); it is never logged here. */
  approveQr(input: { customerNo: string; qrData: string }): Promise<ApproveQrResult>;
  /** Obtain (or reuse) an access token: what `kassa doctor` checks. */
  checkToken(): Promise<void>;
  /** How many tokens were requested from ITC (tests and doctor read it). */
  readonly tokenFetches: number;
}

/** Auth failures get cashier texts; a 403 means the account lacks the Easy Register role. */
function withAuthTexts(error: unknown, fromTokenEndpoint: boolean): unknown {
  if (!(error instanceof ProviderError) || error.kind !== 'auth' || error.code !== undefined) {
    return error;
  }
  const forbidden = error.status === 403;
  const text = forbidden
    ? FORBIDDEN_TEXT
    : fromTokenEndpoint
      ? CREDENTIALS_REFUSED_TEXT
      : CODE_TEXT.invalidToken;
  return new ProviderError({
    provider: EASY_REGISTER_PROVIDER,
    kind: 'auth',
    ...(error.status === undefined ? {} : { status: error.status }),
    code: forbidden ? 'forbidden' : fromTokenEndpoint ? 'invalid_grant' : 'invalidToken',
    message: text.en,
    messages: text,
    cause: error,
  });
}

export function createEasyRegisterClient(
  ctx: ProviderContext,
  settings: EbarimtSettings,
): EasyRegisterClient {
  const logger = ctx.logger.child({ component: 'ebarimt.easy-register' });
  const http = new HttpClient({
    provider: EASY_REGISTER_PROVIDER,
    baseUrl: settings.easyRegisterUrl,
    extraOrigins: [settings.tokenUrl],
    logger: ctx.logger,
    redactor: ctx.redactor,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });
  const grant = keycloakTokenSource({
    http,
    clock: ctx.clock,
    tokenPath: settings.tokenUrl,
    clientId: EASY_REGISTER_CLIENT_ID,
    clientAuth: 'body',
    grant: {
      type: 'password',
      username: settings.username,
      password: async () => {
        const password = await ctx.secret('ebarimt.password');
        // Registered before use, so no log line or error text can carry it even if a layer echoes it.
        ctx.redactor.addValue(password);
        return password;
      },
    },
  });
  const source: TokenSource = {
    obtain: async () => {
      if (settings.username === '') {
        throw new KassaError('validation', 'eBarimt username is not set (Settings → eBarimt)');
      }
      return grant.obtain().catch((error: unknown) => {
        throw withAuthTexts(error, true);
      });
    },
    // keycloakTokenSource always supports refresh_token; TokenCache falls back to obtain() if it is refused.
    refresh: (refreshToken) => (grant.refresh ? grant.refresh(refreshToken) : grant.obtain()),
  };
  // ITC's token lifetime is undocumented: refresh a minute early (docs/providers.md §1.1).
  const tokens = new TokenCache({
    provider: EASY_REGISTER_PROVIDER,
    source,
    clock: ctx.clock,
    redactor: ctx.redactor,
    refreshAheadMs: 60_000,
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** Business answers come in the JSON envelope; 401/403/404 and 5xx stay HTTP-level errors. */
  const envelopeStatus = (status: number) => status < 500 && ![401, 403, 404].includes(status);

  const call = async <T>(run: (token: string) => Promise<T>): Promise<T> => {
    try {
      return await tokens.withToken(run);
    } catch (error) {
      throw withAuthTexts(error, false);
    }
  };

  const answerOf = (data: {
    code: string;
    status: number;
    msg?: string | null | undefined;
  }): ProviderAnswer => ({
    code: data.code,
    status: data.status,
    msg: data.msg ?? null,
  });

  /** POST a JSON body and read the `{status, code, msg}` envelope. */
  const postEnvelope = <S extends typeof EnvelopeSchema>(
    path: string,
    json: unknown,
    schema: S,
    operation: string,
  ): Promise<z.output<S>> =>
    call(async (token) => {
      const { data } = await http.request({
        method: 'POST',
        path,
        headers: bearer(token),
        json,
        schema,
        okStatus: envelopeStatus,
        operation,
      });
      // invalidToken inside a 2xx envelope must reach withToken as a 401 too, so it re-authenticates once.
      if (data.code === 'invalidToken' || data.status === 401) {
        throw invalidTokenError(answerOf(data));
      }
      return data;
    });

  return {
    get tokenFetches() {
      return tokens.fetchCount;
    },

    async checkToken() {
      await tokens.get();
    },

    async lookupByRegNo(regNo) {
      const normalised = regNo.trim().toLocaleUpperCase('mn').replace(/\s+/g, '');
      try {
        const { data } = await call((token) =>
          http.request({
            method: 'GET',
            path: `api/info/consumer/${encodeURIComponent(normalised)}`,
            headers: bearer(token),
            schema: ConsumerInfoSchema,
            // The path carries the register number: log the operation name only.
            operation: 'easy-register.consumer',
          }),
        );
        return {
          found: true,
          citizen: {
            regNo: data.regNo,
            customerNo: data.loginName,
            givenName: data.givenName,
            familyName: data.familyName,
          },
        };
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'rejected' && error.status === 404) {
          return { found: false, message: CITIZEN_NOT_FOUND_TEXT };
        }
        throw error;
      }
    },

    async getProfile(query) {
      const data = await postEnvelope(
        'rest/v1/getProfile',
        query,
        ProfileResponseSchema,
        'easy-register.getProfile',
      );
      const answer = answerOf(data);
      const classified = classifyAnswer(answer);
      const customerNo = data.loginName ?? '';
      const usable = /^\d{8}$/.test(customerNo);
      if ((classified.kind === 'success' || classified.kind === 'emailNotFound') && usable) {
        const email = data.email ?? '';
        return {
          outcome: 'found',
          customerNo,
          emailMasked: email === '' ? null : maskEmail(email),
          message: classified.message,
          answer: { ...answer, msg: answer.msg === null ? null : maskEmailsIn(answer.msg) },
        };
      }
      if (classified.kind === 'success') {
        // "success" without a usable loginName: the documented field is missing or malformed.
        throw new ProviderError({
          provider: EASY_REGISTER_PROVIDER,
          kind: 'unexpected',
          message: 'Easy Register getProfile answered success without an 8-digit loginName',
        });
      }
      return { outcome: classified.kind, message: classified.message, answer };
    },

    async approveQr(input) {
      const data = await postEnvelope(
        'rest/v1/approveQr',
        { customerNo: input.customerNo, qrData: input.qrData },
        ApproveQrResponseSchema,
        'easy-register.approveQr',
      );
      const answer = answerOf(data);
      const classified = classifyAnswer(answer);
      logger.info({ op: 'easy-register.approveQr', outcome: classified.kind }, 'approveQr answered');
      return classified.kind === 'success'
        ? { outcome: 'approved', ok: true, message: classified.message, answer }
        : { outcome: classified.kind, ok: false, message: classified.message, answer };
    },
  };
}

/** The provider's free text may echo the email; mask it like the field. */
function maskEmailsIn(text: string): string {
  return text.replace(/[^\s@]+@[^\s@]+/g, (email) => maskEmail(email));
}
