/** iPay (Online Payment API v1) wire shapes, per docs/providers.md §4. Unknown extra fields are tolerated. */
import { z } from 'zod';

/**
 * `expires_in` is documented as seconds but every observed value is an epoch-milliseconds timestamp, which some
 * deployments set to the issue time (docs/providers.md §4.2). token.ts decides what to trust.
 */
export const IpayTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  app_id: z.string().optional(),
  expires_in: z.number().nonnegative(),
});

export const IpayLinkSchema = z.object({
  href: z.string().min(1),
  rel: z.string(),
  method: z.string().optional(),
});

export const IpayOrderResponseSchema = z.object({
  status: z.string(),
  order_id: z.string().min(1),
  payment_hash: z.string().min(1),
  links: z.array(IpayLinkSchema),
});

export const IPAY_PAYMENT_STATUSES = ['success', 'error', 'in_progress'] as const;

/**
 * laravel-ipay shows every key present with null values; optional + nullable covers both
 * (docs/providers.md §4.4).
 */
const maybe = z.string().nullish();

export const IpayPaymentSchema = z.object({
  status: z.enum(IPAY_PAYMENT_STATUSES),
  order_id: z.string().min(1),
  payment_hash: maybe,
  ipay_payment_id: maybe,
  status_description: maybe,
  shop_order_id: maybe,
  payment_method: maybe,
  card_type: maybe,
  pan: maybe,
  transaction_id: maybe,
  pre_auth_status: z.enum(['in_progress', 'success', 'success_unblocked']).nullish(),
});
export type IpayPayment = z.infer<typeof IpayPaymentSchema>;

export const IpayCompletionResponseSchema = z.object({
  status: z.string(),
  description: z.string().optional(),
});

/** The error body laravel-ipay parses on 4xx (docs/providers.md §4.6, [P]: BoG documents none). */
export const IpayErrorBodySchema = z.object({
  error_code: z.union([z.number(), z.string()]).optional(),
  error_message: z.string().optional(),
});

/** The status-change callback (form-encoded). Only the two identifying fields are trusted, and only to match. */
export const IpayCallbackSchema = z.object({
  order_id: z.string().min(1),
  payment_hash: z.string().min(1),
});
