/**
 * Pocket (Invescore) merchant API wire shapes (docs/providers.md §2). Ids arrive as numbers (v2) or strings
 * (older endpoints); both are normalised to strings, which is what the till stores as the provider reference.
 */
import { z } from 'zod';

export const IdSchema = z.union([z.number().int().nonnegative(), z.string().min(1)]).transform(String);

/** MNT amounts come as numbers (560) or decimal strings ("560.00"); only whole tögrög are valid. */
export const AmountSchema = z
  .union([z.number(), z.string().regex(/^\d+(\.0+)?$/)])
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n) && n >= 0, 'must be a whole MNT amount');

export const MIN_AMOUNT_MNT = 500;
export const INFO_MAX_LENGTH = 100;
/** A public client limits orderNumber to 24 characters (docs/providers.md §2.3); our idempotency keys fit. */
export const ORDER_NUMBER_MAX_LENGTH = 24;

export const GenerateInvoiceRequestSchema = z.strictObject({
  terminalId: z.number().int().positive(),
  amount: z.number().int().min(MIN_AMOUNT_MNT),
  info: z.string().min(1).max(INFO_MAX_LENGTH),
  orderNumber: z.string().min(1).max(ORDER_NUMBER_MAX_LENGTH),
  invoiceType: z.enum(['ZERO', 'PURCHASE', 'LEASING']),
  channel: z.enum(['pos', 'ecommerce']),
});

export const GenerateInvoiceResponseSchema = z.object({
  id: IdSchema,
  qr: z.string().min(1),
  orderNumber: z.string(),
  deeplink: z.string().min(1),
});

/** invoices/invoice-id, invoices/order-number and invoice/check/{id}. */
export const InvoiceRecordSchema = z.object({
  id: IdSchema,
  state: z.string().min(1),
  amount: AmountSchema,
  description: z.string().nullish(),
  info: z.string().nullish(),
  orderNumber: z.string().nullish(),
  terminalId: IdSchema.nullish(),
  invoiceType: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type InvoiceRecord = z.infer<typeof InvoiceRecordSchema>;

export const ConsumerInvoiceResponseSchema = z.object({
  id: IdSchema,
  info: z.string(),
  amount: AmountSchema,
  terminalId: IdSchema,
});

export const PgConfigSchema = z.object({ fallBackUrl: z.string().nullable() });

/** Non-200 answers: the merchant API sends `{message}`; Keycloak sends `{error, error_description}`. */
export const ErrorBodySchema = z.object({
  message: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** RFC 7662 introspection as Keycloak answers it. */
export const IntrospectionSchema = z.object({
  active: z.boolean(),
  sub: z.string().optional(),
  exp: z.number().optional(),
  iss: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  client_id: z.string().optional(),
});
export type Introspection = z.infer<typeof IntrospectionSchema>;

/** Webhook body (docs/providers.md §2.5); invoiceState is a state name or a 10–70 code (sources disagree). */
export const WebhookSchema = z.object({
  id: IdSchema.optional(),
  amount: z.union([z.string(), z.number()]).optional(),
  info: z.string().optional(),
  invoiceId: IdSchema,
  invoiceState: z.union([z.string().min(1), z.number().int()]),
  phoneNumber: z.string().optional(),
  orderNumber: z.string().optional(),
});
