/**
 * SocialPay Instore wire shapes (docs/providers.md §3). Every request field is a string; the response is the
 * `{ header, body }` envelope. Where public sources conflict the schema accepts both forms (cancel response).
 */
import { z } from 'zod';

/** Requests whose checksum is HMAC(terminal + invoice + amount): qr, qr/deeplink, check, invoice/cancel, payment/cancel. */
export const InvoiceRequestSchema = z.strictObject({
  amount: z.string(),
  checksum: z.string(),
  invoice: z.string(),
  terminal: z.string(),
});
export type InvoiceRequest = z.infer<typeof InvoiceRequestSchema>;

/** Phone invoice: checksum over terminal + invoice + amount + phone. */
export const PhoneInvoiceRequestSchema = InvoiceRequestSchema.extend({ phone: z.string() });
export type PhoneInvoiceRequest = z.infer<typeof PhoneInvoiceRequestSchema>;

/** Settlement: checksum over terminal + settlementId. */
export const SettlementRequestSchema = z.strictObject({
  settlementId: z.string(),
  terminal: z.string(),
  checksum: z.string(),
});
export type SettlementRequest = z.infer<typeof SettlementRequestSchema>;

export const HeaderSchema = z.object({ code: z.number().int(), status: z.string() });

export const ErrorBodySchema = z.object({
  errorDesc: z.string(),
  errorType: z.string().optional(),
});

/** The envelope of an error answer (documented shape; the full code/errorType list is not public). */
export const ErrorEnvelopeSchema = z.object({
  header: HeaderSchema,
  body: z.object({ error: ErrorBodySchema }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

export interface Envelope<T> {
  header: z.infer<typeof HeaderSchema>;
  body: { response: T } | { error: z.infer<typeof ErrorBodySchema> };
}

/** A success envelope around `response`, or an error envelope (header.code ≠ 200) sent with HTTP 200. */
export function envelope<T extends z.ZodType>(response: T): z.ZodType<Envelope<z.output<T>>> {
  // The explicit return type keeps the union narrowable by `in` where T is still generic.
  return z.object({
    header: HeaderSchema,
    body: z.union([z.object({ response }), z.object({ error: ErrorBodySchema })]),
  }) as unknown as z.ZodType<Envelope<z.output<T>>>;
}

/** qr, qr/deeplink and phone: `desc` is the QR payload (or "success" text for phone), `status` SUCCESS|FAILED. */
export const DescStatusSchema = z.object({ desc: z.string(), status: z.string() });
export type DescStatus = z.infer<typeof DescStatusSchema>;

/** check and payment/cancel (refund): a card-transaction record; resp_code "00" = approved. */
export const TransactionSchema = z.object({
  approval_code: z.string().optional(),
  amount: z.string(),
  card_number: z.string().optional(),
  resp_code: z.string(),
  resp_desc: z.string(),
  terminal: z.string(),
  invoice: z.string(),
  checksum: z.string().optional(),
});
export type Transaction = z.infer<typeof TransactionSchema>;

/**
 * invoice/cancel: one Go client reads `{desc,status}`, the newest erxes reads `resp_code`; accept either
 * (docs/providers.md §3.5).
 */
export const CancelResponseSchema = z
  .object({
    desc: z.string().optional(),
    status: z.string().optional(),
    resp_code: z.string().optional(),
    resp_desc: z.string().optional(),
  })
  .refine((r) => r.status !== undefined || r.resp_code !== undefined, 'needs status or resp_code');
export type CancelResponse = z.infer<typeof CancelResponseSchema>;

export const SettlementResponseSchema = z.object({
  amount: z.number(),
  count: z.number().int(),
  status: z.string(),
});
export type SettlementResponse = z.infer<typeof SettlementResponseSchema>;

/** Push notification body as erxes handles it (docs/providers.md §3.6, [M]). */
export const PushBodySchema = z.object({
  resp_code: z.string(),
  resp_desc: z.string().optional(),
  amount: z.union([z.string(), z.number()]),
  checksum: z.string(),
  invoice: z.string(),
  terminal: z.string(),
});

/** Limits the client checks before sending (docs/providers.md §3.3). */
export const INVOICE_MAX_LENGTH = 32;
export const TERMINAL_PATTERN = /^\d{8}$/;
/** Mongolian mobile numbers are 8 digits. */
export const PHONE_PATTERN = /^\d{8}$/;
export const SETTLEMENT_ID_MAX_LENGTH = 32;
