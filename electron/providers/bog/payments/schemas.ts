/**
 * BoG Payments API ("payment manager") wire shapes, per docs/providers.md §5. Unknown extra fields are
 * tolerated.
 */
import { z } from 'zod';

export const PaymentsOrderResponseSchema = z.object({
  id: z.string().min(1),
  _links: z.object({
    details: z.object({ href: z.string() }).optional(),
    redirect: z.object({ href: z.string().min(1) }),
  }),
});

export const ORDER_STATUS_KEYS = [
  'created',
  'processing',
  'completed',
  'rejected',
  'refund_requested',
  'refunded',
  'refunded_partially',
  'auth_requested',
  'blocked',
  'partial_completed',
] as const;
export type OrderStatusKey = (typeof ORDER_STATUS_KEYS)[number];

/** Amounts are decimal major units; the sources show both numbers and strings. */
const Amount = z.union([z.number(), z.string()]);

export const ReceiptSchema = z.object({
  order_id: z.string().min(1),
  external_order_id: z.string().nullish(),
  capture: z.string().nullish(),
  zoned_expire_date: z.string().nullish(),
  /** An unknown key keeps polling rather than failing the payment; see payments/client.ts. */
  order_status: z.object({ key: z.string().min(1), value: z.string().nullish() }),
  purchase_units: z
    .object({
      request_amount: Amount.nullish(),
      transfer_amount: Amount.nullish(),
      refund_amount: Amount.nullish(),
      currency_code: z.string().nullish(),
    })
    .nullish(),
  payment_detail: z
    .object({
      transfer_method: z.object({ key: z.string() }).nullish(),
      payer_identifier: z.string().nullish(),
      code: z.string().nullish(),
      code_description: z.string().nullish(),
    })
    .nullish(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** Refund / approve / cancel acknowledgement: the action is queued, the receipt shows its result. */
export const ActionResponseSchema = z.object({
  key: z.string(),
  message: z.string().optional(),
  action_id: z.string().optional(),
});

/** No JSON error schema is documented; these are the fields clients have seen. */
export const PaymentsErrorBodySchema = z.object({
  message: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const PaymentsCallbackSchema = z.object({
  event: z.string(),
  zoned_request_time: z.string().optional(),
  body: z.object({ order_id: z.string().min(1) }).loose(),
});
