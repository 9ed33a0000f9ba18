import { z } from 'zod';
import { MANAGER_ONLY, channel, event } from '../channel';
import { ReceiptResolutionSchema } from '../receipt-ref';
import { freeText } from '../text';

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
  /**
   * `unconfirmed`: PosAPI may hold this sale's receipt (its answer was lost); a manager resolves it with
   * receipt:resolve. `returned`: deleted at PosAPI after a full refund. `not-issued`: a manager decided so.
   */
  state: z.enum([
    'not-needed',
    'pending',
    'issuing',
    'issued',
    'failed',
    'unconfirmed',
    'returned',
    'not-issued',
  ]),
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
  /** The receipt this one corrected after a partial refund (its `inactiveId`), while known. */
  correctsReceiptId: z.string().nullable(),
  /** A manager's resolution of a receipt problem: what, who, why, when. */
  resolution: ReceiptResolutionSchema.nullable(),
});
export type ReceiptView = z.infer<typeof ReceiptViewSchema>;

const SaleIdInput = z.strictObject({ saleId: z.string().min(1).max(64) });

const Reason = freeText({ min: 1, max: 200, minMessage: 'say why' });
/** receipt:resolve (docs/architecture.md §9.1). */
export const ReceiptResolveInputSchema = z.discriminatedUnion('action', [
  z.strictObject({
    saleId: z.string().min(1).max(64),
    action: z.literal('issued'),
    /** The 33-digit ДДТД read in PosAPI's web page. */
    receiptId: z.string().regex(/^\d{33}$/, 'the receipt id is 33 digits'),
    /** Its date as PosAPI shows it, yyyy-MM-dd HH:mm:ss (a later return needs it). */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'yyyy-MM-dd HH:mm:ss'),
    reason: Reason.optional(),
  }),
  z.strictObject({ saleId: z.string().min(1).max(64), action: z.literal('reissue'), reason: Reason }),
  z.strictObject({ saleId: z.string().min(1).max(64), action: z.literal('no-receipt'), reason: Reason }),
]);
export type ReceiptResolveInput = z.infer<typeof ReceiptResolveInputSchema>;

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
  'receipt:resolve': channel({
    input: ReceiptResolveInputSchema,
    output: ReceiptViewSchema,
    roles: MANAGER_ONLY,
    summary:
      "A manager resolves a receipt PosAPI did not confirm: 'issued' (its id and date read in PosAPI's web page), 'reissue' (PosAPI has none: a new bill-id suffix) or 'no-receipt' (with the reason). Journaled with who and why.",
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
