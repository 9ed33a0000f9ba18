import { z } from 'zod';
import { channel } from '../channel';
import { PaymentMethodSchema, PaymentSchema } from '../domain';
import { SymbologySchema } from './devices';
import { TypedCodeSchema } from './scan';

/**
 * The sandbox "customer phone": what a customer would do in their banking app, for trying every path without a
 * bank; and the sandbox HID scanner, a virtual HID POS device that scans what it is given. Refused with
 * `forbidden` outside the sandbox profile.
 */
const PaymentIdInput = z.strictObject({ paymentId: z.string().min(1).max(64) });

export const sandboxChannels = {
  'sandbox:approvals': channel({
    input: z.strictObject({ qrData: z.string().regex(/^\d{40,1000}$/, 'qrData is 40–1000 digits') }),
    output: z.object({ count: z.number().int().nonnegative(), codes: z.array(z.string()) }),
    summary: 'Sandbox only: how many approveQr calls the Easy Register simulator received for this receipt.',
  }),
  'sandbox:card-sms': channel({
    input: z.strictObject({ attachId: z.uuid() }),
    output: z.object({ code: z.string().regex(/^\d{4,8}$/) }),
    summary:
      'Sandbox only: the SMS code the simulated bank texted the customer for this card attach (what their phone shows).',
  }),
  'sandbox:invoices-created': channel({
    input: z.strictObject({ method: PaymentMethodSchema }),
    output: z.object({ count: z.number().int().nonnegative() }),
    summary:
      'Sandbox only: how many invoices the simulated bank of this method has been asked to create (a charge is one).',
  }),
  'sandbox:posapi-receipt': channel({
    input: z.strictObject({ receiptId: z.string().regex(/^\d{1,64}$/, 'a PosAPI receipt id is digits') }),
    output: z.object({
      type: z.string(),
      /** What PosAPI received as the B2B buyer: the 11/14-digit TIN, never a 7-digit register number. */
      customerTin: z.string().nullable(),
      consumerNo: z.string().nullable(),
    }),
    summary: 'Sandbox only: what the PosAPI simulator received for this receipt (type and buyer fields).',
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
  'sandbox:scan': channel({
    input: z.strictObject({ text: TypedCodeSchema, symbology: SymbologySchema.optional() }),
    output: z.object({
      /** False when the sandbox scanner is not selected in Settings → Devices (nothing reads it). */
      delivered: z.boolean(),
      /** How many 64-byte HID POS reports carried the scan. */
      reports: z.number().int().nonnegative(),
      /** The sandbox scanner's device key, for devices:select. */
      deviceId: z.string(),
    }),
    summary:
      'Sandbox only: the virtual HID POS scanner scans this text (as input reports through the device manager).',
  }),
} as const;
