/**
 * Pocket (Invescore) merchant client: client_credentials token (cached, refreshed ahead, one re-auth on 401),
 * v2 POS QR invoices and their status, the mini-app consumer invoice and check, the webhook URL config, the
 * webhook receiver and consumer ID-token verification. Amounts are whole MNT ≥ 500.
 */
import type { z } from 'zod';
import { money, type Money } from '../../../shared/money';
import type { PocketSettings } from '../../../shared/settings/pocket';
import type { ProviderContext } from '../context';
import { DEFAULT_TIMEOUT_MS, HttpClient, type HttpMethod } from '../http';
import { TokenCache, keycloakTokenSource, type TokenSource } from '../oauth';
import { createConsumerTokenVerifier, type ConsumerIdentity } from './idtoken';
import { checkClientId, checkInfo, checkOrderNumber, checkTerminalId, wireAmount } from './input';
import {
  PROVIDER,
  errorFromResponse,
  errorFromTokenEndpoint,
  pocketError,
  withClientTexts,
  type Texts,
} from './messages';
import {
  ConsumerInvoiceResponseSchema,
  GenerateInvoiceResponseSchema,
  IntrospectionSchema,
  InvoiceRecordSchema,
  PgConfigSchema,
  type InvoiceRecord,
} from './schemas';
import { describeState, type PocketOutcome } from './states';
import { parsePocketWebhook, type WebhookResult } from './webhook';

export const POCKET_PATHS = {
  generateInvoice: 'v2/invoicing/generate-invoice',
  byInvoiceId: 'v2/invoicing/invoices/invoice-id',
  byOrderNumber: 'v2/invoicing/invoices/order-number',
  consumerInvoice: 'consumer/invoice',
  check: 'invoice/check/',
  pgConfig: 'pg/config',
} as const;

/** The realm's standard Keycloak OpenID Connect endpoints, relative to the realm URL. */
export const REALM_PATHS = {
  token: '/protocol/openid-connect/token',
  introspect: '/protocol/openid-connect/token/introspect',
  certs: '/protocol/openid-connect/certs',
} as const;

/** The normalised status every caller reads; `state` is Pocket's own word for it. */
export interface PocketStatus {
  status: PocketOutcome;
  state: string;
  invoiceId: string;
  orderNumber?: string;
  amount: Money;
  description?: string;
  messages: Texts;
}

export interface PocketInvoice {
  invoiceId: string;
  orderNumber: string;
  /** Opaque; render as a QR as-is. */
  qr: string;
  deeplink: string;
}

export interface PocketClient {
  readonly provider: 'pocket';
  readonly baseUrl: string;
  /** The merchant token cache (doctor and tests read `fetchCount`). */
  readonly tokens: TokenCache;
  createInvoice(req: { orderNumber: string; amount: Money; info: string }): Promise<PocketInvoice>;
  statusByInvoiceId(invoiceId: string): Promise<PocketStatus>;
  statusByOrderNumber(orderNumber: string): Promise<PocketStatus>;
  createConsumerInvoice(req: {
    amount: Money;
    info: string;
    consumerToken: string;
  }): Promise<{ invoiceId: string; amount: Money; info: string; terminalId: string }>;
  /** GET /invoice/check/{id} (mini-app invoices). */
  checkInvoice(invoiceId: string): Promise<PocketStatus>;
  getFallbackUrl(): Promise<string | null>;
  setFallbackUrl(url: string): Promise<void>;
  verifyConsumerToken(token: string): Promise<ConsumerIdentity>;
  /** Parse a webhook body; the caller must then ask statusByInvoiceId — a webhook never marks a payment paid. */
  receiveWebhook(rawBody: string): WebhookResult;
}

export interface PocketClientOptions {
  /** How long before expiry a token is replaced (default 30 s; tests with ms-lifetimes use 0). */
  refreshAheadMs?: number;
}

export function createPocketClient(
  ctx: ProviderContext,
  settings: PocketSettings,
  options: PocketClientOptions = {},
): PocketClient {
  const realm = settings.ssoUrl.replace(/\/+$/, '');
  const http = new HttpClient({
    provider: PROVIDER,
    baseUrl: settings.baseUrl,
    extraOrigins: [realm],
    logger: ctx.logger,
    redactor: ctx.redactor,
    secretGuard: ctx.secretGuard,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });
  const clientSecret = async (): Promise<string> => {
    const value = await ctx.secret('pocket.clientSecret');
    ctx.redactor.addValue(value);
    return value;
  };
  const grant = keycloakTokenSource({
    http,
    clock: ctx.clock,
    tokenPath: realm + REALM_PATHS.token,
    clientId: settings.clientId,
    clientSecret,
    clientAuth: 'body',
    grant: { type: 'client_credentials' },
  });
  const source: TokenSource = {
    obtain: async () => {
      checkClientId(settings.clientId);
      return grant.obtain().catch((error: unknown) => {
        throw withClientTexts(error, ctx.redactor);
      });
    },
    refresh: async (refreshToken) => {
      if (!grant.refresh) {
        return grant.obtain();
      }
      return grant.refresh(refreshToken);
    },
  };
  const tokens = new TokenCache({
    provider: PROVIDER,
    source,
    clock: ctx.clock,
    redactor: ctx.redactor,
    ...(options.refreshAheadMs === undefined ? {} : { refreshAheadMs: options.refreshAheadMs }),
  });

  function api<S extends z.ZodType>(
    operation: string,
    method: HttpMethod,
    path: string,
    schema: S,
    json?: unknown,
  ): Promise<z.output<S>> {
    return tokens.withToken(async (accessToken) => {
      const { data } = await http.request({
        method,
        path,
        json,
        headers: { authorization: `Bearer ${accessToken}` },
        schema,
        operation,
        onErrorResponse: (status, body) => errorFromResponse(status, body, ctx.redactor),
      });
      return data;
    });
  }

  function toStatus(record: InvoiceRecord): PocketStatus {
    const described = describeState(record.state, record.description);
    return {
      status: described.outcome,
      state: record.state,
      invoiceId: record.id,
      ...(record.orderNumber ? { orderNumber: record.orderNumber } : {}),
      amount: money(record.amount, 'MNT'),
      ...(record.description ? { description: record.description } : {}),
      messages: { mn: described.mn, en: described.en },
    };
  }

  const introspect = async (token: string) => {
    const { data } = await http.request({
      method: 'POST',
      path: realm + REALM_PATHS.introspect,
      form: { client_id: checkClientId(settings.clientId), client_secret: await clientSecret(), token },
      schema: IntrospectionSchema,
      operation: 'token.introspect',
      onErrorResponse: (status, body) => errorFromTokenEndpoint(status, body, ctx.redactor),
    });
    return data;
  };
  const verifier = createConsumerTokenVerifier({
    jwksUrl: realm + REALM_PATHS.certs,
    issuer: realm,
    audience: settings.consumerAudience || settings.clientId,
    clock: ctx.clock,
    redactor: ctx.redactor,
    timeoutMs: ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
    introspect,
  });

  return {
    provider: PROVIDER,
    baseUrl: http.baseUrl,
    tokens,

    async createInvoice(req) {
      const body = {
        terminalId: checkTerminalId(settings.terminalId),
        amount: wireAmount(req.amount),
        info: checkInfo(req.info),
        orderNumber: checkOrderNumber(req.orderNumber),
        invoiceType: settings.invoiceType,
        channel: 'pos',
      };
      const res = await api(
        'invoice.generate',
        'POST',
        POCKET_PATHS.generateInvoice,
        GenerateInvoiceResponseSchema,
        body,
      );
      return { invoiceId: res.id, orderNumber: res.orderNumber, qr: res.qr, deeplink: res.deeplink };
    },

    async statusByInvoiceId(invoiceId) {
      const body = {
        terminalId: checkTerminalId(settings.terminalId),
        invoiceId: /^\d+$/.test(invoiceId) ? Number(invoiceId) : invoiceId,
      };
      return toStatus(
        await api('invoice.status', 'POST', POCKET_PATHS.byInvoiceId, InvoiceRecordSchema, body),
      );
    },

    async statusByOrderNumber(orderNumber) {
      const body = {
        terminalId: checkTerminalId(settings.terminalId),
        orderNumber: checkOrderNumber(orderNumber),
      };
      return toStatus(
        await api('invoice.status-by-order', 'POST', POCKET_PATHS.byOrderNumber, InvoiceRecordSchema, body),
      );
    },

    async createConsumerInvoice(req) {
      ctx.redactor.addValue(req.consumerToken);
      const body = {
        amount: wireAmount(req.amount),
        info: checkInfo(req.info),
        consumerToken: req.consumerToken,
      };
      const res = await api(
        'consumer.invoice',
        'POST',
        POCKET_PATHS.consumerInvoice,
        ConsumerInvoiceResponseSchema,
        body,
      );
      return {
        invoiceId: res.id,
        amount: money(res.amount, 'MNT'),
        info: res.info,
        terminalId: res.terminalId,
      };
    },

    async checkInvoice(invoiceId) {
      const path = POCKET_PATHS.check + encodeURIComponent(invoiceId);
      return toStatus(await api('invoice.check', 'GET', path, InvoiceRecordSchema));
    },

    async getFallbackUrl() {
      return (await api('pg.config.get', 'GET', POCKET_PATHS.pgConfig, PgConfigSchema)).fallBackUrl;
    },

    async setFallbackUrl(url) {
      const res = await api('pg.config.set', 'POST', POCKET_PATHS.pgConfig, PgConfigSchema, {
        fallBackUrl: url,
      });
      if (res.fallBackUrl !== url) {
        throw pocketError({
          kind: 'unexpected',
          texts: { en: 'Pocket did not save the webhook URL.', mn: 'Pocket webhook хаягийг хадгалсангүй.' },
          redactor: ctx.redactor,
        });
      }
    },

    verifyConsumerToken: (token) => verifier(token),

    receiveWebhook: (rawBody) => parsePocketWebhook(rawBody),
  };
}
