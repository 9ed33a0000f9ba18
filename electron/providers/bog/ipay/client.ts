/**
 * BoG iPay (legacy Online Payment API v1) behind the common BogClient interface. Every call but the token
 * call carries `Bearer`; the refund is form-encoded and answers 200 with an empty body; everything else is
 * JSON. Paths are relative to the base (…/opay/api/v1).
 */
import { z } from 'zod';
import type { BogSettings } from '../../../../shared/settings/bog';
import { HOUR } from '../../../kernel/clock';
import type { ProviderContext } from '../../context';
import type { ProviderError } from '../../errors';
import { HttpClient, type HttpRequest } from '../../http';
import { TokenCache } from '../../oauth';
import { PROVIDER, type BogClient, type BogOutcome, type BogStatus } from '../common';
import { checkItems, checkKey, checkOrderId, gel } from '../input';
import { OUTCOME_TEXTS, bogError, httpTexts } from '../messages';
import { checkIpayCallback } from './callback';
import {
  IpayCompletionResponseSchema,
  IpayErrorBodySchema,
  IpayOrderResponseSchema,
  IpayPaymentSchema,
  type IpayPayment,
} from './schemas';
import { IPAY_SAFE_LIFETIME_MS, ipayTokenSource } from './token';

/** An unfinished iPay order is cancelled by the bank one hour after creation (docs/providers.md §4.4). */
export const IPAY_ORDER_TTL_MS = HOUR;

export function ipayOutcome(payment: IpayPayment): BogOutcome {
  switch (payment.status) {
    case 'in_progress':
      return 'pending';
    case 'error':
      return 'declined';
    case 'success':
      if (payment.pre_auth_status === 'in_progress') {
        return 'authorized';
      }
      return payment.pre_auth_status === 'success_unblocked' ? 'cancelled' : 'paid';
  }
}

export function createIpayClient(ctx: ProviderContext, settings: BogSettings): BogClient {
  const http = new HttpClient({
    provider: PROVIDER,
    baseUrl: settings.ipayBaseUrl,
    logger: ctx.logger,
    redactor: ctx.redactor,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });
  const tokens = new TokenCache({
    provider: PROVIDER,
    clock: ctx.clock,
    redactor: ctx.redactor,
    // Held for at most 50 s from arrival and used right up to then: the bank's lifetime may be only 60 s.
    maxLifetimeMs: IPAY_SAFE_LIFETIME_MS,
    refreshAheadMs: 0,
    source: ipayTokenSource({
      http,
      clock: ctx.clock,
      clientId: settings.ipayClientId,
      secretKey: async () => {
        const value = await ctx.secret('bog.ipaySecretKey');
        ctx.redactor.addValue(value);
        return value;
      },
    }),
  });

  const onErrorResponse = (status: number, body: unknown): ProviderError => {
    const info = httpTexts(status);
    const parsed = IpayErrorBodySchema.safeParse(body);
    const detail = parsed.success ? parsed.data.error_message : undefined;
    const code =
      parsed.success && parsed.data.error_code !== undefined ? String(parsed.data.error_code) : info.code;
    return bogError({ ...info, code, status, detail, redactor: ctx.redactor });
  };

  async function call<S extends z.ZodType>(
    req: Omit<HttpRequest<S>, 'headers' | 'onErrorResponse'>,
  ): Promise<z.output<S>> {
    return tokens.withToken(async (token) => {
      const { data } = await http.request({
        ...req,
        headers: { authorization: `Bearer ${token}` },
        onErrorResponse,
      });
      return data;
    });
  }

  async function status(orderId: string): Promise<BogStatus> {
    const payment = await call({
      method: 'GET',
      path: `checkout/payment/${encodeURIComponent(checkOrderId(orderId))}`,
      schema: IpayPaymentSchema,
      operation: 'ipay.payment',
    });
    if (payment.order_id !== orderId) {
      throw bogError({
        kind: 'unexpected',
        code: 'mismatch',
        texts: { en: 'iPay answered about a different order.', ka: 'iPay-მ სხვა შეკვეთაზე უპასუხა.' },
        redactor: ctx.redactor,
      });
    }
    const outcome = ipayOutcome(payment);
    return {
      orderId,
      outcome,
      providerStatus: payment.status_description ?? payment.status,
      ...(payment.shop_order_id ? { shopOrderId: payment.shop_order_id } : {}),
      ...(payment.payment_method ? { paymentMethod: payment.payment_method } : {}),
      ...(payment.pan ? { maskedPan: ctx.redactor.text(payment.pan) } : {}),
      messages: OUTCOME_TEXTS[outcome],
    };
  }

  return {
    provider: PROVIDER,
    api: 'ipay',
    baseUrl: http.baseUrl,

    async createOrder(req) {
      const key = checkKey(req.idempotencyKey);
      const { total } = checkItems(req.items);
      const manual = req.capture === 'manual';
      const order = await call({
        method: 'POST',
        path: 'checkout/orders',
        json: {
          // A pre-auth hold is card-only, which is what AUTHORIZE means on iPay.
          intent: manual ? 'AUTHORIZE' : 'CAPTURE',
          capture_method: manual ? 'MANUAL' : 'AUTOMATIC',
          items: req.items.map((item, i) => ({
            amount: gel(item.unitPrice, `items.${i}.unitPrice`),
            description: item.description,
            quantity: item.quantity,
            product_id: item.productId,
          })),
          locale: settings.locale === 'en' ? 'en-US' : 'ka',
          shop_order_id: key,
          redirect_url: settings.returnUrl,
          show_shop_order_id_on_extract: true,
          purchase_units: [{ amount: { currency_code: 'GEL', value: gel(total) } }],
        },
        schema: IpayOrderResponseSchema,
        operation: 'ipay.order',
      });
      // Pick the link by meaning, never by position (BoG's PHP example indexes links[1]).
      const approve =
        order.links.find((link) => link.rel === 'approve') ??
        order.links.find((link) => link.method === 'REDIRECT');
      if (approve === undefined) {
        throw bogError({
          kind: 'unexpected',
          code: 'no_approve_link',
          texts: {
            en: 'iPay created the order but sent no payment page link.',
            ka: 'iPay-მ შეკვეთა შექმნა, მაგრამ გადახდის ბმული არ გამოგზავნა.',
          },
          redactor: ctx.redactor,
        });
      }
      return {
        orderId: order.order_id,
        approveUrl: approve.href,
        paymentHash: order.payment_hash,
        expiresAt: ctx.clock.now() + IPAY_ORDER_TTL_MS,
      };
    },

    status,

    async refund(orderId, amount) {
      await call({
        method: 'POST',
        path: 'checkout/refund',
        form: {
          order_id: checkOrderId(orderId),
          // Omitted for a full refund; a partial amount must be below the paid amount (the bank checks).
          ...(amount === undefined ? {} : { amount: gel(amount) }),
        },
        schema: z.unknown(),
        emptyBody: true,
        operation: 'ipay.refund',
      });
    },

    async completion(orderId, req) {
      const authType =
        req.type === 'full' ? 'FULL_COMPLETE' : req.type === 'partial' ? 'PARTIAL_COMPLETE' : 'CANCEL';
      const res = await call({
        method: 'POST',
        path: `checkout/payment/${encodeURIComponent(checkOrderId(orderId))}/pre-auth/completion`,
        json: { auth_type: authType, ...(req.type === 'partial' ? { amount: gel(req.amount) } : {}) },
        schema: IpayCompletionResponseSchema,
        operation: 'ipay.preauth',
      });
      if (res.status !== 'success') {
        throw bogError({
          kind: 'rejected',
          code: 'preauth',
          texts: {
            en: 'iPay did not complete the pre-authorisation.',
            ka: 'iPay-მ წინასწარი ავტორიზაცია არ დაასრულა.',
          },
          detail: res.description,
          redactor: ctx.redactor,
        });
      }
    },

    async handleCallback(input, known) {
      const check = checkIpayCallback(input.rawBody, known);
      return check.accepted ? { accepted: true, status: await status(check.orderId) } : check;
    },

    async checkToken() {
      await tokens.get();
    },
  };
}
