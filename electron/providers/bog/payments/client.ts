/**
 * BoG Payments API (iPay's successor) behind the common BogClient interface. Keycloak client-credentials
 * token (Basic client_id:client_secret; `expires_in` in seconds), JSON everywhere, `Idempotency-Key` on order
 * creation so a retried attempt replays BoG's first answer instead of creating a second order.
 */
import type { z } from 'zod';
import { MINUTE } from '../../../kernel/clock';
import { fromMajorString } from '../../../../shared/money';
import type { BogSettings } from '../../../../shared/settings/bog';
import type { ProviderContext } from '../../context';
import type { ProviderError } from '../../errors';
import { HttpClient, type HttpRequest } from '../../http';
import { TokenCache, keycloakTokenSource } from '../../oauth';
import { PROVIDER, type BogClient, type BogOutcome, type BogStatus } from '../common';
import { checkItems, checkKey, checkOrderId, gelNumber, idempotencyUuid } from '../input';
import { OUTCOME_TEXTS, bogError, httpTexts } from '../messages';
import { SIGNATURE_HEADER, checkPaymentsCallback } from './callback';
import {
  ActionResponseSchema,
  PaymentsErrorBodySchema,
  PaymentsOrderResponseSchema,
  ReceiptSchema,
  type OrderStatusKey,
} from './schemas';

/**
 * The order's default `ttl` (docs/providers.md §5.2, [P]); the customer display stops showing the QR then.
 */
export const PAYMENTS_ORDER_TTL_MS = 15 * MINUTE;

const OUTCOMES: Readonly<Record<OrderStatusKey, BogOutcome>> = {
  created: 'pending',
  processing: 'pending',
  auth_requested: 'pending',
  completed: 'paid',
  partial_completed: 'paid',
  // The payment is paid; the refund's own result shows on a later read.
  refund_requested: 'paid',
  rejected: 'declined',
  refunded: 'refunded',
  refunded_partially: 'partially_refunded',
  blocked: 'authorized',
};

/** An unknown status key keeps polling: calling it final could make the cashier charge the customer twice. */
export function paymentsOutcome(key: string): BogOutcome {
  return Object.hasOwn(OUTCOMES, key) ? OUTCOMES[key as OrderStatusKey] : 'pending';
}

/** `refund_amount` (GEL, a number or a decimal string) as tetri; nothing when BoG's answer has none. */
function refundedOf(raw: number | string | null | undefined): { refundedAmount?: number } {
  if (raw === null || raw === undefined) {
    return {};
  }
  const text = typeof raw === 'number' ? raw.toFixed(2) : raw.trim();
  return /^\d+(\.\d{1,2})?$/.test(text) ? { refundedAmount: fromMajorString(text, 'GEL').amount } : {};
}

export function createPaymentsClient(ctx: ProviderContext, settings: BogSettings): BogClient {
  const http = new HttpClient({
    provider: PROVIDER,
    baseUrl: settings.paymentsBaseUrl,
    // Keycloak lives on its own host (oauth2.bog.ge); nothing else is ever contacted.
    extraOrigins: [settings.paymentsTokenUrl],
    logger: ctx.logger,
    redactor: ctx.redactor,
    secretGuard: ctx.secretGuard,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });
  const tokens = new TokenCache({
    provider: PROVIDER,
    clock: ctx.clock,
    redactor: ctx.redactor,
    source: keycloakTokenSource({
      http,
      clock: ctx.clock,
      tokenPath: settings.paymentsTokenUrl,
      clientId: settings.paymentsClientId,
      clientAuth: 'basic',
      grant: { type: 'client_credentials' },
      clientSecret: async () => {
        const value = await ctx.secret('bog.paymentsClientSecret');
        ctx.redactor.addValue(value);
        return value;
      },
    }),
  });

  const onErrorResponse = (status: number, body: unknown): ProviderError => {
    const info = httpTexts(status);
    const parsed = PaymentsErrorBodySchema.safeParse(body);
    const detail = parsed.success
      ? (parsed.data.message ?? parsed.data.error_description ?? parsed.data.error)
      : undefined;
    return bogError({ ...info, status, detail, redactor: ctx.redactor });
  };

  async function call<S extends z.ZodType>(
    req: Omit<HttpRequest<S>, 'onErrorResponse'>,
  ): Promise<z.output<S>> {
    return tokens.withToken(async (token) => {
      const { data } = await http.request({
        ...req,
        headers: { ...req.headers, authorization: `Bearer ${token}` },
        onErrorResponse,
      });
      return data;
    });
  }

  const action = (
    operation: string,
    path: string,
    json?: Record<string, number>,
    idempotencyKey?: string,
  ): Promise<unknown> =>
    call({
      method: 'POST',
      path,
      json: json ?? {},
      schema: ActionResponseSchema,
      operation,
      ...(idempotencyKey === undefined
        ? {}
        : { headers: { 'idempotency-key': idempotencyUuid(checkKey(idempotencyKey)) } }),
    });

  async function status(orderId: string): Promise<BogStatus> {
    const receipt = await call({
      method: 'GET',
      path: `receipt/${encodeURIComponent(checkOrderId(orderId))}`,
      schema: ReceiptSchema,
      operation: 'payments.receipt',
    });
    if (receipt.order_id !== orderId) {
      throw bogError({
        kind: 'unexpected',
        code: 'mismatch',
        texts: { en: 'BoG answered about a different order.', ka: 'ბანკმა სხვა შეკვეთაზე უპასუხა.' },
        redactor: ctx.redactor,
      });
    }
    const outcome = paymentsOutcome(receipt.order_status.key);
    const detail = receipt.payment_detail;
    return {
      orderId,
      outcome,
      providerStatus: receipt.order_status.key,
      ...(receipt.external_order_id ? { shopOrderId: receipt.external_order_id } : {}),
      ...(detail?.transfer_method?.key ? { paymentMethod: detail.transfer_method.key } : {}),
      ...(detail?.payer_identifier ? { maskedPan: ctx.redactor.text(detail.payer_identifier) } : {}),
      ...refundedOf(receipt.purchase_units?.refund_amount),
      messages: OUTCOME_TEXTS[outcome],
    };
  }

  return {
    provider: PROVIDER,
    api: 'payments',
    baseUrl: http.baseUrl,

    async createOrder(req) {
      const key = checkKey(req.idempotencyKey);
      const { total } = checkItems(req.items);
      const order = await call({
        method: 'POST',
        path: 'ecommerce/orders',
        headers: { 'idempotency-key': idempotencyUuid(key), 'accept-language': settings.locale },
        json: {
          callback_url: settings.paymentsCallbackUrl,
          external_order_id: key,
          capture: req.capture ?? 'automatic',
          purchase_units: {
            currency: 'GEL',
            total_amount: gelNumber(total),
            basket: req.items.map((item, i) => ({
              product_id: item.productId,
              description: item.description,
              quantity: item.quantity,
              unit_price: gelNumber(item.unitPrice, `items.${i}.unitPrice`),
            })),
          },
          redirect_urls: { success: settings.returnUrl, fail: settings.returnUrl },
        },
        schema: PaymentsOrderResponseSchema,
        operation: 'payments.order',
      });
      return {
        orderId: order.id,
        approveUrl: order._links.redirect.href,
        expiresAt: ctx.clock.now() + PAYMENTS_ORDER_TTL_MS,
      };
    },

    status,

    async refund(orderId, amount, refundKey) {
      const id = encodeURIComponent(checkOrderId(orderId));
      // The refund's own key as Idempotency-Key (docs/providers.md §5): a retry after a lost answer replays
      // BoG's first answer instead of refunding again.
      await action(
        'payments.refund',
        `payment/refund/${id}`,
        amount ? { amount: gelNumber(amount) } : {},
        refundKey,
      );
    },

    async completion(orderId, req) {
      const id = encodeURIComponent(checkOrderId(orderId));
      if (req.type === 'cancel') {
        await action('payments.preauth.cancel', `payment/authorization/cancel/${id}`);
        return;
      }
      await action(
        'payments.preauth.approve',
        `payment/authorization/approve/${id}`,
        req.type === 'partial' ? { amount: gelNumber(req.amount) } : {},
      );
    },

    async handleCallback(input, known) {
      const check = checkPaymentsCallback(
        { rawBody: input.rawBody, signature: input.headers[SIGNATURE_HEADER] },
        settings.callbackPublicKey,
        known,
      );
      return check.accepted ? { accepted: true, status: await status(check.orderId) } : check;
    },

    async checkToken() {
      await tokens.get();
    },
  };
}
