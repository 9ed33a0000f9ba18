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
  /**
   * A person's name (register-number lookup) or the organisation's registered name (B2B); null when the person
   * was found by phone or code (ITC gives no name; the screen shows the masked code).
   */
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
      /**
       * regNo (2 letters + 8 digits; Latin look-alikes read as Cyrillic), phone or 8-digit eBarimt code (a person,
       * B2C); a company's 7-digit register number or an 11/14-digit TIN (an organisation, B2B).
       */
      query: z.string().trim().min(1).max(40),
    }),
    output: ReceiptViewSchema,
    summary:
      "Look the buyer up (Easy Register for a person, ITC's taxpayer lookup for an organisation) and put them on the sale's receipt; possible until the receipt is issued.",
  }),
  'receipt:set-organization': channel({
    input: z.strictObject({
      saleId: z.string().min(1).max(64),
      /**
       * A company's 7-digit state register number (converted to its TIN through ITC's public lookup) or an
       * 11/14-digit TIN (taken as it is). PosAPI always receives the TIN.
       */
      tin: z
        .string()
        .trim()
        .regex(/^(\d{7}|\d{11}|\d{14})$/, 'a 7-digit company register number or an 11/14-digit TIN'),
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
