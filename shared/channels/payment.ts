import { z } from 'zod';
import { channel, event, MANAGER_ONLY } from '../channel';
import { EntityIdSchema, PaymentMethodSchema, PaymentSchema, SaleIdSchema } from '../domain';
import { AmountInputSchema } from '../money';
import { freeText } from '../text';

export const PaymentCapabilitiesSchema = z.object({
  qr: z.boolean(),
  deeplink: z.boolean(),
  phoneInvoice: z.boolean(),
  refund: z.boolean(),
  partialRefund: z.boolean(),
  cancel: z.boolean(),
  settle: z.boolean(),
  smsStep: z.boolean(),
});

/** One payment button on the Payment screen. */
export const PaymentMethodInfoSchema = z.object({
  method: PaymentMethodSchema,
  label: z.string(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  /** False when the provider is not configured; `reason` says what is missing. */
  available: z.boolean(),
  reason: z.string().optional(),
  /** The method needs the customer's phone number (SocialPay invoice to phone). */
  needsPhone: z.boolean(),
  capabilities: PaymentCapabilitiesSchema,
});
export type PaymentMethodInfo = z.infer<typeof PaymentMethodInfoSchema>;

const PositiveAmount = AmountInputSchema.min(1, 'the amount must be more than zero');
const PaymentIdInput = z.strictObject({ paymentId: EntityIdSchema });

export const paymentChannels = {
  'payment:methods': channel({
    input: z.strictObject({}),
    output: z.array(PaymentMethodInfoSchema),
    summary: "The payment methods of this store's country, with availability and capabilities.",
  }),
  'payment:start': channel({
    input: z.strictObject({
      saleId: SaleIdSchema,
      method: PaymentMethodSchema,
      /** Minor units; default = what is still due. Split payments start several with smaller amounts. */
      amount: PositiveAmount.optional(),
      /** Cash only: what the customer handed over (minor units); the change is computed. */
      tendered: PositiveAmount.optional(),
      phone: z
        .string()
        .regex(/^\+?\d{8,15}$/, 'a phone number is 8–15 digits, optionally with a leading +')
        .optional(),
    }),
    output: PaymentSchema,
    summary: 'Start a payment for (part of) a sale; journaled before the provider is asked.',
  }),
  'payment:cancel': channel({
    input: PaymentIdInput,
    output: PaymentSchema,
    summary: 'Withdraw a payment that is not paid yet (cancels the invoice at the provider).',
  }),
  'payment:retry': channel({
    input: PaymentIdInput,
    output: PaymentSchema,
    summary:
      'After a decline, cancel or expiry: a new attempt (new idempotency key) with the same method and amount.',
  }),
  'payment:check': channel({
    input: PaymentIdInput,
    output: PaymentSchema,
    summary: 'Ask the provider for the status now (the "check" button; webhooks do the same).',
  }),
  'payment:refund': channel({
    input: z.strictObject({
      paymentId: EntityIdSchema,
      /** Minor units; default = everything not refunded yet. */
      amount: PositiveAmount.optional(),
    }),
    output: PaymentSchema,
    summary: 'Refund a paid payment, fully or partly.',
    roles: MANAGER_ONLY,
  }),
  'payment:resolve': channel({
    input: z
      .strictObject({
        paymentId: EntityIdSchema,
        outcome: z.enum(['paid', 'failed']),
        /** Paid: the approval code the bank's merchant portal shows for this payment. */
        approvalCode: freeText({ min: 1, max: 64 }).optional(),
        /** Why, in the manager's words (journaled with who). */
        reason: freeText({ min: 1, max: 200, minMessage: 'say why' }),
      })
      .refine((input) => input.outcome === 'failed' || input.approvalCode !== undefined, {
        path: ['approvalCode'],
        message: "paid needs the approval code from the bank's portal",
      }),
    output: PaymentSchema,
    summary:
      "A manager settles a payment that cannot settle by itself (unknown, stuck): paid with the bank portal's approval code, or failed; with a reason. Journaled with who and why.",
    roles: MANAGER_ONLY,
  }),
  'payment:submit-code': channel({
    input: z.strictObject({
      paymentId: EntityIdSchema,
      code: z.string().regex(/^\d{4,8}$/, 'the SMS code is 4–8 digits'),
    }),
    output: PaymentSchema,
    summary: 'The code the customer received by SMS (providers with an SMS step, e.g. BaaS).',
  }),
  'payment:list': channel({
    input: z.strictObject({ saleId: SaleIdSchema }),
    output: z.array(PaymentSchema),
    summary: 'Every payment attempt of a sale, oldest first.',
  }),
} as const;

export const paymentEvents = {
  /** The whole payment after every journaled transition. */
  'payment:updated': event(PaymentSchema, ['cashier']),
} as const;
