import { z } from 'zod';
import { channel } from '../channel';
import { PaymentSchema } from '../domain';

/**
 * The sandbox "customer phone": what a customer would do in their banking app, for trying every path without a
 * bank. Refused with `forbidden` outside the sandbox profile.
 */
const PaymentIdInput = z.strictObject({ paymentId: z.string().min(1).max(64) });

export const sandboxChannels = {
  'sandbox:approvals': channel({
    input: z.strictObject({ qrData: z.string().regex(/^\d{40,1000}$/, 'qrData is 40–1000 digits') }),
    output: z.object({ count: z.number().int().nonnegative(), codes: z.array(z.string()) }),
    summary: 'Sandbox only: how many approveQr calls the Easy Register simulator received for this receipt.',
  }),
  'sandbox:customer-pay': channel({
    input: PaymentIdInput,
    output: PaymentSchema,
    summary: 'Sandbox only: the customer pays the waiting invoice (the simulator marks it paid).',
  }),
  'sandbox:customer-decline': channel({
    input: PaymentIdInput,
    output: PaymentSchema,
    summary: 'Sandbox only: the customer declines the waiting invoice.',
  }),
  'sandbox:customer-expire': channel({
    input: PaymentIdInput,
    output: PaymentSchema,
    summary: 'Sandbox only: the waiting invoice runs out at the bank.',
  }),
} as const;
