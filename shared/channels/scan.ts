/**
 * Scans (docs/architecture.md §10). Every scan enters main's one scan router: HID POS scans inside main,
 * keyboard-wedge scans and codes typed into the barcode field with `scan:submit` (one crossing). The router
 * classifies the code (shared/codes.ts) for the screen the cashier page last reported (`scan:set-screen`) and
 * carries it out — a line added, the approval flow opened or fed — and tells every cashier page with
 * `scan:outcome`: the line to select, the screen to show, or why nothing changed (a stable code with parameters,
 * worded by the page's catalogs).
 *
 * No output or event carries qrData: a receipt QR goes into the approval flow in main and stays there.
 */
import { z } from 'zod';
import { channel, event } from '../channel';
import type { CodeKind } from '../codes';
import { EntityIdSchema, SaleIdSchema } from '../domain';
import { QuantitySchema } from './sale';

// --- What the cashier is looking at -----------------------------------------------------------------------------

/** The cashier page's screens, down to the checkout step (the sale tab shows sale, payment or receipt). */
export const CASHIER_SCREENS = ['sale', 'payment', 'receipt', 'approval', 'journal', 'settings'] as const;
export const CashierScreenSchema = z.enum(CASHIER_SCREENS);
export type CashierScreen = z.infer<typeof CashierScreenSchema>;

export const ScanContextSchema = z.strictObject({
  screen: CashierScreenSchema,
  /** A dialog (quantity, discount, search …) is open over the screen: scans wait until it is closed. */
  dialog: z.boolean(),
  /** The barcode field holds `N*`: the next product scan (HID or wedge) counts N times. */
  quantity: QuantitySchema.nullable(),
});
export type ScanContext = z.infer<typeof ScanContextSchema>;

// --- What a scan was --------------------------------------------------------------------------------------------

export const CODE_KINDS = [
  'ean13',
  'ean8',
  'upca',
  'weight',
  'price',
  'invalid-checksum',
  'ebarimt-qr',
  'customer-no',
  'regno',
  'phone',
  'unknown',
] as const satisfies readonly CodeKind[];
export const CodeKindSchema = z.enum(CODE_KINDS);
// Every kind shared/codes.ts can produce is listed.
type _UnlistedKind = Exclude<CodeKind, (typeof CODE_KINDS)[number]>;
const _everyKindListed: [_UnlistedKind] extends [never] ? true : _UnlistedKind = true;

/** hid: a HID POS scanner read in main · wedge: decoded by the cashier page · keyboard: typed + Enter. */
export const ScanSourceSchema = z.enum(['hid', 'wedge', 'keyboard']);
export type ScanSource = z.infer<typeof ScanSourceSchema>;

// --- Why a scan changed nothing ---------------------------------------------------------------------------------

const Text = z.string().max(64);
const none = <C extends string>(code: C) => z.object({ code: z.literal(code) });

export const ScanErrorSchema = z.discriminatedUnion('code', [
  /** A barcode (or SKU) the catalog does not have. */
  z.object({ code: z.literal('product-not-found'), barcode: Text }),
  /** An EAN/UPC whose check digit is wrong (a misread or a typo) and that no product has as its code. */
  z.object({ code: z.literal('invalid-checksum'), barcode: Text }),
  /** Not a barcode, receipt or buyer code Kassa reads (shown cut to 64 characters). */
  z.object({ code: z.literal('unknown-code'), text: Text }),
  /** A product sold by weight scanned by its plain barcode: it needs a scale label or a typed weight. */
  z.object({ code: z.literal('sold-by-weight'), product: Text }),
  /** A weight label whose item is sold by the piece (a mis-set scale or rule). */
  z.object({ code: z.literal('not-sold-by-weight'), product: Text }),
  /** A scale label whose weight or price digits are zero. */
  z.object({ code: z.literal('label-without-value'), barcode: Text }),
  /** The label's weight (times the `N*` multiplier) is more than one line may hold (1 000 kg). */
  none('quantity-too-large'),
  /** The product is priced in another currency than the sale (the country changed mid-sale). */
  z.object({ code: z.literal('wrong-currency'), product: Text }),
  /** A payment of this sale is waiting or taken: items cannot be added until it is settled or cancelled. */
  none('payment-in-progress'),
  /** A receipt QR while the payment screen is open: the approval flow would take the cashier away from it. */
  none('receipt-during-payment'),
  /** A buyer's regNo / phone / eBarimt code outside the approval screen. */
  none('buyer-code-outside-approval'),
  /** A dialog is open over the screen. */
  none('dialog-open'),
  /** The journal does not take product scans (a receipt QR still opens approval there). */
  none('not-on-this-screen'),
  /** Settings: the scan is only reported, so an installer can see a scanner work. */
  z.object({ code: z.literal('scanner-test'), kind: CodeKindSchema, length: z.number().int().nonnegative() }),
  /** The approval flow is waiting for eBarimt (a lookup or a receipt in flight). */
  none('approval-busy'),
  /** The sale cannot take lines now (held elsewhere, or changed under the scan). */
  none('sale-not-editable'),
  /** Something unexpected failed in main; the log has the details (never the scan text). */
  none('failed'),
]);
export type ScanError = z.infer<typeof ScanErrorSchema>;
export type ScanErrorCode = ScanError['code'];

// --- What a scan did --------------------------------------------------------------------------------------------

const OutcomeBase = {
  /** Main's running number of scans: outcomes arrive in scan order. */
  seq: z.number().int().positive(),
  source: ScanSourceSchema,
  kind: CodeKindSchema,
};

export const ScanOutcomeSchema = z.discriminatedUnion('result', [
  z.object({
    ...OutcomeBase,
    result: z.literal('line-added'),
    saleId: SaleIdSchema,
    /** The line the scan added or counted up: the page selects it (F5 / F6 / Del act on it next). */
    lineId: EntityIdSchema,
    /** The `N*` multiplier the scan used (the page clears its barcode field), null when none. */
    multiplier: QuantitySchema.nullable(),
    navigate: z.literal('sale'),
  }),
  z.object({
    ...OutcomeBase,
    result: z.literal('approval'),
    /** opened: a receipt QR opened the flow · receipt: submitted or held · identify: the buyer is looked up. */
    step: z.enum(['opened', 'receipt', 'identify']),
    navigate: z.literal('approval'),
  }),
  z.object({
    ...OutcomeBase,
    result: z.literal('refused'),
    error: ScanErrorSchema,
    navigate: z.null(),
  }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcomeSchema>;
export type Navigation = NonNullable<ScanOutcome['navigate']>;

// --- Channels ---------------------------------------------------------------------------------------------------

/** Printable ASCII: what a wedge decode (US key map) can produce. No control characters, no terminator. */
export const WedgeScanTextSchema = z
  .string()
  .min(1, 'empty scan')
  .max(4096, 'a scan is at most 4096 characters')
  .regex(/^[\x20-\x7e]+$/, 'a wedge scan is printable ASCII only');

/** What the cashier typed into the barcode field: any printable text (a SKU, a regNo), no control characters. */
export const TypedCodeSchema = z
  .string()
  .trim()
  .min(1, 'scan or type a code')
  .max(4096, 'a code is at most 4096 characters')
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

const Multiplier = { quantity: QuantitySchema.optional() };

export const scanChannels = {
  'scan:submit': channel({
    input: z.discriminatedUnion('source', [
      z.strictObject({ source: z.literal('wedge'), text: WedgeScanTextSchema, ...Multiplier }),
      z.strictObject({ source: z.literal('keyboard'), text: TypedCodeSchema, ...Multiplier }),
    ]),
    output: ScanOutcomeSchema,
    summary:
      'A wedge scan or a typed code (optionally N times): main classifies it and carries it out (scan:outcome).',
  }),
  'scan:set-screen': channel({
    input: ScanContextSchema,
    output: ScanContextSchema,
    summary:
      'What the cashier page shows (screen, an open dialog, a pending N*); scans are carried out for it.',
  }),
} as const;

export const scanEvents = {
  /** Every scan's outcome, whatever its source, in scan order. */
  'scan:outcome': event(ScanOutcomeSchema, ['cashier']),
} as const;

export type ScanChannelName = keyof typeof scanChannels;
