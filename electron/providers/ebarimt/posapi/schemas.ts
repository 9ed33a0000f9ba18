/**
 * PosAPI 3.0 wire shapes (ITC's API guide and manual; docs/providers.md §1.4–1.6).
 * Request schemas are what the simulator enforces; response schemas are what the client requires.
 * Response objects are not strict: PosAPI echoes the whole request back and adds fields between versions.
 */
import { z } from 'zod';
import { TAX_TYPES } from './taxes';

export const RECEIPT_TYPES = ['B2C_RECEIPT', 'B2B_RECEIPT', 'B2C_INVOICE', 'B2B_INVOICE'] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

const amount = z.number();
const digits = (n: string) => new RegExp(`^\\d{${n}}$`);

export const WireItemSchema = z.object({
  name: z.string().min(1),
  barCode: z.string().nullable().optional(),
  barCodeType: z.enum(['UNDEFINED', 'GS1', 'ISBN']),
  classificationCode: z.string().regex(digits('7')),
  taxProductCode: z.string().regex(digits('3')).nullable().optional(),
  measureUnit: z.string().min(1),
  qty: z.number().positive(),
  unitPrice: amount,
  totalBonus: amount.nullable().optional(),
  totalVAT: amount,
  totalCityTax: amount,
  totalAmount: amount,
  data: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type WireItem = z.infer<typeof WireItemSchema>;

/**
 * PosAPI 3.0 `customerTin`: the buyer's 11-digit (organisation) or 14-digit TIN. A company's 7-digit state
 * register number is not a TIN: the till converts it first (taxpayer-info/client.ts).
 */
const CUSTOMER_TIN = /^(\d{11}|\d{14})$/;

export const WireSubReceiptSchema = z.object({
  totalAmount: amount,
  totalVAT: amount,
  totalCityTax: amount,
  taxType: z.enum(TAX_TYPES),
  merchantTin: z.string().regex(digits('7,14')),
  customerTin: z.string().regex(CUSTOMER_TIN).nullable().optional(),
  bankAccountNo: z.string().nullable().optional(),
  iBan: z.string().nullable().optional(),
  invoiceId: z.string().nullable().optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  items: z.array(WireItemSchema).min(1),
});

export const WirePaymentSchema = z.object({
  code: z.enum(['CASH', 'PAYMENT_CARD']),
  exchangeCode: z.string().nullable().optional(),
  status: z.enum(['PAID', 'PAY', 'REVERSED', 'ERROR']),
  paidAmount: amount,
  data: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const WireReceiptRequestSchema = z.object({
  branchNo: z.string().regex(digits('3')),
  totalAmount: amount,
  totalVAT: amount.nullable(),
  totalCityTax: amount.nullable(),
  districtCode: z.string().regex(digits('4')),
  merchantTin: z.string().regex(digits('7,14')),
  posNo: z.string(),
  customerTin: z.string().regex(CUSTOMER_TIN).nullable().optional(),
  consumerNo: z.string().regex(digits('8')).nullable().optional(),
  type: z.enum(RECEIPT_TYPES),
  inactiveId: z.string().nullable().optional(),
  invoiceId: z.string().nullable().optional(),
  reportMonth: z.string().nullable().optional(),
  billIdSuffix: z.string().min(1).max(30),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  receipts: z.array(WireSubReceiptSchema).min(1),
  payments: z.array(WirePaymentSchema),
});
export type WireReceiptRequest = z.infer<typeof WireReceiptRequestSchema>;

/** `status`: SUCCESS created; ERROR failed (read message); PAYMENT payment information incomplete. */
export const ReceiptStatusSchema = z.enum(['SUCCESS', 'ERROR', 'PAYMENT']);

/** A failed receipt carries no id/qrData, so only status and message are required at first. */
export const ReceiptOutcomeSchema = z.object({
  status: ReceiptStatusSchema,
  message: z.string().nullable().optional(),
});

export const ReceiptSuccessSchema = z.object({
  id: z.string().regex(/^\d{33}$/),
  posId: z.union([z.string(), z.number()]).nullable().optional(),
  status: z.literal('SUCCESS'),
  message: z.string().nullable().optional(),
  /** Digits only. MEMORY ONLY: printed, never stored or logged (ITC rule). */
  qrData: z.string().regex(/^\d+$/),
  /** '' for B2B and non-VAT payers. MEMORY ONLY, like qrData. */
  lottery: z.string(),
  date: z.string(),
  easy: z.boolean().nullable().optional(),
  receipts: z
    .array(
      z.object({ id: z.string(), bankAccountId: z.union([z.string(), z.number()]).nullable().optional() }),
    )
    .nullable()
    .optional(),
});

export const PosInfoSchema = z.object({
  operatorName: z.string(),
  operatorTIN: z.string(),
  posId: z.union([z.string(), z.number()]),
  posNo: z.string(),
  version: z.string(),
  lastSentDate: z.string().nullable(),
  leftLotteries: z.number().int(),
  paymentTypes: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  merchants: z.array(
    z.object({
      tin: z.string(),
      name: z.string(),
      vatPayer: z.boolean(),
      customers: z.array(z.object({ tin: z.string(), name: z.string(), vatPayer: z.boolean() })).optional(),
    }),
  ),
  condition: z.object({ isMedicine: z.boolean() }).partial().optional(),
});
export type PosInfo = z.infer<typeof PosInfoSchema>;

export const DeleteReceiptRequestSchema = z.object({
  id: z.string().regex(/^\d{33}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
});

/** An error body PosAPI may send with a non-2xx status. */
export const PosErrorBodySchema = z.object({
  status: z.union([z.string(), z.number()]).optional(),
  message: z.string().optional(),
});
