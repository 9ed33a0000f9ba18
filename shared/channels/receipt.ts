import { z } from 'zod';
import { channel, event } from '../channel';

/**
 * The eBarimt receipt of a paid Mongolian sale. `printable` (lottery + qrData) is tax-authority data that is
 * shown and printed but never stored: it exists only in the running till's memory, so after a restart an
 * issued receipt has no printable part any more (the receipt id and totals remain in the journal).
 */
export const ReceiptPrintableSchema = z.object({
  lottery: z.string(),
  qrData: z.string(),
});

export const ReceiptViewSchema = z.object({
  saleId: z.string(),
  state: z.enum(['not-needed', 'pending', 'issuing', 'issued', 'failed']),
  /** PosAPI's receipt id (33 digits) once issued. */
  receiptId: z.string().nullable(),
  /** The buyer the receipt is registered to (8-digit eBarimt code), masked for display. */
  buyerMasked: z.string().nullable(),
  buyerName: z.string().nullable(),
  /** B2B receipts name the buying organisation's TIN instead of a person. */
  organizationTin: z.string().nullable(),
  totalText: z.string(),
  vatText: z.string(),
  cityTaxText: z.string(),
  issuedAt: z.string().nullable(),
  printable: ReceiptPrintableSchema.nullable(),
  error: z.object({ code: z.string(), message: z.object({ mn: z.string(), en: z.string() }) }).nullable(),
});
export type ReceiptView = z.infer<typeof ReceiptViewSchema>;

const SaleIdInput = z.strictObject({ saleId: z.string().min(1).max(64) });

export const receiptChannels = {
  'receipt:get': channel({
    input: SaleIdInput,
    output: ReceiptViewSchema,
    summary: "A sale's eBarimt receipt: state, totals and (while the till runs) lottery and QR for printing.",
  }),
  'receipt:issue': channel({
    input: SaleIdInput,
    output: ReceiptViewSchema,
    summary: 'Issue (or retry) the eBarimt receipt of a paid Mongolian sale. Never issues twice.',
  }),
  'receipt:identify-buyer': channel({
    input: z.strictObject({
      saleId: z.string().min(1).max(64),
      /** regNo (2 Cyrillic letters + 8 digits), phone, or 8-digit eBarimt customer code. */
      query: z.string().trim().min(1).max(40),
    }),
    output: ReceiptViewSchema,
    summary: "Look the buyer up in Easy Register and put their customer code on the sale's receipt.",
  }),
  'receipt:set-organization': channel({
    input: z.strictObject({
      saleId: z.string().min(1).max(64),
      /** The buying organisation's TIN (7 digits for a company, 11–12 for a citizen TIN). */
      tin: z.string().regex(/^(\d{7}|\d{11,12})$/, 'a TIN is 7 digits (company) or 11–12 digits'),
    }),
    output: ReceiptViewSchema,
    summary: 'Issue a B2B receipt to this organisation (no lottery; the buyer registers it themselves).',
  }),
  'receipt:clear-buyer': channel({
    input: SaleIdInput,
    output: ReceiptViewSchema,
    summary: 'Issue the receipt without a buyer (B2C, lottery receipt).',
  }),
} as const;

export const receiptEvents = {
  'receipt:updated': event(ReceiptViewSchema, ['cashier']),
} as const;
